// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QHostAddress>
#include <QString>

#include <optional>

// What a node writes first on a stream it opens to another node: the visitor it hands over,
// of an HTTP tunnel (by name) or a TCP tunnel (by port). What follows is the visitor's
// connection, from its first byte (decrypted, for HTTPS).
struct ForwardedVisitor
{
    static constexpr qint64 MaxSize = 512; // the frame, length included

    QString name; // the HTTP tunnel; empty for a TCP tunnel's visitor
    QString visitor; // "203.0.113.7:52114": the address and port the visitor came from
    bool https = false; // it came to the HTTPS port
    quint16 tunnelPort = 0; // the TCP tunnel's public port, for a TCP visitor

    QByteArray toFrame() const;
    static std::optional<ForwardedVisitor> fromCbor(const QCborMap &map);
    QHostAddress address() const;
    quint16 port() const;
    bool operator==(const ForwardedVisitor &other) const = default;
};
