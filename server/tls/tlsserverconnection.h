#pragma once

#include "tcpconnection.h"

#include <QPointer>

#include <memory>

class TlsServerContext;
typedef struct ssl_st SSL;
typedef struct bio_st BIO;

// The server side of TLS over a TcpConnection: OpenSSL on memory BIOs, so the TcpConnection
// below moves the ciphertext (with its bounded buffers and send timeout) and the reader of this
// device gets plaintext.
//
// Why not QSslSocket: Qt 6.4 gives a server no say in the certificate once the client has named
// a host (SNI), which per-name certificates need, and a QSslSocket is a QTcpSocket, without
// the half-close, buffer bounds and send timeout of TcpConnection.
class TlsServerConnection : public DuplexDevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsServerConnection)

public:
    // Takes `transport` (it becomes a child) and starts the handshake.
    TlsServerConnection(TcpConnection *transport, std::shared_ptr<TlsServerContext> context,
                        QObject *parent = nullptr);
    ~TlsServerConnection() override;

    TcpConnection *transport() const { return m_transport; }
    bool isEncrypted() const { return m_handshakeDone; }
    QString serverName() const; // what the client asked for (SNI), empty before the handshake
    // Sent in clear, then the connection closes, when the client speaks plain HTTP instead of
    // TLS (a browser told http:// for an https port): a page that says so beats a reset.
    void setPlainHttpReply(const QByteArray &reply) { m_plainHttpReply = reply; }

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
    std::shared_ptr<TlsServerContext> m_context;
    SSL *m_ssl = nullptr;
    BIO *m_network = nullptr; // our end of the BIO pair; OpenSSL holds the other end
    ChunkQueue m_pendingOut; // plaintext written before the handshake was done
    QByteArray m_plainHttpReply;
    bool m_handshakeDone = false;
    bool m_closeWriteAsked = false;
    bool m_closeNotifySent = false;
    bool m_pumping = false;
    bool m_pumpQueued = false;
};
