// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "duplexdevice.h"

#include <QBasicTimer>
#include <QHostAddress>
#include <QList>

#include <chrono>

class QSocketNotifier;

// A non-blocking TCP socket with half-close and bounded buffers.
//
// Why not QTcpSocket: when the peer shuts down its sending side, QTcpSocket closes the whole
// socket, so an answer that comes after the peer's FIN (`nc -N`, HTTP/1.0 clients, many TCP
// protocols) is lost. This class reads until the peer's FIN, keeps writing afterwards, and
// shuts down its own side with shutdown(SHUT_WR). It stops reading when its read buffer is
// full, so the kernel's TCP window pushes back on a fast sender.
class TcpConnection : public DuplexDevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpConnection)

public:
    static constexpr qint64 ReadBufferSize = 256 * 1024;

    explicit TcpConnection(QObject *parent = nullptr);
    TcpConnection(qintptr descriptor, QObject *parent); // an accepted, connected socket
    ~TcpConnection() override;

    // Tries each address in turn; emits connected() or connectFailed().
    void connectTo(const QList<QHostAddress> &addresses, quint16 port);
    static QList<QHostAddress> resolveLocal(const QString &host); // "localhost" -> ::1, 127.0.0.1

    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    QHostAddress connectedAddress() const { return m_peerAddress; }

    // A peer that takes none of the queued bytes for this long is dropped (0: never). Without
    // it a visitor that stops reading holds its connection and buffers for ever.
    void setSendTimeout(std::chrono::milliseconds timeout) { m_sendTimeout = timeout; }

    qint64 bytesToWrite() const override { return m_out.size(); }
    void writeChunk(const QByteArray &chunk) override;
    void closeWrite() override;
    void abort() override;

Q_SIGNALS:
    void connected();
    void connectFailed(const QString &error);
    void sendTimedOut(); // just before finished(): the peer read nothing for the send timeout

protected:
    void onConsumed(qint64 count) override;
    void timerEvent(QTimerEvent *event) override;

private:
    void adopt(int fd);
    void tryNextAddress();
    void onConnectWritable();
    void onReadable();
    void onWritable();
    bool flushOut(); // false when the socket failed
    void checkFinished();
    void fail(int error);
    void closeSocket();
    void resetSocket(); // closes with RST
    void startSendTimer();
    int kernelQueued() const; // bytes in the kernel's send queue not yet acknowledged

    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    ChunkQueue m_out;
    bool m_writeClosing = false;
    bool m_writeClosed = false;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QList<QHostAddress> m_candidates;
    QString m_lastConnectError;
    std::chrono::milliseconds m_sendTimeout{0};
    QBasicTimer m_sendTimer; // runs while bytes wait for the peer; restarts on progress
    int m_kernelQueued = 0; // kernelQueued() when the send timer started
};
