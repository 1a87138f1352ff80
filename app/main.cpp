#include "commandline.h"
#include "consoleprinter.h"
#include "signalwatcher.h"
#include "trayapp.h"
#include "tunnelclient.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

int runTunnel(int argc, char *argv[], const CommandLine &command)
{
    QCoreApplication app(argc, argv); // no display needed
    TunnelClient client(command.options);
    ConsolePrinter printer(&client, command.json);
    SignalWatcher signals;
    int exitCode = 0;
    // The first Ctrl-C lets open visitor streams finish (bounded); a second one stops at once.
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &client, &TunnelClient::stop);
    QObject::connect(&client, &TunnelClient::drained, &app, &QCoreApplication::quit);
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

int runTray(int argc, char *argv[], const CommandLine &command)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rok"));
    QApplication::setOrganizationName(QStringLiteral("rok"));
    QApplication::setApplicationVersion(QStringLiteral(ROK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(ROK_APP_ID)); // its desktop entry
    // The language follows the system locale; English (for its plural forms) otherwise.
    QTranslator translator;
    const QString i18n = QStringLiteral(":/i18n");
    if (translator.load(QLocale(), QStringLiteral("rok"), QStringLiteral("_"), i18n)
        || translator.load(QStringLiteral("rok_en"), i18n))
        QCoreApplication::installTranslator(&translator);
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    return runTrayApp(app, command);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLine command = CommandLine::parse(arguments, qgetenv("ROK_TOKEN"));
    switch (command.action) {
    case CommandLine::Action::PrintAndExit:
        std::fputs(qPrintable(command.text), stdout);
        return 0;
    case CommandLine::Action::Error:
        std::fprintf(stderr, "rok: %s\nTry 'rok --help'.\n", qPrintable(command.text));
        return 2;
    case CommandLine::Action::Tray:
        return runTray(argc, argv, command);
    case CommandLine::Action::Tunnel:
        return runTunnel(argc, argv, command);
    }
    return 0;
}
