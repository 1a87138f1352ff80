// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "forwardedvisitor.h"

#include "endpoint.h"
#include "protocol.h"

#include <QCborValue>

namespace {

const QString KeyName = QStringLiteral("name");
const QString KeyVisitor = QStringLiteral("visitor");
const QString KeyHttps = QStringLiteral("https");
const QString KeyPort = QStringLiteral("port");

} // namespace

QByteArray ForwardedVisitor::toFrame() const
{
    QCborMap map{{KeyName, name}, {KeyVisitor, visitor}};
    if (https)
        map.insert(KeyHttps, true);
    if (tunnelPort != 0)
        map.insert(KeyPort, tunnelPort);
    return Protocol::frame(map);
}

std::optional<ForwardedVisitor> ForwardedVisitor::fromCbor(const QCborMap &map)
{
    const QCborValue name = map.value(KeyName);
    const QCborValue visitor = map.value(KeyVisitor);
    const QCborValue port = map.value(KeyPort);
    if (!name.isString() || !visitor.isString() || name.toString().size() > 63)
        return std::nullopt;
    // Either a name or a port, never both.
    const bool tcp = !port.isUndefined();
    if (tcp != name.toString().isEmpty()
        || (tcp && (!port.isInteger() || port.toInteger() < 1 || port.toInteger() > 65535)))
        return std::nullopt;
    ForwardedVisitor result{name.toString(), visitor.toString(), map.value(KeyHttps).isTrue(),
                            quint16(tcp ? port.toInteger() : 0)};
    if (!Endpoint::parse(result.visitor))
        return std::nullopt;
    return result;
}

QHostAddress ForwardedVisitor::address() const
{
    const auto split = Endpoint::parse(visitor);
    return split ? split->first : QHostAddress();
}

quint16 ForwardedVisitor::port() const
{
    const auto split = Endpoint::parse(visitor);
    return split ? split->second : 0;
}
