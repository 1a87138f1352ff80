// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>

class QIODevice;

// Constants and helpers of the control protocol (docs/PROTOCOL.md); the messages themselves
// are in controlmessages.h.
namespace Protocol {

// 2: the token proof covers the TLS channel binding. 3: several tunnels on one connection
// (open/opened/error name their tunnel) and a VisitorHeader on each visitor stream.
constexpr int Version = 3;
constexpr int OldestVersion = 2; // a server still takes a version 2 client: one tunnel
constexpr qint64 MaxMessageSize = 64 * 1024;
constexpr int NonceSize = 32;
constexpr int ResumeKeySize = 16; // a resume key of another size is replaced by a new one

enum class ErrorCode {
    UnsupportedVersion,
    AuthRequired,
    AuthFailed,
    NotAllowed, // anonymous client from a non-loopback address
    InvalidName,
    NameTaken,
    NameReserved,
    NoPort,
    BadMessage,
    ShuttingDown,
    TooManyTunnels, // the token holds --max-tunnels-per-token tunnels already
    TlsRequired, // a plain connection to a control port that speaks TLS
    InvalidAccess, // a malformed --basic-auth or CIDR rule
    NameNotAllowed, // the token may open only other names (--tokens-file names=)
    Unavailable, // the server cannot open tunnels for now (a cluster node without its Redis)
};

QString errorCodeName(ErrorCode code);
ErrorCode errorCodeFromName(const QString &name);
bool isFatal(ErrorCode code); // retrying cannot help: the client should stop and say why

// An integer field of a message, or `fallback` when it is missing or not a CBOR integer.
// (QCborValue::toInteger() casts a double such as 1e19 to qint64: undefined behaviour.)
qint64 integer(const QCborValue &value, qint64 fallback);

// A message as the control stream carries it: a 4-byte big-endian length, then the CBOR map.
QByteArray frame(const QCborMap &message);

// Takes one frame() off the front of a stream as its bytes arrive, and not a byte more: call
// read() at each readyRead until it is Done (*message set) or Malformed (over maxSize, length
// included, or not a CBOR map).
class FrameReader
{
public:
    explicit FrameReader(qint64 maxSize)
        : m_maxSize(maxSize)
    {
    }
    enum class Result { NeedMore, Done, Malformed };
    Result read(QIODevice *device, QCborMap *message);

private:
    qint64 m_maxSize;
    qint64 m_bodySize = -1; // known once the length is read
};

// HMAC-SHA256 of the server's nonce and the channel binding (Tls::channelBinding: the server
// certificate's hash, empty without TLS), keyed with the shared token: proves the client holds
// a token without sending it, and only for this server.
QByteArray authProof(const QByteArray &token, const QByteArray &nonce,
                     const QByteArray &channelBinding);

// A visitor password as the server keeps it: HMAC-SHA256 keyed with a random salt of
// SaltSize bytes, made by the client, so the password itself never reaches the server.
constexpr int SaltSize = 16;
QByteArray passwordHash(const QByteArray &salt, const QByteArray &password);

// Compares without an early exit, so the time taken does not tell how much of a secret matched.
// Empty values never match.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Protocol
