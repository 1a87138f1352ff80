// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "trayapp.h"

#include "appsettings.h"
#include "commandline.h"
#include "singleinstance.h"
#include "statelook.h"

#include <QApplication>
#include <QLabel>
#include <QStatusBar>

namespace {

// This run's command-line values that win over the settings; a later `rok` adds to them.
struct Overrides
{
    std::optional<ServerAddress> server;
    std::optional<LocalTarget> local;
    Tls::Trust trust;

    void add(const CommandLine &command)
    {
        if (command.serverGiven)
            server = command.options.server;
        if (command.localGiven)
            local = command.options.local;
        if (command.trustGiven)
            trust = command.options.trust;
    }
    void applyTo(TunnelController &controller) const
    {
        controller.setOverrides(server, local, trust);
    }
};

// A later `rok` asked for the window, perhaps with a new --server or --local: take them, and
// restart the tunnel with them (or start it, for a --local).
void takeLaterArguments(const QStringList &arguments, Overrides &overrides,
                        TunnelController &controller, MainWindow &window)
{
    const CommandLine later =
            CommandLine::parse(QStringList{QStringLiteral("rok")} + arguments, {});
    if (later.action == CommandLine::Action::Tray
        && (later.serverGiven || later.localGiven || later.trustGiven)) {
        overrides.add(later);
        overrides.applyTo(controller);
        const bool run = controller.isRunning() || later.localGiven;
        controller.stop();
        if (run)
            controller.start(); // with the new values
    }
    window.show();
    window.raise();
    window.activateWindow();
}

} // namespace

TrayApp::TrayApp(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_tunnels(settings)
    , m_actions(&m_tunnels)
    , m_window(&m_tunnels, &m_actions, settings)
    , m_tray(&m_tunnels, &m_actions, &m_window)
{
    // Without a tray the app says so and stays a normal window, instead of vanishing; closing
    // the window hides it only while the tray can bring it back.
    auto *noTray = new QLabel(tr("No system tray found: rok runs as a normal window, and "
                                 "closing it quits."),
                              &m_window);
    m_window.statusBar()->addPermanentWidget(noTray);
    auto followTray = [this, noTray](bool available) {
        noTray->setVisible(!available);
        m_window.setHideOnClose(available);
    };
    connect(&m_tray, &TrayIcon::availabilityChanged, this, followTray);
    followTray(m_tray.isVisible());

    connect(m_actions.settings(), &QAction::triggered, &m_window, &MainWindow::showSettings);
    connect(m_actions.quit(), &QAction::triggered, qApp, &QCoreApplication::quit);
    connect(&m_tunnels, &TunnelSet::setupNeeded, &m_window, &MainWindow::showFirstStartSettings);
}

TrayApp::~TrayApp() = default;

int runTrayApp(QApplication &app, const CommandLine &command, SingleInstance *instance)
{
    QApplication::setWindowIcon(StateLook::appIcon());
    AppSettings settings;
    TrayApp parts(&settings);
    // This run's --server and --local are for the tunnel shown at start.
    TunnelController &controller = *parts.controller();
    MainWindow &window = *parts.window();
    Overrides overrides;
    overrides.add(command);
    overrides.applyTo(controller);
    if (!parts.tray()->isVisible())
        window.show();

    if (instance)
        QObject::connect(instance, &SingleInstance::argumentsReceived, &window,
                         [&](const QStringList &arguments) {
                             takeLaterArguments(arguments, overrides, controller, window);
                         });
    if (settings.startTunnelAtLaunch() || command.localGiven)
        controller.start();
    if (parts.tray()->isVisible() && (command.localGiven || command.serverGiven))
        window.show(); // started from a script or a terminal: show what it did
    return app.exec();
}
