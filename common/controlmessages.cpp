// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "controlmessages.h"

#include <QCborArray>
#include <QCborValue>
#include <QRandomGenerator>
#include <QtEndian>

namespace Protocol {

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyVersion = QStringLiteral("version");
const QString KeyAgent = QStringLiteral("agent");
const QString KeyAuth = QStringLiteral("auth");
const QString KeyNonce = QStringLiteral("nonce");
const QString KeyProtocol = QStringLiteral("protocol");
const QString KeyName = QStringLiteral("name");
const QString KeyPort = QStringLiteral("port");
const QString KeyResume = QStringLiteral("resume");
const QString KeyProof = QStringLiteral("proof");
const QString KeyUrl = QStringLiteral("url");
const QString KeyCode = QStringLiteral("code");
const QString KeyMessage = QStringLiteral("message");
const QString KeyNote = QStringLiteral("note");
const QString KeyBasicAuth = QStringLiteral("basic_auth");
const QString KeyUser = QStringLiteral("user");
const QString KeySalt = QStringLiteral("salt");
const QString KeyHash = QStringLiteral("hash");
const QString KeyAllowCidr = QStringLiteral("allow_cidr");
const QString KeyDenyCidr = QStringLiteral("deny_cidr");
const QString KeyHostHeader = QStringLiteral("host_header");
const QString KeyTunnel = QStringLiteral("tunnel");
const QString KeyVisitor = QStringLiteral("visitor");
const QString KeyTimings = QStringLiteral("timings");
const QString KeyItems = QStringLiteral("items");

// Optional fields are left out when empty, so a message carries only what it says.
void insertIfSet(QCborMap &map, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        map.insert(key, value);
}

void insertIfSet(QCborMap &map, const QString &key, const QByteArray &value)
{
    if (!value.isEmpty())
        map.insert(key, value);
}

void insertIfSet(QCborMap &map, const QString &key, qint64 value)
{
    if (value != 0)
        map.insert(key, value);
}

void insertIfSet(QCborMap &map, const QString &key, bool value)
{
    if (value)
        map.insert(key, true);
}

QString text(const QCborMap &map, const QString &key)
{
    return map.value(key).toString();
}

QByteArray bytes(const QCborMap &map, const QString &key)
{
    return map.value(key).toByteArray();
}

void insertIfSet(QCborMap &map, const QString &key, const QStringList &values)
{
    if (!values.isEmpty())
        map.insert(key, QCborArray::fromStringList(values));
}

// The text items of an array; anything else is skipped.
QStringList texts(const QCborMap &map, const QString &key)
{
    QStringList result;
    for (const QCborValue &item : map.value(key).toArray()) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

QCborArray credentialsToCbor(const QList<Credential> &credentials)
{
    QCborArray array;
    for (const Credential &credential : credentials) {
        array.append(QCborMap{{KeyUser, QString::fromUtf8(credential.user)},
                              {KeySalt, credential.salt},
                              {KeyHash, credential.hash}});
    }
    return array;
}

QList<Credential> readCredentials(const QCborMap &map)
{
    QList<Credential> result;
    for (const QCborValue &item : map.value(KeyBasicAuth).toArray()) {
        const QCborMap entry = item.toMap();
        result.append(
                {text(entry, KeyUser).toUtf8(), bytes(entry, KeySalt), bytes(entry, KeyHash)});
    }
    return result;
}

} // namespace

QString messageType(const QCborMap &message)
{
    return text(message, KeyType);
}

QCborMap Hello::toCbor() const
{
    QCborMap map{{KeyType, Type}, {KeyVersion, version}};
    insertIfSet(map, KeyAgent, agent);
    insertIfSet(map, KeyAuth, auth);
    insertIfSet(map, KeyNonce, nonce);
    return map;
}

Hello Hello::fromCbor(const QCborMap &message)
{
    return {.version = integer(message.value(KeyVersion), -1),
            .agent = text(message, KeyAgent),
            .auth = text(message, KeyAuth),
            .nonce = bytes(message, KeyNonce)};
}

QCborMap Open::toCbor() const
{
    QCborMap map{{KeyType, Type}, {KeyProtocol, protocol}};
    insertIfSet(map, KeyName, name);
    insertIfSet(map, KeyPort, port);
    insertIfSet(map, KeyResume, resume);
    insertIfSet(map, KeyProof, proof);
    if (!credentials.isEmpty())
        map.insert(KeyBasicAuth, credentialsToCbor(credentials));
    insertIfSet(map, KeyAllowCidr, allowCidrs);
    insertIfSet(map, KeyDenyCidr, denyCidrs);
    insertIfSet(map, KeyHostHeader, hostHeader);
    insertIfSet(map, KeyTunnel, tunnel);
    insertIfSet(map, KeyTimings, timings);
    return map;
}

Open Open::fromCbor(const QCborMap &message)
{
    return {.protocol = text(message, KeyProtocol),
            .name = text(message, KeyName),
            .port = integer(message.value(KeyPort), 0),
            .resume = bytes(message, KeyResume),
            .proof = bytes(message, KeyProof),
            .credentials = readCredentials(message),
            .allowCidrs = texts(message, KeyAllowCidr),
            .denyCidrs = texts(message, KeyDenyCidr),
            .hostHeader = text(message, KeyHostHeader),
            .tunnel = integer(message.value(KeyTunnel), 0),
            .timings = message.value(KeyTimings).toBool()};
}

Credential Credential::make(const QByteArray &user, const QByteArray &password)
{
    QByteArray salt(SaltSize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltSize / 4);
    return {user, salt, passwordHash(salt, password)};
}

QCborMap Opened::toCbor() const
{
    QCborMap map{{KeyType, Type}, {KeyProtocol, protocol}, {KeyUrl, url}, {KeyResume, resume}};
    insertIfSet(map, KeyName, name);
    insertIfSet(map, KeyPort, qint64(port));
    insertIfSet(map, KeyNote, note);
    insertIfSet(map, KeyTunnel, tunnel);
    insertIfSet(map, KeyTimings, timings);
    return map;
}

Opened Opened::fromCbor(const QCborMap &message)
{
    const qint64 port = integer(message.value(KeyPort), 0);
    return {.protocol = text(message, KeyProtocol),
            .url = text(message, KeyUrl),
            .name = text(message, KeyName),
            .port = port > 0 && port <= 65535 ? quint16(port) : quint16(0),
            .resume = bytes(message, KeyResume),
            .note = text(message, KeyNote),
            .tunnel = integer(message.value(KeyTunnel), 0),
            .timings = message.value(KeyTimings).toBool()};
}

QCborMap Timings::toCbor() const
{
    QByteArray packed(items.size() * ItemSize, Qt::Uninitialized);
    uchar *at = reinterpret_cast<uchar *>(packed.data());
    for (const Item &item : items) {
        for (const quint32 field : {item.tunnel, item.stream, item.exchange, item.microseconds}) {
            qToBigEndian(field, at);
            at += 4;
        }
    }
    return {{KeyType, Type}, {KeyItems, packed}};
}

Timings Timings::fromCbor(const QCborMap &message)
{
    Timings timings;
    const QByteArray packed = message.value(KeyItems).toByteArray();
    const qsizetype count = qMin(packed.size() / ItemSize, MaxItems);
    const auto *at = reinterpret_cast<const uchar *>(packed.constData());
    for (qsizetype i = 0; i < count; ++i, at += ItemSize) {
        const Item item{qFromBigEndian<quint32>(at), qFromBigEndian<quint32>(at + 4),
                        qFromBigEndian<quint32>(at + 8), qFromBigEndian<quint32>(at + 12)};
        if (item.tunnel != 0 && item.stream != 0)
            timings.items.append(item);
    }
    return timings;
}

QCborMap Error::toCbor() const
{
    QCborMap map{{KeyType, Type}, {KeyCode, errorCodeName(code)}, {KeyMessage, message}};
    insertIfSet(map, KeyTunnel, tunnel);
    return map;
}

Error Error::fromCbor(const QCborMap &message)
{
    return {.code = errorCodeFromName(text(message, KeyCode)),
            .message = text(message, KeyMessage),
            .tunnel = integer(message.value(KeyTunnel), 0)};
}

QByteArray VisitorHeader::toFrame() const
{
    QCborMap map{{KeyTunnel, tunnel}};
    insertIfSet(map, KeyVisitor, visitor);
    return frame(map);
}

VisitorHeader::Reader::Result VisitorHeader::Reader::read(QIODevice *device, VisitorHeader *header)
{
    QCborMap map;
    switch (m_frame.read(device, &map)) {
    case FrameReader::Result::NeedMore:
        return Result::NeedMore;
    case FrameReader::Result::Malformed:
        return Result::Malformed;
    case FrameReader::Result::Done:
        break;
    }
    const qint64 tunnel = integer(map.value(KeyTunnel), 0);
    if (tunnel <= 0)
        return Result::Malformed;
    *header = {.tunnel = tunnel, .visitor = text(map, KeyVisitor).left(64)};
    return Result::Done;
}

} // namespace Protocol
