// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "appsettings.h"
#include "commandline.h"
#include "configcommand.h"
#include "consoleprinter.h"
#include "epolldispatcher.h"
#include "filelimit.h"
#include "inspector.h"
#include "requestlog.h"
#include "signalwatcher.h"
#include "translations.h"
#include "tunnelclient.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <termios.h>
#include <unistd.h>

namespace {

int runTunnel(QCoreApplication &app, const CommandLine &command)
{
    raiseFileLimit(); // a descriptor per visitor and per local connection
    AppSettings settings;
    QString error;
    const QList<AppSettings::Profile> saved = command.savedProfiles(settings, &error);
    if (saved.isEmpty()) {
        std::fprintf(stderr, "rok: %s\n", qPrintable(error));
        return 2;
    }
    QList<TunnelOptions> tunnels;
    for (const AppSettings::Profile &profile : saved)
        tunnels.append(command.optionsWith(profile));
    std::unique_ptr<TunnelClient> client;
    std::unique_ptr<ConsolePrinter> printer;
    std::unique_ptr<Inspector> inspector;
    SignalWatcher signals;
    int exitCode = 0;
    const auto start = [&](const QByteArray &savedToken) {
        if (!savedToken.isEmpty()) // the connection's: the first tunnel's
            tunnels.first().token = savedToken;
        client = std::make_unique<TunnelClient>(tunnels);
        // --inspect serves the first http tunnel's log; the others are printed once, kept by none
        int inspected = -1;
        for (int tunnel = 0; tunnel < client->tunnelCount(); ++tunnel) {
            RequestLog *log = client->requestLog(tunnel);
            if (log && command.inspect && inspected < 0)
                inspected = tunnel;
            else if (log)
                log->setPublishOnly(true);
        }
        printer = std::make_unique<ConsolePrinter>(client.get(), command.json);
        printer->setTerminal(ConsolePrinter::terminalOf(stdout));
        if (inspected >= 0) {
            inspector = std::make_unique<Inspector>(client->requestLog(inspected),
                                                    client->options(inspected).local,
                                                    client->options(inspected).localInsecure);
            QString error;
            const quint16 port =
                    inspector->listen(command.inspect->first, command.inspect->second, &error);
            if (port == 0) {
                std::fprintf(stderr, "rok: %s\n", qPrintable(error));
                exitCode = 2;
                QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
                return;
            }
            QHostAddress shown = command.inspect->first;
            printer->printInspector(QStringLiteral("http://%1:%2/")
                                            .arg(shown.protocol() == QAbstractSocket::IPv6Protocol
                                                         ? u'[' + shown.toString() + u']'
                                                         : shown.toString())
                                            .arg(port));
        }
        // The first Ctrl-C lets open visitor streams finish (bounded); a second one stops at once.
        QObject::connect(&signals, &SignalWatcher::terminationRequested, client.get(),
                         &TunnelClient::stop);
        QObject::connect(client.get(), &TunnelClient::drained, &app, &QCoreApplication::quit);
        QObject::connect(client.get(), &TunnelClient::errorOccurred, client.get(),
                         [&exitCode](const QString &, bool fatal) {
                             if (!fatal)
                                 return;
                             exitCode = 1;
                             QCoreApplication::quit();
                         });
        client->start();
    };
    if (command.usesSavedToken(saved.constFirst())) { // the keyring answers on the event loop
        QObject::connect(settings.tokens(), &TokenStore::readFailed, &app,
                         [](const QString &message) {
                             std::fprintf(stderr, "rok: %s\n", qPrintable(message));
                         });
        QObject::connect(settings.tokens(), &TokenStore::tokenRead, &app,
                         [&](const QString &, const QByteArray &token) { start(token); });
        settings.tokens()->read(saved.constFirst().name);
    } else {
        start({});
    }
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [&client] {
        if (!client) // still waiting for the keyring
            QCoreApplication::quit();
    });
    QCoreApplication::exec();
    for (int tunnel = 0; client && tunnel < client->tunnelCount(); ++tunnel) {
        if (RequestLog *log = client->requestLog(tunnel))
            log->drain(); // the last records, printed before exit
    }
    return exitCode;
}

// A token typed at a terminal is not echoed; one piped in is read as it is.
QByteArray readTokenFromStdin()
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        std::fputs(qPrintable(QCoreApplication::translate("ConfigCommand", "Token: ")), stderr);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray token;
    char buffer[4096];
    // A token is one line; 64 KiB is far more than any token and bounds a mistaken pipe.
    while (token.size() < 65536 && std::fgets(buffer, sizeof buffer, stdin)) {
        token += buffer;
        if (terminal && token.endsWith('\n'))
            break;
    }
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    return token.trimmed();
}

int runConfig(QCoreApplication &app, const CommandLine &command)
{
    AppSettings settings;
    ConfigCommand config(&settings);
    int exitCode = 0;
    QObject::connect(&config, &ConfigCommand::finished, &app, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::quit();
    });
    const QByteArray token = command.config.verb == ConfigRequest::Verb::SetToken
            ? readTokenFromStdin()
            : QByteArray();
    QMetaObject::invokeMethod(
            &config, [&] { config.run(command.config, token); }, Qt::QueuedConnection);
    QCoreApplication::exec();
    return exitCode;
}

// The tray app is a program of its own, so that `rok http` loads no widget or window-system
// library (about 5 MiB resident): `rok` alone becomes it, with the same arguments.
int startTray(char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs(qPrintable(QCoreApplication::translate(
                           "CommandLine",
                           "rok: no display for the tray app (neither DISPLAY nor WAYLAND_DISPLAY "
                           "is set).\nFrom a terminal, start a tunnel with: rok http PORT\n"
                           "Try 'rok --help'.\n")),
                   stderr);
        return 2;
    }
    // Next to this program in a build tree; in libexec once installed (../libexec/rok/ from bin/).
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    QByteArray directory(self, qMax<ssize_t>(length, 0));
    directory.truncate(directory.lastIndexOf('/') + 1);
    QByteArray path = directory + "rok-tray";
    if (::access(path.constData(), X_OK) != 0)
        path = directory + ROK_TRAY_FROM_BINDIR;
    ::execv(path.constData(), argv);
    std::fprintf(stderr, "rok: cannot start the tray app %s: %s\n", path.constData(),
                 std::strerror(errno));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher); // before the application
    QCoreApplication app(argc, argv); // no display needed, not even for the tray app's exec
    Translations::install(); // before the first text: --help and the errors too
    const CommandLine command = CommandLine::parse(argc, argv);
    switch (command.action) {
    case CommandLine::Action::PrintAndExit:
        std::fputs(qPrintable(command.text), stdout);
        return 0;
    case CommandLine::Action::Error:
        std::fputs(qPrintable(QCoreApplication::translate("CommandLine",
                                                          "rok: %1\nTry 'rok --help'.\n")
                                      .arg(command.text)),
                   stderr);
        return 2;
    case CommandLine::Action::Tray:
        return startTray(argv);
    case CommandLine::Action::Tunnel:
        return runTunnel(app, command);
    case CommandLine::Action::Config:
        return runConfig(app, command);
    }
    return 0;
}
