// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "epolldispatcher.h"
#include "filelimit.h"
#include "server.h"
#include "serverconfig.h"
#include "servicenotifier.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher); // before the application
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rok-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROK_VERSION));

    // before the default of --max-connections is derived from it, as Go programs do at start
    raiseFileLimit();
    QString error;
    QString exitNow;
    const QStringList arguments = QCoreApplication::arguments();
    const QByteArray environmentToken = qgetenv("ROK_TOKEN");
    const auto config = ServerConfig::fromArguments(arguments, environmentToken, &error, &exitNow,
                                                    ServerConfig::DefaultConfigFile);
    if (!config) {
        if (!exitNow.isEmpty()) {
            std::fputs(qPrintable(exitNow), stdout);
            return 0;
        }
        std::fprintf(stderr, "rok-server: %s\nTry 'rok-server --help'.\n", qPrintable(error));
        return 2;
    }

    Server server(*config);
    server.setConfigSource([arguments, environmentToken](QString *error) {
        QString ignored;
        return ServerConfig::fromArguments(arguments, environmentToken, error, &ignored,
                                           ServerConfig::DefaultConfigFile);
    });
    if (!server.start(&error)) {
        std::fprintf(stderr, "rok-server: %s\n", qPrintable(error));
        return 1;
    }
    const QString status = QStringLiteral("tunnels at %1, clients on port %2")
                                   .arg(server.publicUrl(QStringLiteral("NAME")))
                                   .arg(server.controlPort());
    ServiceNotifier::ready(status);
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &server, [&server] {
        ServiceNotifier::stopping();
        server.shutdown();
    });
    signals.watchHangup(); // systemctl reload
    QObject::connect(&signals, &SignalWatcher::reloadRequested, &server, [&server, status] {
        ServiceNotifier::reloading();
        server.reload();
        ServiceNotifier::ready(status);
    });
    // Give the GoAway frames a moment to leave before the process ends.
    // (and a cluster node's lease releases to reach Redis)
    QObject::connect(&server, &Server::stopped, &app, [&server] {
        QTimer::singleShot(200, qApp, [&server] { QCoreApplication::exit(server.exitCode()); });
    });
    return app.exec();
}
