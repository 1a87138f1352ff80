// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "serverconfig.h"

#include "endpoint.h"
#include "optionsfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>

#include <functional>

#include <sys/resource.h>
#include <unistd.h>

namespace {

// The server's texts, in one translation context.
QString tr(const char *text)
{
    return QCoreApplication::translate("rok-server", text);
}

bool parsePort(const QString &text, quint16 *port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

bool parseSeconds(const QString &text, std::chrono::milliseconds *out)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !(seconds >= 0 && seconds <= 86400 * 365)) // written so that NaN fails too
        return false;
    *out = std::chrono::milliseconds(qint64(seconds * 1000));
    return true;
}

bool parseCount(const QString &text, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1)
        return false;
    *out = value;
    return true;
}

struct ClusterOptions
{
    const QCommandLineOption &redis, &nodeId, &nodeAddress, &leaseTtl, &clusterSecret;
};

using Invalid = std::function<void(const QCommandLineOption &option, const char *hint)>;

// --redis and the options that go with it.
bool parseCluster(const QCommandLineParser &parser, const ClusterOptions &options,
                  ServerConfig *config, QString *error, const Invalid &invalid)
{
    const bool clustered = parser.isSet(options.redis);
    for (const QCommandLineOption *option :
         {&options.nodeId, &options.nodeAddress, &options.leaseTtl, &options.clusterSecret}) {
        if (!clustered && parser.isSet(*option)) {
            *error = tr("--%1 is for cluster mode: add --redis").arg(option->names().constLast());
            return false;
        }
    }
    if (!clustered)
        return true;
    QString why;
    config->redis = RedisClient::parseUrl(parser.value(options.redis), &why);
    if (!config->redis) {
        *error = tr("invalid --redis: %1").arg(why);
        return false;
    }
    config->nodeId = parser.value(options.nodeId);
    // It goes into Redis keys, logs and headers: a short, plain name.
    static const QRegularExpression plainId(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    if (parser.isSet(options.nodeId) && !plainId.match(config->nodeId).hasMatch()) {
        invalid(options.nodeId,
                QT_TRANSLATE_NOOP("rok-server", " (1 to 64 of A-Z a-z 0-9 . _ : -)"));
        return false;
    }
    if (!parser.isSet(options.nodeAddress)) {
        *error = tr("--redis needs --node-address ADDR:PORT, where the other nodes reach this one");
        return false;
    }
    config->nodeAddress = Endpoint::parse(parser.value(options.nodeAddress));
    if (!config->nodeAddress || config->nodeAddress->first.isNull()
        || config->nodeAddress->first == QHostAddress::AnyIPv4
        || config->nodeAddress->first == QHostAddress::AnyIPv6) {
        invalid(options.nodeAddress,
                QT_TRANSLATE_NOOP("rok-server",
                                  " (expected the IP address and port the other nodes reach, "
                                  "such as 10.0.0.5:7836)"));
        return false;
    }
    if (!parseSeconds(parser.value(options.leaseTtl), &config->leaseTtl)
        || config->leaseTtl < std::chrono::seconds(1)) {
        invalid(options.leaseTtl, QT_TRANSLATE_NOOP("rok-server", " (1 second or more)"));
        return false;
    }
    config->clusterSecret = parser.value(options.clusterSecret).toUtf8();
    if (config->clusterSecret.isEmpty() && !config->nodeAddress->first.isLoopback()) {
        *error = tr("--node-address %1 is reachable from other machines: give the nodes a "
                    "--cluster-secret")
                         .arg(parser.value(options.nodeAddress));
        return false;
    }
    return true;
}

} // namespace

int ServerConfig::defaultMaxConnections()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 100'000;
    const auto files = qint64(qMin<rlim_t>(limit.rlim_cur, 10'000'000));
    return int(qMax<qint64>(16, files * 9 / 10 - 32));
}

std::optional<ServerConfig> ServerConfig::fromArguments(const QStringList &arguments,
                                                        const QByteArray &tokenFromEnvironment,
                                                        QString *error, QString *exitNow,
                                                        const QString &defaultConfigFile)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("rok-server: the public side of rok tunnels.\n"
               "Visitors reach http://NAME.DOMAIN:HTTP-PORT; rok clients connect to "
               "the control port."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption domain(QStringLiteral("domain"),
                                    tr("Domain tunnels live under (default localhost)."),
                                    QStringLiteral("DOMAIN"), QStringLiteral("localhost"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  tr("Address to listen on (default: all, IPv4 and IPv6)."),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption httpPort(QStringLiteral("http-port"),
                                      tr("Public HTTP port (default 8080, 0: any)."),
                                      QStringLiteral("PORT"), QStringLiteral("8080"));
    const QCommandLineOption controlPort(QStringLiteral("control-port"),
                                         tr("Port rok clients connect to (default 7835)."),
                                         QStringLiteral("PORT"), QStringLiteral("7835"));
    const QCommandLineOption tcpPorts(QStringLiteral("tcp-ports"),
                                      tr("Ports for TCP tunnels, FROM-TO (default 10000-20000)."),
                                      QStringLiteral("FROM-TO"), QStringLiteral("10000-20000"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   tr("A secret clients must hold (repeatable; or ROK_TOKEN)."),
                                   QStringLiteral("SECRET"));
    const QCommandLineOption tokensFile(
            QStringLiteral("tokens-file"),
            tr("Tokens, one a line, each with optional names=web,web-* and max-tunnels=N; read "
               "again on SIGHUP."),
            QStringLiteral("FILE"));
    const QCommandLineOption anonymous(QStringLiteral("allow-anonymous"),
                                       tr("Without tokens, accept clients from any address, not "
                                          "just loopback."));
    const QCommandLineOption reserve(QStringLiteral("reserve-seconds"),
                                     tr("How long a disconnected client's name stays reserved "
                                        "(default 60)."),
                                     QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption headTimeout(
            QStringLiteral("head-timeout"),
            tr("Seconds a visitor has to send a request head (default 10)."),
            QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption logFormat(QStringLiteral("log-format"),
                                       tr("text or json (one object a line)."),
                                       QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     tr("PEM certificate (chain) for TLS on the control port; "
                                        "clients then connect with tls://."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), tr("PEM private key of --tls-cert."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption httpsPort(QStringLiteral("https-port"),
                                       tr("Public HTTPS port for the same tunnels (0: any); "
                                          "URLs become https://."),
                                       QStringLiteral("PORT"));
    const QCommandLineOption edgeCert(QStringLiteral("edge-cert"),
                                      tr("PEM certificate for HTTPS visitors, for *.DOMAIN "
                                         "(default: --tls-cert). Reloaded on SIGHUP."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption edgeKey(QStringLiteral("edge-key"),
                                     tr("PEM private key of --edge-cert (default: --tls-key)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption httpRedirect(
            QStringLiteral("http-redirect"),
            tr("With --https-port: on (default) answers plain HTTP with 308 to HTTPS; off serves "
               "both."),
            QStringLiteral("on|off"), QStringLiteral("on"));
    const QCommandLineOption selfSigned(
            QStringLiteral("self-signed"),
            tr("TLS on the control port with a certificate made once in --state-dir; clients "
               "pin its fingerprint (printed at start)."));
    const QCommandLineOption stateDir(
            QStringLiteral("state-dir"),
            tr("Where rok-server keeps what it makes (default %1).").arg(defaultStateDirectory()),
            QStringLiteral("DIR"), defaultStateDirectory());
    const QCommandLineOption acmeEmail(
            QStringLiteral("acme-email"),
            tr("With --https-port: get a certificate for each tunnel name from an ACME CA (Let's "
               "Encrypt), with this contact address. The CA must reach the HTTP port as port 80."),
            QStringLiteral("ADDRESS"));
    const QCommandLineOption acmeDirectory(
            QStringLiteral("acme-directory"),
            tr("The ACME CA's directory URL (default Let's Encrypt's: %1).")
                    .arg(DefaultAcmeDirectory),
            QStringLiteral("URL"), DefaultAcmeDirectory);
    const QCommandLineOption acmeCa(QStringLiteral("acme-ca"),
                                    tr("Also trust this PEM CA when talking to the ACME CA (a "
                                       "test CA such as pebble)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption adminListen(
            QStringLiteral("admin-listen"),
            tr("Serve /metrics (Prometheus), /healthz and /api/tunnels on this address (off unless "
               "set; port 0 picks one). It shows who uses the server: keep it on loopback or a "
               "private network."),
            QStringLiteral("ADDR:PORT"));
    const QCommandLineOption redis(
            QStringLiteral("redis"),
            tr("Cluster mode: share names and ports with the other nodes through this Redis, "
               "redis://[[USER]:PASSWORD@]HOST[:PORT][/DB] (see docs/SCALE-OUT.md)."),
            QStringLiteral("URL"));
    const QCommandLineOption nodeId(
            QStringLiteral("node-id"),
            tr("With --redis: this node's name, unique in the cluster (default: host name and "
               "the --node-address port)."),
            QStringLiteral("ID"));
    const QCommandLineOption nodeAddress(
            QStringLiteral("node-address"),
            tr("With --redis: where this node listens for the other nodes and where they reach it "
               "(port 0 picks one). The links use TLS when the nodes have --tls-cert or "
               "--self-signed."),
            QStringLiteral("ADDR:PORT"));
    const QCommandLineOption leaseTtl(
            QStringLiteral("lease-ttl"),
            tr("With --redis: seconds after which a node that stopped answering loses its names "
               "and ports (default 5)."),
            QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption clusterSecret(
            QStringLiteral("cluster-secret"),
            tr("With --redis: the secret the nodes prove to each other; needed unless "
               "--node-address is a loopback address. Better in the config file than here."),
            QStringLiteral("SECRET"));
    const ServerConfig defaults;
    const auto limit = [](const char *name, const char *text, const QString &value) {
        return QCommandLineOption(QString::fromLatin1(name), tr(text), QStringLiteral("N"), value);
    };
    const auto seconds = [](std::chrono::milliseconds duration) {
        return QString::number(duration.count() / 1000);
    };
    const QCommandLineOption idleTimeout =
            limit("idle-timeout",
                  QT_TRANSLATE_NOOP("rok-server",
                                    "Seconds a keep-alive visitor may wait between "
                                    "requests (default 75; 0: no limit)."),
                  seconds(defaults.idleTimeout));
    const QCommandLineOption sendTimeout =
            limit("send-timeout",
                  QT_TRANSLATE_NOOP("rok-server",
                                    "Seconds a visitor may read nothing while rok has "
                                    "data for it (default 60; 0: no limit)."),
                  seconds(defaults.sendTimeout));
    const QCommandLineOption tcpIdleTimeout =
            limit("tcp-idle-timeout",
                  QT_TRANSLATE_NOOP("rok-server",
                                    "Seconds without a byte either way before a TCP "
                                    "tunnel's visitor or a websocket is closed (default "
                                    "3600; 0: no limit)."),
                  seconds(defaults.tcpIdleTimeout));
    const QString maxDefault = QString::number(defaults.maxConnections);
    const QCommandLineOption maxConnections(
            QStringLiteral("max-connections"),
            tr("Visitor connections open at once, HTTP and TCP (default: 90% of the open-file "
               "limit, here %1).")
                    .arg(maxDefault),
            QStringLiteral("N"), maxDefault);
    const QCommandLineOption maxPerIp =
            limit("max-connections-per-ip",
                  QT_TRANSLATE_NOOP("rok-server",
                                    "Visitor connections open at once from one address "
                                    "(an IPv6 /64) (default 256)."),
                  QString::number(defaults.maxConnectionsPerIp));
    const QCommandLineOption maxStreams = limit(
            "max-streams-per-client",
            QT_TRANSLATE_NOOP("rok-server",
                              "Visitor connections open at once through one client; more get 503 "
                              "(default 1000)."),
            QString::number(defaults.maxStreamsPerClient));
    const QCommandLineOption maxTunnels = limit(
            "max-tunnels-per-token",
            QT_TRANSLATE_NOOP("rok-server", "Tunnels open at once with one token (default 32)."),
            QString::number(defaults.maxTunnelsPerToken));
    const QCommandLineOption acmeOrders =
            limit("acme-orders-per-hour",
                  QT_TRANSLATE_NOOP("rok-server",
                                    "New certificates asked for in an hour, for all names together "
                                    "(default 20): a CA's weekly limit is not spent by one user."),
                  QString::number(defaults.acmeOrdersPerHour));
    const QCommandLineOption configFile(
            QStringLiteral("config"),
            tr("Read settings from this TOML file, whose keys are these options' long names "
               "(http-port = 8080, token = [\"...\"]); options given here win. Default: %1 "
               "when it exists. Read again on SIGHUP.")
                    .arg(DefaultConfigFile),
            QStringLiteral("FILE"));
    // Every option but these has a key of the same name in the config file.
    const QList<QCommandLineOption> settings = {
            domain,         bind,       httpPort,    controlPort,   tcpPorts,    token,
            anonymous,      reserve,    headTimeout, idleTimeout,   sendTimeout, tcpIdleTimeout,
            maxConnections, maxPerIp,   maxStreams,  maxTunnels,    logFormat,   tlsCert,
            tlsKey,         selfSigned, stateDir,    httpsPort,     edgeCert,    edgeKey,
            httpRedirect,   tokensFile, acmeEmail,   acmeDirectory, acmeCa,      acmeOrders,
            adminListen,    redis,      nodeId,      nodeAddress,   leaseTtl,    clusterSecret};
    parser.addOptions({help, version, configFile});
    parser.addOptions(settings);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        *exitNow = parser.helpText();
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        *exitNow = QStringLiteral("rok-server " ROK_VERSION "\n");
        return std::nullopt;
    }

    // The config file's settings go before the command line's, for the keys it does not set.
    QStringList setHere;
    for (const QCommandLineOption &option : settings) {
        if (parser.isSet(option))
            setHere.append(option.names().constLast());
    }
    const QString configPath = parser.isSet(configFile) ? parser.value(configFile)
            : QFile::exists(defaultConfigFile)          ? defaultConfigFile
                                                        : QString();
    std::optional<OptionsFile> file;
    if (!configPath.isEmpty()) {
        file = OptionsFile::read(configPath, settings, token.names(), error);
        if (!file)
            return std::nullopt;
        if (!parser.parse(QStringList{arguments.value(0)} + file->arguments(setHere)
                          + arguments.mid(1))) {
            *error = parser.errorText();
            return std::nullopt;
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    // "invalid --http-port: 70000", or "/etc/rok/rok-server.toml:3: invalid http-port: 70000",
    // with an optional hint
    const auto invalid = [&](const QCommandLineOption &option, const char *hint = "") {
        const QString key = option.names().constLast();
        const QString where = file && !setHere.contains(key) ? file->origin(key) : QString();
        *error = where.isEmpty()
                ? tr("invalid --%1: %2%3").arg(key, parser.value(option), tr(hint))
                : tr("%1: invalid %2: %3%4").arg(where, key, parser.value(option), tr(hint));
        return std::nullopt;
    };

    ServerConfig config;
    config.configFile = configPath;
    config.domain = parser.value(domain).toLower();
    if (config.domain.isEmpty() || config.domain.startsWith(u'.'))
        return invalid(domain);
    if (parser.isSet(bind) && !config.bind.setAddress(parser.value(bind)))
        return invalid(bind, QT_TRANSLATE_NOOP("rok-server", " (expected an IP address)"));
    if (!parsePort(parser.value(httpPort), &config.httpPort))
        return invalid(httpPort);
    if (!parsePort(parser.value(controlPort), &config.controlPort))
        return invalid(controlPort);
    const QStringList range = parser.value(tcpPorts).split(u'-');
    if (range.size() != 2 || !parsePort(range[0], &config.tcpPortFrom)
        || !parsePort(range[1], &config.tcpPortTo) || config.tcpPortFrom == 0
        || config.tcpPortFrom > config.tcpPortTo)
        return invalid(tcpPorts,
                       QT_TRANSLATE_NOOP("rok-server", " (expected FROM-TO, such as 20000-20100)"));
    for (const QString &value : parser.values(token))
        config.tokens.append(value.toUtf8());
    if (config.tokens.isEmpty() && !tokenFromEnvironment.isEmpty())
        config.tokens.append(tokenFromEnvironment);
    config.tokensFile = parser.value(tokensFile);
    config.allowAnonymous = parser.isSet(anonymous);
    if (!parseSeconds(parser.value(reserve), &config.reservation))
        return invalid(reserve);
    if (!parseSeconds(parser.value(headTimeout), &config.headTimeout)
        || config.headTimeout.count() == 0)
        return invalid(headTimeout);
    if (!parseSeconds(parser.value(idleTimeout), &config.idleTimeout))
        return invalid(idleTimeout);
    if (!parseSeconds(parser.value(sendTimeout), &config.sendTimeout))
        return invalid(sendTimeout);
    if (!parseSeconds(parser.value(tcpIdleTimeout), &config.tcpIdleTimeout))
        return invalid(tcpIdleTimeout);
    if (!parseCount(parser.value(maxConnections), &config.maxConnections))
        return invalid(maxConnections);
    if (!parseCount(parser.value(maxPerIp), &config.maxConnectionsPerIp))
        return invalid(maxPerIp);
    if (!parseCount(parser.value(maxStreams), &config.maxStreamsPerClient))
        return invalid(maxStreams);
    if (!parseCount(parser.value(maxTunnels), &config.maxTunnelsPerToken))
        return invalid(maxTunnels);
    if (!parseCount(parser.value(acmeOrders), &config.acmeOrdersPerHour))
        return invalid(acmeOrders);
    config.tlsCertFile = parser.value(tlsCert);
    config.tlsKeyFile = parser.value(tlsKey);
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty()) {
        *error = tr("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    if (parser.isSet(httpsPort)) {
        quint16 port = 0;
        if (!parsePort(parser.value(httpsPort), &port))
            return invalid(httpsPort);
        config.httpsPort = port;
    }
    config.edgeCertFile = parser.value(edgeCert);
    config.edgeKeyFile = parser.value(edgeKey);
    if (config.edgeCertFile.isEmpty() != config.edgeKeyFile.isEmpty()) {
        *error = tr("--edge-cert and --edge-key go together");
        return std::nullopt;
    }
    const QString redirect = parser.value(httpRedirect);
    if (redirect != u"on" && redirect != u"off")
        return invalid(httpRedirect, QT_TRANSLATE_NOOP("rok-server", " (on or off)"));
    config.httpRedirect = redirect == u"on";
    config.selfSigned = parser.isSet(selfSigned);
    if (config.selfSigned && !config.tlsCertFile.isEmpty()) {
        *error = tr("--self-signed makes its own certificate: leave out --tls-cert and --tls-key");
        return std::nullopt;
    }
    config.stateDirectory = parser.value(stateDir);
    if (config.stateDirectory.isEmpty())
        return invalid(stateDir);
    config.acmeEmail = parser.value(acmeEmail);
    config.acmeDirectory = QUrl(parser.value(acmeDirectory));
    config.acmeCaFile = parser.value(acmeCa);
    if (config.acmeDirectory.scheme() != u"https")
        return invalid(acmeDirectory, QT_TRANSLATE_NOOP("rok-server", " (an https:// URL)"));
    if (config.usesAcme() && !config.httpsPort) {
        *error = tr("--acme-email gets certificates for the HTTPS edge: add --https-port");
        return std::nullopt;
    }
    if (config.usesAcme()
        && (config.domain == u"localhost" || config.domain.endsWith(u".localhost"))) {
        *error = tr("--acme-email needs a public --domain: no CA can reach NAME.%1")
                         .arg(config.domain);
        return std::nullopt;
    }
    if (parser.isSet(adminListen)) {
        config.adminListen = Endpoint::parse(parser.value(adminListen));
        if (!config.adminListen)
            return invalid(adminListen,
                           QT_TRANSLATE_NOOP("rok-server",
                                             " (expected ADDR:PORT, such as "
                                             "127.0.0.1:9090 or [::1]:9090)"));
    }
    const ClusterOptions cluster{redis, nodeId, nodeAddress, leaseTtl, clusterSecret};
    if (!parseCluster(
                parser, cluster, &config, error,
                [&](const QCommandLineOption &option, const char *hint) { invalid(option, hint); }))
        return std::nullopt;
    const QString format = parser.value(logFormat);
    if (format == u"json")
        config.logFormat = LogFormat::Json;
    else if (format != u"text")
        return invalid(logFormat, QT_TRANSLATE_NOOP("rok-server", " (text or json)"));
    return config;
}

QString ServerConfig::defaultStateDirectory()
{
    // systemd's StateDirectory= (as a DynamicUser= service, whose user is not root)
    const QString fromSystemd = qEnvironmentVariable("STATE_DIRECTORY").section(u':', 0, 0);
    if (fromSystemd.startsWith(u'/'))
        return fromSystemd;
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/rok-server");
    const QString xdg = qEnvironmentVariable("XDG_STATE_HOME");
    const QString base =
            xdg.startsWith(u'/') ? xdg : QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/rok-server");
}

QString ServerConfig::nodeIdOrDefault(quint16 nodePort) const
{
    if (!nodeId.isEmpty())
        return nodeId;
    return QSysInfo::machineHostName() + u':' + QString::number(nodePort);
}

QString ServerConfig::publicUrl(const QString &name) const
{
    return httpsPort ? httpsUrl(name) : httpUrl(name);
}

QString ServerConfig::httpUrl(const QString &name) const
{
    const QString host = name + u'.' + domain;
    return httpPort == 80 ? QStringLiteral("http://") + host
                          : QStringLiteral("http://%1:%2").arg(host).arg(httpPort);
}

QString ServerConfig::httpsUrl(const QString &name) const
{
    const QString host = name + u'.' + domain;
    const quint16 port = httpsPort.value_or(443);
    return port == 443 ? QStringLiteral("https://") + host
                       : QStringLiteral("https://%1:%2").arg(host).arg(port);
}
