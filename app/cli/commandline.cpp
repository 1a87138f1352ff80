// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "commandline.h"

#include <QHostAddress>

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine",
                                       text); // the context lupdate files these under
}
} // namespace

CommandLine CommandLine::parse(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return parse(arguments, qgetenv("ROK_TOKEN"));
}

CommandLine CommandLine::parse(const QStringList &arguments, const QByteArray &tokenFromEnvironment)
{
    CommandLine result;
    if (arguments.value(1) == u"config") { // its own words and options
        QString error;
        QString help;
        if (const auto request = ConfigRequest::parse(arguments.mid(2), &error, &help)) {
            result.action = Action::Config;
            result.config = *request;
        } else {
            result.action = help.isEmpty() ? Action::Error : Action::PrintAndExit;
            result.text = help.isEmpty() ? error : help;
        }
        return result;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("rok: a public URL for a local port.\n\n"
               "  rok http [HOST:]PORT   share a local web server (HOST defaults to localhost)\n"
               "  rok tcp [HOST:]PORT    share any TCP service on a public port\n"
               "  rok start NAME...      start saved tunnels, over one connection (rok config "
               "show lists them; --all starts every one)\n"
               "  rok config ...         show or change the saved settings: server, token, "
               "tunnels (rok config --help)\n"
               "  rok                    the tray app\n\n"
               "The server, its token and its trust come from the saved settings unless given "
               "here."));
    parser.addPositionalArgument(QStringLiteral("command"), tr("http, tcp, start or config"),
                                 QStringLiteral("http|tcp|start|config"));
    parser.addPositionalArgument(QStringLiteral("target"),
                                 tr("local [HOST:]PORT, or the saved tunnel's NAME"),
                                 QStringLiteral("[HOST:]PORT|NAME"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    tr("The rok-server to use (default localhost:7835). TLS "
                                       "unless HOST is this machine; tls:// or tcp:// in front "
                                       "forces TLS or plain TCP."),
                                    QStringLiteral("[tls://|tcp://]HOST:PORT"),
                                    QStringLiteral("localhost:7835"));
    const QCommandLineOption ca(QStringLiteral("ca"),
                                tr("Also trust the CA certificates in this PEM file for the "
                                   "server's TLS certificate."),
                                QStringLiteral("FILE"));
    const QCommandLineOption fingerprint(
            QStringLiteral("fingerprint"),
            tr("Trust exactly the server certificate with this SHA-256 fingerprint (rok-server "
               "prints it), instead of CAs."),
            QStringLiteral("sha256:HEX"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   tr("Secret the server asks for (or ROK_TOKEN)."),
                                   QStringLiteral("SECRET"));
    const QCommandLineOption subdomain(QStringLiteral("subdomain"),
                                       tr("Ask for this name instead of a random one."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print one JSON object a line instead of text."));
    const QCommandLineOption local(QStringLiteral("local"),
                                   tr("Without a command: the tray app's local [HOST:]PORT for "
                                      "this run."),
                                   QStringLiteral("[HOST:]PORT"));
    const QCommandLineOption basicAuth(
            QStringLiteral("basic-auth"),
            tr("Visitors must log in as USER with PASS (repeatable); checked by the server, "
               "which keeps only a salted hash."),
            QStringLiteral("USER:PASS"));
    const QCommandLineOption allowCidr(QStringLiteral("allow-cidr"),
                                       tr("Only visitors from this address range (repeatable)."),
                                       QStringLiteral("CIDR"));
    const QCommandLineOption denyCidr(QStringLiteral("deny-cidr"),
                                      tr("No visitors from this address range (repeatable)."),
                                      QStringLiteral("CIDR"));
    const QCommandLineOption localInsecure(
            QStringLiteral("local-insecure"),
            tr("With an https:// local target: accept its certificate unchecked (a "
               "self-signed development certificate)."));
    const QCommandLineOption hostHeader(
            QStringLiteral("host-header"),
            tr("The Host header the local service gets: rewrite (its own, for dev servers "
               "that check it) or a fixed VALUE. Default: the public one."),
            QStringLiteral("rewrite|VALUE"));
    const QCommandLineOption hold(
            QStringLiteral("hold"),
            tr("HTTP: while the local service refuses connections (restarting, say), each "
               "visitor's request waits up to SECONDS for it to come back before the 502. "
               "Default 10; 0 answers at once."),
            QStringLiteral("SECONDS"));
    const QCommandLineOption inspect(
            QStringLiteral("inspect"),
            tr("HTTP: serve the request log as JSON and a page at http://ADDRESS:PORT (loopback "
               "only; ADDRESS defaults to 127.0.0.1), for a terminal without a desktop."),
            QStringLiteral("[ADDRESS:]PORT"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 tr("With start: every saved tunnel (they must share a server)."));
    parser.addOptions({help, version, server, token, subdomain, json, local, ca, fingerprint,
                       basicAuth, allowCidr, denyCidr, localInsecure, hostHeader, hold, inspect,
                       all});

    if (!parser.parse(arguments)) {
        result.action = Action::Error;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.action = Action::PrintAndExit;
        // rok-tray parses before its QApplication exists, and then Qt cannot know the name.
        result.text = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                QStringLiteral("rok"));
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::PrintAndExit;
        result.text = QStringLiteral("rok " ROK_VERSION "\n");
        return result;
    }
    TunnelOptions &options = result.options;
    if (parser.isSet(inspect)) {
        const QString value = parser.value(inspect);
        const qsizetype colon = value.lastIndexOf(u':');
        QString host = colon < 0 ? QStringLiteral("127.0.0.1") : value.left(colon);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        bool ok = false;
        const uint port = value.mid(colon + 1).toUInt(&ok);
        const QHostAddress address(host);
        if (!ok || port > 65535 || address.isNull()) {
            result.action = Action::Error;
            result.text = tr("--inspect takes [ADDRESS:]PORT, such as 4040 or 127.0.0.1:4040, not "
                             "\"%1\"")
                                  .arg(value);
            return result;
        }
        result.inspect = std::pair{address, quint16(port)};
    }
    if (parser.isSet(hold)) {
        bool ok = false;
        const int seconds = parser.value(hold).toInt(&ok);
        if (!ok || seconds < 0 || seconds > MaxHoldSeconds) {
            result.action = Action::Error;
            result.text = tr("--hold takes whole seconds from 0 to %1, not \"%2\"")
                                  .arg(MaxHoldSeconds)
                                  .arg(parser.value(hold));
            return result;
        }
        options.hold.time = std::chrono::seconds(seconds);
        result.holdGiven = true;
    }
    const auto serverAddress =
            ServerAddress::parse(parser.value(server), QStringLiteral("localhost"));
    if (!serverAddress) {
        result.action = Action::Error;
        result.text = tr("invalid --server \"%1\" (expected HOST:PORT, tls://HOST:PORT or "
                         "tcp://HOST:PORT)")
                              .arg(parser.value(server));
        return result;
    }
    options.server = *serverAddress;
    if (parser.isSet(ca)) {
        QString error;
        options.trust.extraCas = Tls::loadCertificates(parser.value(ca), &error);
        if (options.trust.extraCas.isEmpty()) {
            result.action = Action::Error;
            result.text = tr("invalid --ca: %1").arg(error);
            return result;
        }
    }
    for (const QString &value : parser.values(basicAuth)) {
        const qsizetype colon = value.indexOf(u':');
        if (colon <= 0 || colon == value.size() - 1) {
            result.action = Action::Error;
            result.text = tr("invalid --basic-auth (expected USER:PASS, both non-empty)");
            return result;
        }
        options.credentials.append(Protocol::Credential::make(value.left(colon).toUtf8(),
                                                              value.mid(colon + 1).toUtf8()));
    }
    for (const auto &[option, list] :
         {std::pair{&allowCidr, &options.allowCidrs}, std::pair{&denyCidr, &options.denyCidrs}}) {
        for (const QString &value : parser.values(*option)) {
            if (QHostAddress::parseSubnet(value).first.isNull() && QHostAddress(value).isNull()) {
                result.action = Action::Error;
                result.text = tr("invalid --%1 \"%2\" (expected a range such as 10.0.0.0/8 or "
                                 "2001:db8::/32)")
                                      .arg(option->names().constFirst(), value);
                return result;
            }
            list->append(value);
        }
    }
    if (parser.isSet(fingerprint)) {
        QString error;
        const auto pin = Tls::parseFingerprint(parser.value(fingerprint), &error);
        if (!pin) {
            result.action = Action::Error;
            result.text = tr("invalid --fingerprint: %1").arg(error);
            return result;
        }
        options.trust.pinnedSha256 = *pin;
    }
    result.serverGiven = parser.isSet(server);
    result.trustGiven = parser.isSet(ca) || parser.isSet(fingerprint);
    options.token = parser.isSet(token) ? parser.value(token).toUtf8() : tokenFromEnvironment;
    result.tokenGiven = parser.isSet(token) || !tokenFromEnvironment.isEmpty();
    options.subdomain = parser.value(subdomain).toLower();

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() && parser.isSet(all)) {
        result.action = Action::Error;
        result.text = tr("--all goes with start: rok start --all");
        return result;
    }
    if (positional.isEmpty()) {
        result.action = Action::Tray;
        if (parser.isSet(local)) {
            const auto target = LocalTarget::parse(parser.value(local));
            if (!target) {
                result.action = Action::Error;
                result.text = tr("invalid --local \"%1\" (expected PORT, HOST:PORT or "
                                 "https://HOST:PORT)")
                                      .arg(parser.value(local));
                return result;
            }
            options.local = *target;
            result.localGiven = true;
        }
        return result;
    }
    if (parser.isSet(local)) {
        result.action = Action::Error;
        result.text = tr("--local is for the tray app; give the local address after the "
                         "command instead, as in: rok http 3000");
        return result;
    }
    const QString command = positional.constFirst();
    if (command != u"http" && command != u"tcp" && command != u"start") {
        result.action = Action::Error;
        result.text =
                tr("unknown command \"%1\" (expected http, tcp, start or config)").arg(command);
        return result;
    }
    if (command == u"start") {
        const QStringList names = positional.mid(1);
        if (names.isEmpty() == !parser.isSet(all)) {
            result.action = Action::Error;
            result.text = tr("start needs the names of saved tunnels, such as: rok start web api, "
                             "or --all");
            return result;
        }
        for (const QCommandLineOption *tunnelSide :
             {&subdomain, &basicAuth, &allowCidr, &denyCidr, &localInsecure, &hostHeader}) {
            if (parser.isSet(*tunnelSide)) {
                result.action = Action::Error;
                result.text = tr("--%1 is saved with each tunnel: rok config set ... --tunnel NAME")
                                      .arg(tunnelSide->names().constFirst());
                return result;
            }
        }
        for (const QString &name : names)
            result.savedTunnels.append(name.trimmed());
        result.allSavedTunnels = parser.isSet(all);
        result.json = parser.isSet(json);
        result.action = Action::Tunnel;
        return result;
    }
    if (positional.size() != 2) {
        result.action = Action::Error;
        result.text = tr("%1 needs one local [HOST:]PORT, such as: rok %1 3000").arg(command);
        return result;
    }
    if (parser.isSet(all)) {
        result.action = Action::Error;
        result.text = tr("--all goes with start: rok start --all");
        return result;
    }
    options.protocol =
            command == u"tcp" ? TunnelOptions::Protocol::Tcp : TunnelOptions::Protocol::Http;
    if (result.inspect && options.protocol == TunnelOptions::Protocol::Tcp) {
        result.action = Action::Error;
        result.text = tr("--inspect is for http tunnels: rok http 3000 --inspect 4040");
        return result;
    }
    const auto target = LocalTarget::parse(positional.at(1));
    if (!target || (target->tls && options.protocol == TunnelOptions::Protocol::Tcp)) {
        result.action = Action::Error;
        result.text = tr("invalid local address \"%1\" (expected PORT, HOST:PORT or, for "
                         "http, https://HOST:PORT)")
                              .arg(positional.at(1));
        return result;
    }
    options.local = *target;
    options.localInsecure = parser.isSet(localInsecure);
    if (parser.isSet(hostHeader)) {
        const QString value = parser.value(hostHeader);
        options.hostHeader = value == u"rewrite" ? options.local.authority() : value;
        if (options.protocol == TunnelOptions::Protocol::Tcp || options.hostHeader.isEmpty()) {
            result.action = Action::Error;
            result.text = tr("--host-header is for http tunnels: rewrite, or a host such as "
                             "myapp.test");
            return result;
        }
    }
    result.json = parser.isSet(json);
    result.action = Action::Tunnel;
    return result;
}

TunnelOptions CommandLine::optionsWith(const AppSettings::Profile &saved) const
{
    TunnelOptions result = startsSaved() ? saved.toOptions({}) : options;
    if (startsSaved())
        result.label = saved.name;
    const TunnelOptions fromSettings = saved.toOptions({});
    result.server = serverGiven ? options.server : fromSettings.server;
    result.trust = trustGiven ? options.trust : fromSettings.trust;
    if (tokenGiven)
        result.token = options.token;
    if (holdGiven)
        result.hold = options.hold;
    return result;
}

bool CommandLine::usesSavedToken(const AppSettings::Profile &saved) const
{
    return !tokenGiven
            && optionsWith(saved).server.toString() == saved.toOptions({}).server.toString();
}

QList<AppSettings::Profile> CommandLine::savedProfiles(const AppSettings &settings,
                                                       QString *error) const
{
    if (!startsSaved())
        return {settings.profile()};
    QList<AppSettings::Profile> profiles =
            allSavedTunnels ? settings.profiles() : QList<AppSettings::Profile>();
    for (const QString &name : savedTunnels) {
        const AppSettings::Profile *profile = settings.findProfile(name);
        if (!profile) {
            *error = tr("no saved tunnel named \"%1\" (rok config show lists them)").arg(name);
            return {};
        }
        if (!profiles.contains(*profile))
            profiles.append(*profile);
    }
    for (const AppSettings::Profile &profile : profiles) {
        if (!serverGiven && profile.server != profiles.constFirst().server) {
            *error = tr("%1 and %2 use different servers (%3, %4); one rok start connects to one "
                        "server")
                             .arg(profiles.constFirst().name, profile.name,
                                  profiles.constFirst().server, profile.server);
            return {};
        }
    }
    return profiles;
}
