#include "serverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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

} // namespace

std::optional<ServerConfig> ServerConfig::fromArguments(const QStringList &arguments,
                                                        const QByteArray &tokenFromEnvironment,
                                                        QString *error, QString *exitNow)
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
    const QCommandLineOption tcpPorts(
            QStringLiteral("tcp-ports"),
            tr("Ports for TCP tunnels, FROM-TO (default: any free port)."),
            QStringLiteral("FROM-TO"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   tr("A secret clients must hold (repeatable; or ROK_TOKEN)."),
                                   QStringLiteral("SECRET"));
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
    parser.addOptions({help, version, domain, bind, httpPort, controlPort, tcpPorts, token,
                       anonymous, reserve, headTimeout, logFormat});
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
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    // "invalid --http-port: 70000", with an optional hint
    const auto invalid = [&](const QCommandLineOption &option, const char *hint = "") {
        *error = tr("invalid --%1: %2%3")
                         .arg(option.names().constLast(), parser.value(option), tr(hint));
        return std::nullopt;
    };

    ServerConfig config;
    config.domain = parser.value(domain).toLower();
    if (config.domain.isEmpty() || config.domain.startsWith(u'.'))
        return invalid(domain);
    if (parser.isSet(bind) && !config.bind.setAddress(parser.value(bind)))
        return invalid(bind, QT_TRANSLATE_NOOP("rok-server", " (expected an IP address)"));
    if (!parsePort(parser.value(httpPort), &config.httpPort))
        return invalid(httpPort);
    if (!parsePort(parser.value(controlPort), &config.controlPort))
        return invalid(controlPort);
    if (parser.isSet(tcpPorts)) {
        const QStringList range = parser.value(tcpPorts).split(u'-');
        if (range.size() != 2 || !parsePort(range[0], &config.tcpPortFrom)
            || !parsePort(range[1], &config.tcpPortTo) || config.tcpPortFrom == 0
            || config.tcpPortFrom > config.tcpPortTo)
            return invalid(
                    tcpPorts,
                    QT_TRANSLATE_NOOP("rok-server", " (expected FROM-TO, such as 20000-20100)"));
    }
    for (const QString &value : parser.values(token))
        config.tokens.append(value.toUtf8());
    if (config.tokens.isEmpty() && !tokenFromEnvironment.isEmpty())
        config.tokens.append(tokenFromEnvironment);
    config.allowAnonymous = parser.isSet(anonymous);
    if (!parseSeconds(parser.value(reserve), &config.reservation))
        return invalid(reserve);
    if (!parseSeconds(parser.value(headTimeout), &config.headTimeout)
        || config.headTimeout.count() == 0)
        return invalid(headTimeout);
    const QString format = parser.value(logFormat);
    if (format == u"json")
        config.logFormat = LogFormat::Json;
    else if (format != u"text")
        return invalid(logFormat, QT_TRANSLATE_NOOP("rok-server", " (text or json)"));
    return config;
}
