#pragma once

class QApplication;
class SingleInstance;
struct CommandLine;

// `rok` with no command: the tray app. Returns the exit code. `instance` (optional) brings the
// arguments of a later `rok`: the window comes up, with their --server and --local.
int runTrayApp(QApplication &app, const CommandLine &command, SingleInstance *instance = nullptr);
