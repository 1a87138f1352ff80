// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunneloptions.h"

#include <QHostAddress>
#include <QRegularExpression>

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

namespace {
const QString HttpsScheme = QStringLiteral("https://");
const QString HttpScheme = QStringLiteral("http://");
} // namespace

QString LocalTarget::toString() const
{
    return tls ? HttpsScheme + Endpoint::toString() : Endpoint::toString();
}

QString LocalTarget::authority() const
{
    const quint16 standard = tls ? 443 : 80;
    const QString name = host.contains(u':') ? u'[' + host + u']' : host;
    return port == standard ? name : name + u':' + QString::number(port);
}

std::optional<LocalTarget> LocalTarget::parse(const QString &text)
{
    LocalTarget target;
    QString rest = text;
    const bool https = text.startsWith(HttpsScheme, Qt::CaseInsensitive);
    const bool http = text.startsWith(HttpScheme, Qt::CaseInsensitive);
    if (https || http) {
        target.tls = https;
        rest = text.mid(https ? HttpsScheme.size() : HttpScheme.size());
        if (rest.endsWith(u'/'))
            rest.chop(1);
        const bool hasPort = rest.startsWith(u'[') ? rest.contains(u"]:") : rest.contains(u':');
        if (!hasPort) // the scheme's port: https://myapp.test is myapp.test:443
            rest += https ? QStringLiteral(":443") : QStringLiteral(":80");
    }
    const std::optional<Endpoint> endpoint = Endpoint::parse(rest, QStringLiteral("localhost"));
    if (!endpoint || endpoint->host.contains(u'/'))
        return std::nullopt;
    static_cast<Endpoint &>(target) = *endpoint;
    return target;
}

namespace {
const QString TlsScheme = QStringLiteral("tls://");
const QString PlainScheme = QStringLiteral("tcp://");
} // namespace

bool ServerAddress::usesTls() const
{
    switch (transport) {
    case Transport::Tls:
        return true;
    case Transport::Plain:
        return false;
    case Transport::Auto:
        break;
    }
    const QString host = endpoint.host.toLower();
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return false;
    return !QHostAddress(host).isLoopback();
}

QString ServerAddress::toString() const
{
    switch (transport) {
    case Transport::Tls:
        return TlsScheme + endpoint.toString();
    case Transport::Plain:
        return PlainScheme + endpoint.toString();
    case Transport::Auto:
        break;
    }
    return endpoint.toString();
}

std::optional<ServerAddress> ServerAddress::parse(const QString &text, const QString &defaultHost)
{
    ServerAddress address;
    QString rest = text;
    if (text.startsWith(TlsScheme, Qt::CaseInsensitive)) {
        address.transport = Transport::Tls;
        rest = text.mid(TlsScheme.size());
    } else if (text.startsWith(PlainScheme, Qt::CaseInsensitive)) {
        address.transport = Transport::Plain;
        rest = text.mid(PlainScheme.size());
    }
    const std::optional<Endpoint> endpoint = Endpoint::parse(rest, defaultHost);
    if (!endpoint)
        return std::nullopt;
    address.endpoint = *endpoint;
    return address;
}

bool TunnelOptions::isValidSubdomain(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    return label.match(name).hasMatch();
}
