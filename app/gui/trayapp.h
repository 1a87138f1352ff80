#pragma once

class QApplication;
struct CommandLine;

// `rok` with no command: the tray app. Returns the exit code.
int runTrayApp(QApplication &app, const CommandLine &command);
