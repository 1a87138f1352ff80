#include "tunneloptions.h"

QString Endpoint::toString() const
{
    return host.contains(u':') ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                               : QStringLiteral("%1:%2").arg(host).arg(port);
}

std::optional<Endpoint> Endpoint::parse(const QString &text, const QString &defaultHost)
{
    Endpoint endpoint{defaultHost, 0};
    QString portText = text;
    if (text.startsWith(u'[')) { // [v6]:port
        const qsizetype close = text.indexOf(u"]:");
        if (close < 0)
            return std::nullopt;
        endpoint.host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (text.count(u':') == 1) {
        endpoint.host = text.section(u':', 0, 0);
        portText = text.section(u':', 1);
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535 || endpoint.host.isEmpty())
        return std::nullopt;
    endpoint.port = quint16(port);
    return endpoint;
}
