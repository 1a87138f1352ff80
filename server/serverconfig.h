#pragma once

#include <QByteArrayList>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

struct ServerConfig
{
    enum class LogFormat { Text, Json };

    QString domain = QStringLiteral("localhost");
    QHostAddress bind = QHostAddress::Any; // Any: every interface, IPv4 and IPv6
    quint16 httpPort = 8080;
    quint16 controlPort = 7835;
    quint16 tcpPortFrom = 0; // 0: any free port
    quint16 tcpPortTo = 0;
    QByteArrayList tokens;
    bool allowAnonymous = false;
    std::chrono::milliseconds reservation{60'000};
    std::chrono::milliseconds headTimeout{10'000};
    LogFormat logFormat = LogFormat::Text;

    // Parses the command line (arguments[0] is the program). On failure returns nothing and
    // sets *error; --help and --version set *exitNow to the text to print.
    static std::optional<ServerConfig> fromArguments(const QStringList &arguments,
                                                     const QByteArray &tokenFromEnvironment,
                                                     QString *error, QString *exitNow);
};
