// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArrayList>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "cluster/redisclient.h"

#include <chrono>
#include <optional>

struct ServerConfig
{
    static inline const QString DefaultAcmeDirectory =
            QStringLiteral("https://acme-v02.api.letsencrypt.org/directory");
    static inline const QString DefaultConfigFile = QStringLiteral("/etc/rok/rok-server.toml");
    enum class LogFormat { Text, Json };

    QString configFile; // the TOML file the settings came from, if any

    QString domain = QStringLiteral("localhost");
    QHostAddress bind = QHostAddress::Any; // Any: every interface, IPv4 and IPv6
    quint16 httpPort = 8080;
    quint16 controlPort = 7835;
    quint16 tcpPortFrom = 10000; // TCP tunnels get ports from this range only
    quint16 tcpPortTo = 20000;
    QByteArrayList tokens;
    QString tokensFile; // more tokens, with limits (TokenBook); read again on SIGHUP
    bool allowAnonymous = false;
    std::chrono::milliseconds reservation{60'000};
    std::chrono::milliseconds headTimeout{10'000};
    LogFormat logFormat = LogFormat::Text;
    QString tlsCertFile; // TLS on the control port when set (with tlsKeyFile)
    QString tlsKeyFile;
    std::optional<quint16> httpsPort; // the HTTPS edge, when set (0: any port)
    QString edgeCertFile; // the HTTPS edge's certificate (*.DOMAIN); default: tlsCertFile
    QString edgeKeyFile;
    bool httpRedirect = true; // with HTTPS on, the HTTP port answers 308 to https://
    bool selfSigned = false; // --self-signed: TLS with a certificate made once in stateDirectory
    QString stateDirectory = defaultStateDirectory();
    QString acmeEmail; // --acme-email: certificates per name from an ACME CA when set
    QUrl acmeDirectory{DefaultAcmeDirectory};
    QString acmeCaFile; // more CAs to trust when talking to the ACME CA
    int acmeOrdersPerHour = 20; // new certificates at most, all names together
    std::optional<std::pair<QHostAddress, quint16>> adminListen; // --admin-listen ADDR:PORT

    // Cluster mode (docs/SCALE-OUT.md): several nodes share one namespace in Redis.
    std::optional<RedisClient::Settings> redis; // --redis; none: a node alone, no Redis
    QString nodeId; // --node-id; empty: host name and node port (nodeIdOrDefault)
    std::optional<std::pair<QHostAddress, quint16>> nodeAddress; // where the other nodes reach us
    std::chrono::milliseconds leaseTtl{5'000}; // a dead node's names are free after this
    QByteArray clusterSecret; // nodes prove it to each other; may be empty on loopback only
    bool isClustered() const { return redis.has_value(); }
    QString nodeIdOrDefault(quint16 nodePort) const;

    // Limits (see docs/SECURITY.md); a duration of 0 means no limit.
    std::chrono::milliseconds idleTimeout{75'000}; // keep-alive visitor with nothing in flight
    std::chrono::milliseconds sendTimeout{60'000}; // visitor that reads nothing
    std::chrono::milliseconds tcpIdleTimeout{3'600'000}; // TCP tunnel or upgraded connection
    int maxConnections = defaultMaxConnections(); // visitors, HTTP and TCP together
    int maxConnectionsPerIp = 256; // an IPv6 visitor counts by its /64
    int maxStreamsPerClient = 1000; // visitor connections open through one client
    int maxTunnelsPerToken = 32; // clients without a token count as one token

    // What visitors type for tunnel NAME: https://NAME.DOMAIN[:httpsPort] with HTTPS on, else
    // http://NAME.DOMAIN[:httpPort].
    QString publicUrl(const QString &name) const;
    QString httpUrl(const QString &name) const;
    QString httpsUrl(const QString &name) const;
    QString tcpUrl(quint16 port) const
    {
        return QStringLiteral("tcp://%1:%2").arg(domain).arg(port);
    }
    // In --tcp-ports, and not one of the server's own ports.
    bool isTcpTunnelPort(quint16 port) const
    {
        return port >= tcpPortFrom && port <= tcpPortTo && port != httpPort && port != controlPort;
    }
    bool usesAcme() const { return !acmeEmail.isEmpty(); }
    bool redirectsToHttps() const { return httpsPort.has_value() && httpRedirect; }

    // From the soft RLIMIT_NOFILE, leaving room for clients, listeners and logs.
    static int defaultMaxConnections();
    // $STATE_DIRECTORY (systemd's StateDirectory=), else /var/lib/rok-server for root, else
    // $XDG_STATE_HOME/rok-server (~/.local/state/rok-server).
    static QString defaultStateDirectory();

    // Parses the command line (arguments[0] is the program) and the config file it names with
    // --config, else defaultConfigFile when that exists. On failure returns nothing and sets
    // *error; --help and --version set *exitNow to the text to print.
    static std::optional<ServerConfig> fromArguments(const QStringList &arguments,
                                                     const QByteArray &tokenFromEnvironment,
                                                     QString *error, QString *exitNow,
                                                     const QString &defaultConfigFile = {});
};
