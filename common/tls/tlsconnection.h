// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tcpconnection.h"

#include <QPointer>

#include <memory>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct bio_st BIO;

// TLS over a TcpConnection, either side: OpenSSL on memory BIOs, so the TcpConnection below
// moves the ciphertext (with its bounded buffers and send timeout) and the reader of this device
// gets plaintext. rok-server's HTTPS edge is the server side; rok speaking to an https:// local
// service is the client side.
//
// Why not QSslSocket: Qt 6.4 gives a server no say in the certificate once the client has named
// a host (SNI), which per-name certificates need, and a QSslSocket is a QTcpSocket, without
// the half-close, buffer bounds and send timeout of TcpConnection.
class TlsConnection : public DuplexDevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsConnection)

public:
    enum class Role { Server, Client };
    // Why the handshake did not finish, for the server's figures.
    enum class HandshakeFailure { None, PlainHttp, Ended, Untrusted, Refused };

    // Takes `transport` (it becomes a child) and starts the handshake with `context`'s
    // settings; `owner` keeps whatever the context's callbacks use alive as long as this.
    // A client names `peerName` (SNI) and, if the context verifies, checks the certificate
    // against it.
    TlsConnection(TcpConnection *transport, SSL_CTX *context, Role role,
                  std::shared_ptr<const void> owner, const QString &peerName = {},
                  QObject *parent = nullptr);
    ~TlsConnection() override;

    // A client context: TLS 1.2 or later; with `verify`, the system's CAs and the peer's name
    // are checked (off for a development certificate: --local-insecure).
    static std::shared_ptr<SSL_CTX> clientContext(bool verify);

    // Sent in clear, then the connection closes, when the client speaks plain HTTP instead of
    // TLS (a browser told http:// for an https port): a page that says so beats a reset.
    void setPlainHttpReply(const QByteArray &reply) { m_plainHttpReply = reply; }
    HandshakeFailure handshakeFailure() const { return m_handshakeFailure; }

    qint64 bytesToWrite() const override;
    void writeChunk(const QByteArray &chunk) override;
    void closeWrite() override; // close_notify, then the transport's FIN
    void abort() override;

Q_SIGNALS:
    void encrypted(); // the handshake is done

protected:
    void onConsumed(qint64 count) override;

private:
    void pump(); // moves whatever can move, in both directions
    void schedulePump();
    void readCiphertext();
    bool handshake();
    void readPlaintext();
    void writePlaintext();
    void flushCiphertext();
    void failWith(const QString &error);
    void answerPlainHttp();
    void onTransportFinished();

    QPointer<TcpConnection> m_transport;
    std::shared_ptr<const void> m_owner;
    SSL *m_ssl = nullptr;
    BIO *m_network = nullptr; // our end of the BIO pair; OpenSSL holds the other end
    ChunkQueue m_pendingOut; // plaintext written before the handshake was done
    HandshakeFailure m_handshakeFailure = HandshakeFailure::None;
    QByteArray m_plainHttpReply;
    bool m_handshakeDone = false;
    bool m_closeWriteAsked = false;
    bool m_closeNotifySent = false;
    bool m_pumping = false;
    bool m_pumpQueued = false;
};
