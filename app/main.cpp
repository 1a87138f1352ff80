#include "commandline.h"
#include "consoleprinter.h"
#include "signalwatcher.h"
#include "tunnelclient.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

int runTunnel(const CommandLine &command)
{
    TunnelClient client(command.options);
    ConsolePrinter printer(&client, command.json);
    SignalWatcher signals;
    int exitCode = 0;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &client, [&client] {
        client.stop();
        QCoreApplication::quit();
    });
    QObject::connect(&client, &TunnelClient::errorOccurred, &client,
                     [&exitCode](const QString &, bool fatal) {
                         if (!fatal)
                             return;
                         exitCode = 1;
                         QCoreApplication::quit();
                     });
    client.start();
    QCoreApplication::exec();
    if (client.requestLog())
        client.requestLog()->flush();
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rok"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROK_VERSION));

    const CommandLine command =
            CommandLine::parse(QCoreApplication::arguments(), qgetenv("ROK_TOKEN"));
    switch (command.action) {
    case CommandLine::Action::PrintAndExit:
        std::fputs(qPrintable(command.text), stdout);
        return 0;
    case CommandLine::Action::Error:
        std::fprintf(stderr, "rok: %s\nTry 'rok --help'.\n", qPrintable(command.text));
        return 2;
    case CommandLine::Action::Tray:
        // The tray app comes with its own issue; until then, say what works.
        std::fprintf(stderr,
                     "rok: the tray app is not part of this build yet; use "
                     "'rok http PORT' or 'rok tcp PORT' (see rok --help).\n");
        return 2;
    case CommandLine::Action::Tunnel:
        return runTunnel(command);
    }
    return 0;
}
