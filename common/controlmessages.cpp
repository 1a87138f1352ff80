#include "controlmessages.h"

#include <QCborValue>

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

QString text(const QCborMap &map, const QString &key)
{
    return map.value(key).toString();
}

QByteArray bytes(const QCborMap &map, const QString &key)
{
    return map.value(key).toByteArray();
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
    return map;
}

Open Open::fromCbor(const QCborMap &message)
{
    return {.protocol = text(message, KeyProtocol),
            .name = text(message, KeyName),
            .port = integer(message.value(KeyPort), 0),
            .resume = bytes(message, KeyResume),
            .proof = bytes(message, KeyProof)};
}

QCborMap Opened::toCbor() const
{
    QCborMap map{{KeyType, Type}, {KeyProtocol, protocol}, {KeyUrl, url}, {KeyResume, resume}};
    insertIfSet(map, KeyName, name);
    insertIfSet(map, KeyPort, port);
    return map;
}

Opened Opened::fromCbor(const QCborMap &message)
{
    const qint64 port = integer(message.value(KeyPort), 0);
    return {.protocol = text(message, KeyProtocol),
            .url = text(message, KeyUrl),
            .name = text(message, KeyName),
            .port = port > 0 && port <= 65535 ? quint16(port) : quint16(0),
            .resume = bytes(message, KeyResume)};
}

QCborMap Error::toCbor() const
{
    return {{KeyType, Type}, {KeyCode, errorCodeName(code)}, {KeyMessage, message}};
}

Error Error::fromCbor(const QCborMap &message)
{
    return {.code = errorCodeFromName(text(message, KeyCode)),
            .message = text(message, KeyMessage)};
}

} // namespace Protocol
