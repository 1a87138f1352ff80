// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <chrono>

class QSslSocket;

// A control connection on a TLS port, until its first byte says what it speaks: a TLS record
// (a ClientHello) starts TLS; anything else is a plain client, which ClientSession answers
// with tls_required in the control protocol itself, so that the client can say what to do
// instead of failing on bytes it cannot read.
class TlsDetector : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsDetector)

public:
    enum class End { PeerClosed, TimedOut };
    Q_ENUM(End)

    // Takes `socket` (connected, unencrypted). Deletes itself after detected() or ended().
    TlsDetector(QSslSocket *socket, const QSslConfiguration &configuration,
                std::chrono::milliseconds timeout, QObject *parent = nullptr);

Q_SIGNALS:
    // The socket is the receiver's now; with `tls` its server handshake has started.
    void detected(QSslSocket *socket, bool tls);
    // Nothing arrived within the timeout, or the peer closed first (a port probe); the socket
    // is gone. `reason` says it for a log line; empty for PeerClosed.
    void ended(TlsDetector::End end, const QString &reason);

private:
    void onReadyRead();
    void end(End end, const QString &reason);

    QPointer<QSslSocket> m_socket;
    QSslConfiguration m_configuration;
    QTimer m_deadline;
};
