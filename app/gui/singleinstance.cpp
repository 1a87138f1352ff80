// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "singleinstance.h"

#include <QCborArray>
#include <QCborValue>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSingleInstance, "rok.instance", QtInfoMsg)

namespace {

QString runtimeName(const QString &settingsFile)
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QDir::tempPath();
    const QByteArray hash =
            QCryptographicHash::hash(QFile::encodeName(settingsFile), QCryptographicHash::Sha256)
                    .toHex()
                    .left(16);
    return directory + QStringLiteral("/rok-") + QString::fromLatin1(hash);
}

constexpr int AnswerTimeoutMs = 3000;

} // namespace

SingleInstance::SingleInstance(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_socketPath(runtimeName(settingsFile) + QStringLiteral(".socket"))
    , m_lock(runtimeName(settingsFile) + QStringLiteral(".lock"))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption); // the user's own sessions only
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
}

SingleInstance::~SingleInstance()
{
    m_server.close(); // removes the socket file
}

bool SingleInstance::claim()
{
    // QLockFile takes over a lock whose process is gone, so a crash does not block the next start.
    if (!m_lock.tryLock(0))
        return false;
    QLocalServer::removeServer(m_socketPath); // left by a process that died holding the lock
    if (!m_server.listen(m_socketPath))
        qCWarning(lcSingleInstance) << "Cannot listen on" << m_socketPath << ":"
                                    << m_server.errorString() << "- a later rok starts its own";
    return true;
}

bool SingleInstance::handOver(const QStringList &arguments, QString *error)
{
    // The first instance may hold the lock a moment before it listens.
    const QDeadlineTimer deadline(AnswerTimeoutMs);
    QLocalSocket socket;
    while (true) {
        socket.connectToServer(m_socketPath);
        if (socket.waitForConnected(int(deadline.remainingTime())))
            break;
        if (deadline.hasExpired()) {
            *error = tr("another rok holds %1 but does not answer on %2: %3")
                             .arg(m_lock.fileName(), m_socketPath, socket.errorString());
            return false;
        }
        QThread::msleep(50);
    }
    QCborArray message;
    for (const QString &argument : arguments)
        message.append(argument);
    socket.write(QCborValue(message).toCbor());
    socket.flush();
    // The answer is one byte, once the arguments are taken.
    if (!socket.waitForReadyRead(int(deadline.remainingTime())) || socket.read(1) != "1") {
        *error = tr("the running rok did not take the arguments: %1").arg(socket.errorString());
        return false;
    }
    return true;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(AnswerTimeoutMs, socket, &QLocalSocket::abort); // a silent peer
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > MaxMessageSize) {
                qCWarning(lcSingleInstance)
                        << "Dropped a message over" << MaxMessageSize << "bytes from another rok";
                socket->abort();
                return;
            }
            // Whole when it parses: one CBOR array, sent at once.
            QCborParserError parseError;
            const QCborValue value =
                    QCborValue::fromCbor(socket->peek(MaxMessageSize), &parseError);
            if (parseError.error == QCborError::EndOfFile)
                return; // more to come
            if (parseError.error != QCborError::NoError || !value.isArray()) {
                qCWarning(lcSingleInstance) << "Dropped a malformed message from another rok:"
                                            << parseError.errorString();
                socket->abort();
                return;
            }
            QStringList arguments;
            for (const QCborValue &argument : value.toArray())
                arguments.append(argument.toString());
            socket->readAll();
            socket->write("1");
            socket->disconnectFromServer();
            Q_EMIT argumentsReceived(arguments);
        });
    }
}
