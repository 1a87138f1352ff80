// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "mainwindow.h"
#include "trayicon.h"
#include "tunnelactions.h"
#include "tunnelcontroller.h"
#include "tunnelset.h"

#include <QObject>

class QApplication;
class SingleInstance;
struct CommandLine;

// The tray app's parts wired together: the tunnels, the actions its menus and buttons share,
// the window and the tray icon. runTrayApp() runs one; the widget tests build the same.
class TrayApp : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayApp)

public:
    explicit TrayApp(AppSettings *settings, QObject *parent = nullptr);
    ~TrayApp() override;

    TunnelSet *tunnels() { return &m_tunnels; }
    TunnelController *controller() { return m_tunnels.current(); } // the one the window shows
    TunnelActions *actions() { return &m_actions; }
    MainWindow *window() { return &m_window; }
    TrayIcon *tray() { return &m_tray; }

private:
    TunnelSet m_tunnels;
    TunnelActions m_actions;
    MainWindow m_window;
    TrayIcon m_tray;
};

// `rok` with no command: the tray app. Returns the exit code. `instance` (optional) brings the
// arguments of a later `rok`: the window comes up, with their --server and --local.
int runTrayApp(QApplication &app, const CommandLine &command, SingleInstance *instance = nullptr);
