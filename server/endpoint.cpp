// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "endpoint.h"

namespace Endpoint {

QString toString(const QHostAddress &address, quint16 port)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString() + u':' + QString::number(port);
    return u'[' + address.toString() + QStringLiteral("]:") + QString::number(port);
}

std::optional<std::pair<QHostAddress, quint16>> parse(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (colon < 0 || !ok || port > 65535 || !address.setAddress(host))
        return std::nullopt;
    return std::pair{address, quint16(port)};
}

} // namespace Endpoint
