// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QCborMap>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

// The control messages (docs/PROTOCOL.md), one type each. fromCbor() never fails: a missing
// key or one of the wrong CBOR type reads as the field's default, and the receiver decides
// whether that default is acceptable (a version of -1, a port out of range). Unknown keys are
// ignored, so a newer peer can add fields.
namespace Protocol {

// The "type" key of a message, to pick which fromCbor() to call.
QString messageType(const QCborMap &message);

// Sent first by the client, answered by the server with its own.
struct Hello
{
    static inline const QString Type = QStringLiteral("hello");

    qint64 version = -1; // -1: missing or not an integer
    QString agent; // "rok/0.1.0", "rok-server/0.1.0"
    QString auth; // server only: "hmac-sha256" or "none"
    QByteArray nonce; // server only: NonceSize random bytes, signed by Open::proof

    bool requiresToken() const { return auth != u"none"; }

    QCborMap toCbor() const;
    static Hello fromCbor(const QCborMap &message);
    bool operator==(const Hello &) const = default;
};

// One --basic-auth user, as the server keeps it.
struct Credential
{
    QByteArray user; // UTF-8, without ':'
    QByteArray salt; // SaltSize random bytes
    QByteArray hash; // passwordHash(salt, password)

    // With a new random salt: what a client sends, and what the tray app keeps instead of the
    // password itself.
    static Credential make(const QByteArray &user, const QByteArray &password);
    bool operator==(const Credential &) const = default;
};

// The client asks for a tunnel.
struct Open
{
    static inline const QString Type = QStringLiteral("open");

    QString protocol; // "http" or "tcp"
    QString name; // http: the name wanted; empty for any
    qint64 port = 0; // tcp: the port wanted; 0 for any (the server checks the range)
    QByteArray resume; // the key of an earlier Opened
    QByteArray proof; // authProof(token, Hello::nonce)
    // Who may reach an http tunnel (the server enforces it at the edge); empty: everyone.
    QList<Credential> credentials; // --basic-auth
    QStringList allowCidrs; // --allow-cidr
    QStringList denyCidrs; // --deny-cidr
    QString hostHeader; // --host-header: the Host the service gets; empty: the visitor's
    qint64 tunnel = 0; // version 3: the client's number for this tunnel, 1 and up; 0 in version 2
    bool timings = false; // http: send each response's time at the edge (Timings)

    QCborMap toCbor() const;
    static Open fromCbor(const QCborMap &message);
    bool operator==(const Open &) const = default;
};

// The server's answer to Open when the tunnel is up.
struct Opened
{
    static inline const QString Type = QStringLiteral("opened");

    QString protocol;
    QString url; // what visitors use: http://NAME.DOMAIN:PORT or tcp://DOMAIN:PORT
    QString name; // http tunnels
    quint16 port = 0; // tcp tunnels; a value outside 1-65535 reads as 0
    QByteArray resume; // ResumeKeySize bytes, for a later Open
    // For the user, shown by the client as it is: why the URL is not yet what they expect (its
    // HTTPS certificate is on its way). The server may send Opened again with a new url.
    QString note;
    qint64 tunnel = 0; // Open::tunnel, as asked
    bool timings = false; // Open::timings granted: Timings messages will come

    QCborMap toCbor() const;
    static Opened fromCbor(const QCborMap &message);
    bool operator==(const Opened &) const = default;
};

// The server refuses. Without a tunnel it closes the connection after sending this; with one
// (version 3) only that tunnel's open is refused, and the connection stays.
struct Error
{
    static inline const QString Type = QStringLiteral("error");

    ErrorCode code = ErrorCode::BadMessage; // an unknown code name reads as BadMessage
    QString message; // for people: shown by the client as it is
    qint64 tunnel = 0; // Open::tunnel of the open refused; 0: the whole connection

    QCborMap toCbor() const;
    static Error fromCbor(const QCborMap &message);
    bool operator==(const Error &) const = default;
};

// Server to client, for tunnels opened with timings: how long each response took at the edge,
// from its request's head arriving to its last byte going to the visitor. The client takes its
// own time for the exchange from that, and what is left is the tunnel's: the network between
// the server and the client and both programs. Sent in batches; a stream's exchanges count
// from 0 in the order of its requests, as both ends see them. On the wire the items are one
// byte string of ItemSize-byte records, four big-endian 32-bit numbers each: a CBOR array per
// item cost rok-server and the client a few percent of their CPU at 30k requests a second.
struct Timings
{
    static inline const QString Type = QStringLiteral("timings");
    static constexpr qsizetype MaxItems = 512; // per message; more are dropped when read
    static constexpr qsizetype ItemSize = 16;

    struct Item
    {
        quint32 tunnel = 0; // Open::tunnel
        quint32 stream = 0; // the visitor's stream id
        quint32 exchange = 0; // 0 for the stream's first request
        quint32 microseconds = 0; // at most 2^32 - 1 (71 minutes)
        bool operator==(const Item &) const = default;
    };
    QList<Item> items;

    QCborMap toCbor() const;
    // Drops an item for stream 0 or tunnel 0, and a byte string's incomplete last record.
    static Timings fromCbor(const QCborMap &message);
    bool operator==(const Timings &) const = default;
};

// Version 3: what each visitor stream starts with, framed as a control message (Protocol::frame),
// before the visitor's own bytes.
struct VisitorHeader
{
    static constexpr qint64 MaxSize = 512; // the frame, length included

    qint64 tunnel = 0; // Open::tunnel of the tunnel the visitor came to
    QString visitor; // the visitor's address and port, "203.0.113.7:52114" or "[2001:db8::1]:443"

    QByteArray toFrame() const;

    // Takes the header off the front of a stream as its bytes arrive, and not a byte more:
    // call read() at each readyRead until it is Done (*header set) or Malformed (a frame over
    // MaxSize, or not such a map).
    class Reader
    {
    public:
        enum class Result { NeedMore, Done, Malformed };
        Result read(QIODevice *device, VisitorHeader *header);

    private:
        FrameReader m_frame{MaxSize};
    };
    bool operator==(const VisitorHeader &) const = default;
};

} // namespace Protocol
