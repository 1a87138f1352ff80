// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tlsdetector.h"

#include <QSslSocket>

namespace {
constexpr char TlsHandshakeRecord = 0x16; // RFC 8446 §5.1 ContentType handshake(22)
}

TlsDetector::TlsDetector(QSslSocket *socket, const QSslConfiguration &configuration,
                         std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_configuration(configuration)
{
    socket->setParent(this);
    connect(socket, &QIODevice::readyRead, this, &TlsDetector::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, [this] { end(End::PeerClosed, {}); });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this, timeout] {
        end(End::TimedOut,
            tr("no handshake within %1 s")
                    .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
    });
    m_deadline.start(timeout);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &TlsDetector::onReadyRead, Qt::QueuedConnection);
}

void TlsDetector::onReadyRead()
{
    char first = 0;
    if (!m_socket || m_socket->peek(&first, 1) != 1)
        return;
    m_deadline.stop();
    m_socket->disconnect(this);
    m_socket->setParent(nullptr);
    const bool tls = first == TlsHandshakeRecord;
    if (tls) {
        m_socket->setSslConfiguration(m_configuration);
        m_socket->startServerEncryption(); // reads the peeked ClientHello from the buffer
    }
    Q_EMIT detected(m_socket, tls);
    deleteLater();
}

void TlsDetector::end(End end, const QString &reason)
{
    m_deadline.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT ended(end, reason);
    deleteLater();
}
