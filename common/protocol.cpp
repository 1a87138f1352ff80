// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "protocol.h"

#include <QIODevice>
#include <QMessageAuthenticationCode>
#include <QtEndian>

namespace Protocol {

namespace {
struct CodeName
{
    ErrorCode code;
    const char16_t *name;
};
constexpr CodeName CodeNames[] = {
        {ErrorCode::UnsupportedVersion, u"unsupported_version"},
        {ErrorCode::AuthRequired, u"auth_required"},
        {ErrorCode::AuthFailed, u"auth_failed"},
        {ErrorCode::NotAllowed, u"not_allowed"},
        {ErrorCode::InvalidName, u"invalid_name"},
        {ErrorCode::NameTaken, u"name_taken"},
        {ErrorCode::NameReserved, u"name_reserved"},
        {ErrorCode::NoPort, u"no_port"},
        {ErrorCode::BadMessage, u"bad_message"},
        {ErrorCode::ShuttingDown, u"shutting_down"},
        {ErrorCode::TooManyTunnels, u"too_many_tunnels"},
        {ErrorCode::TlsRequired, u"tls_required"},
        {ErrorCode::InvalidAccess, u"invalid_access"},
        {ErrorCode::NameNotAllowed, u"name_not_allowed"},
        {ErrorCode::Unavailable, u"unavailable"},
};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const CodeName &entry : CodeNames) {
        if (entry.code == code)
            return QString::fromUtf16(entry.name);
    }
    return QStringLiteral("bad_message");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const CodeName &entry : CodeNames) {
        if (name == QStringView(entry.name))
            return entry.code;
    }
    return ErrorCode::BadMessage;
}

bool isFatal(ErrorCode code)
{
    switch (code) {
    case ErrorCode::UnsupportedVersion:
    case ErrorCode::AuthRequired:
    case ErrorCode::AuthFailed:
    case ErrorCode::NotAllowed:
    case ErrorCode::InvalidName:
    case ErrorCode::NameTaken:
    case ErrorCode::BadMessage:
    case ErrorCode::TlsRequired:
    case ErrorCode::InvalidAccess:
    case ErrorCode::NameNotAllowed:
        return true;
    case ErrorCode::NameReserved:
    case ErrorCode::NoPort:
    case ErrorCode::ShuttingDown:
    case ErrorCode::TooManyTunnels: // another of the token's tunnels may close
    case ErrorCode::Unavailable:
        return false;
    }
    return true;
}

qint64 integer(const QCborValue &value, qint64 fallback)
{
    return value.isInteger() ? value.toInteger() : fallback;
}

QByteArray frame(const QCborMap &message)
{
    const QByteArray body = message.toCborValue().toCbor();
    QByteArray framed(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(body.size()), framed.data());
    return framed + body;
}

FrameReader::Result FrameReader::read(QIODevice *device, QCborMap *message)
{
    if (m_bodySize < 0) {
        if (device->bytesAvailable() < 4)
            return Result::NeedMore;
        char length[4];
        device->read(length, 4);
        m_bodySize = qint64(qFromBigEndian<quint32>(length));
        if (4 + m_bodySize > m_maxSize)
            return Result::Malformed;
    }
    if (device->bytesAvailable() < m_bodySize)
        return Result::NeedMore;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(device->read(m_bodySize), &error);
    // Nothing of a value that failed to parse is read: Qt may have left it half built.
    if (error.error != QCborError::NoError || !value.isMap())
        return Result::Malformed;
    *message = value.toMap();
    return Result::Done;
}

QByteArray authProof(const QByteArray &token, const QByteArray &nonce,
                     const QByteArray &channelBinding)
{
    // The nonce has a fixed size, so nonce + binding cannot be split two ways.
    return QMessageAuthenticationCode::hash(nonce + channelBinding, token,
                                            QCryptographicHash::Sha256);
}

QByteArray passwordHash(const QByteArray &salt, const QByteArray &password)
{
    return QMessageAuthenticationCode::hash(password, salt, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.isEmpty() || a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace Protocol
