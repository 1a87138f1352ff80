#include "trayapp.h"

#include "appsettings.h"
#include "commandline.h"
#include "mainwindow.h"
#include "trayicon.h"
#include "tunnelcontroller.h"

#include <QApplication>
#include <QLabel>
#include <QStatusBar>

int runTrayApp(QApplication &app, const CommandLine &command)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rok.svg")));
    AppSettings settings;
    TunnelController controller(&settings);
    controller.setOverrides(
            command.serverGiven ? std::optional(command.options.server) : std::nullopt,
            command.localGiven ? std::optional(command.options.local) : std::nullopt,
            command.options.trust);
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
    if (settings.startTunnelAtLaunch() || command.localGiven)
        controller.start();
    if (tray.isVisible() && (command.localGiven || command.serverGiven))
        window.show(); // started from a script or a terminal: show what it did
    return app.exec();
}
