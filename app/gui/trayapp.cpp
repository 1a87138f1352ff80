#include "trayapp.h"

#include "appsettings.h"
#include "commandline.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "trayicon.h"
#include "tunnelcontroller.h"

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
        controller.applySettings(); // stops a running tunnel
        if (run)
            controller.start(); // with the new values
    }
    window.show();
    window.raise();
    window.activateWindow();
}

} // namespace

int runTrayApp(QApplication &app, const CommandLine &command, SingleInstance *instance)
{
    QApplication::setWindowIcon(TrayIcon::appIcon());
    AppSettings settings;
    TunnelController controller(&settings);
    Overrides overrides;
    overrides.add(command);
    overrides.applyTo(controller);
    MainWindow window(&controller, &settings);
    TrayIcon tray(&controller, &window);

    // Without a tray the app says so and stays a normal window, instead of vanishing.
    auto *noTray = new QLabel(QObject::tr("No system tray found: rok runs as a normal window, and "
                                          "closing it quits."),
                              &window);
    window.statusBar()->addPermanentWidget(noTray);
    QObject::connect(&tray, &TrayIcon::availabilityChanged, noTray,
                     [noTray](bool available) { noTray->setVisible(!available); });
    noTray->setVisible(!tray.isVisible());
    if (!tray.isVisible())
        window.show();

    QObject::connect(&window, &MainWindow::quitRequested, &app, &QCoreApplication::quit);
    if (instance)
        QObject::connect(instance, &SingleInstance::argumentsReceived, &window,
                         [&](const QStringList &arguments) {
                             takeLaterArguments(arguments, overrides, controller, window);
                         });
    if (settings.startTunnelAtLaunch() || command.localGiven)
        controller.start();
    if (tray.isVisible() && (command.localGiven || command.serverGiven))
        window.show(); // started from a script or a terminal: show what it did
    return app.exec();
}
