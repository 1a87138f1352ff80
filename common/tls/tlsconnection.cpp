// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tlsconnection.h"

#include "tcpconnection.h"

#include <QHostAddress>
#include <QTimer>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace {

constexpr int RecordSize = 16 * 1024; // the largest TLS record's plaintext
constexpr qint64 PlaintextBufferSize = TcpConnection::ReadBufferSize;
constexpr size_t BioPairSize = 64 * 1024;
constexpr std::chrono::seconds PlainHttpLinger{5};

QString sslError(int code)
{
    const unsigned long error = ERR_get_error();
    ERR_clear_error();
    if (error == 0)
        return code == SSL_ERROR_SYSCALL ? QStringLiteral("the connection ended in the handshake")
                                         : QStringLiteral("TLS error %1").arg(code);
    char text[256] = {};
    ERR_error_string_n(error, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

TlsConnection::TlsConnection(TcpConnection *transport, SSL_CTX *context, Role role,
                             std::shared_ptr<const void> owner, const QString &peerName,
                             QObject *parent)
    : DuplexDevice(parent)
    , m_transport(transport)
    , m_owner(std::move(owner))
{
    open(QIODevice::ReadWrite);
    transport->setParent(this);
    m_ssl = SSL_new(context);
    BIO *inner = nullptr;
    BIO_new_bio_pair(&inner, BioPairSize, &m_network, BioPairSize);
    SSL_set_bio(m_ssl, inner, inner);
    if (role == Role::Server) {
        SSL_set_accept_state(m_ssl);
    } else {
        const QByteArray name = peerName.toLatin1();
        if (QHostAddress().setAddress(peerName)) {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl), name.constData());
        } else {
            SSL_set_tlsext_host_name(m_ssl, name.constData());
            SSL_set1_host(m_ssl, name.constData());
        }
        SSL_set_connect_state(m_ssl);
    }
    connect(transport, &QIODevice::readyRead, this, &TlsConnection::pump);
    connect(transport, &QIODevice::readChannelFinished, this, &TlsConnection::pump);
    connect(transport, &QIODevice::bytesWritten, this, [this](qint64 count) {
        pump();
        Q_EMIT bytesWritten(count); // an approximation in plaintext bytes; a Splice only wakes
    });
    connect(transport, &DuplexDevice::finished, this, &TlsConnection::onTransportFinished);
    schedulePump();
}

TlsConnection::~TlsConnection()
{
    SSL_free(m_ssl); // frees the inner BIO too
    BIO_free(m_network);
}

std::shared_ptr<SSL_CTX> TlsConnection::clientContext(bool verify)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (!context)
        return nullptr;
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_mode(context, SSL_MODE_RELEASE_BUFFERS);
    if (verify) {
        SSL_CTX_set_default_verify_paths(context);
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    } else {
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
    }
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    SSL_CTX_set_alpn_protos(context, http11, sizeof http11); // not h2: rok reads HTTP/1.1
    return std::shared_ptr<SSL_CTX>(context, SSL_CTX_free);
}

qint64 TlsConnection::bytesToWrite() const
{
    return m_pendingOut.size() + (m_transport ? m_transport->bytesToWrite() : 0);
}

void TlsConnection::writeChunk(const QByteArray &chunk)
{
    if (isFinished() || m_closeWriteAsked || chunk.isEmpty())
        return;
    m_pendingOut.append(chunk);
    pump();
}

void TlsConnection::closeWrite()
{
    m_closeWriteAsked = true;
    pump();
}

void TlsConnection::abort()
{
    m_pendingOut.clear();
    if (m_transport)
        m_transport->abort(); // finished() follows through onTransportFinished()
}

void TlsConnection::onConsumed(qint64)
{
    if (m_in.size() < PlaintextBufferSize)
        schedulePump();
}

void TlsConnection::schedulePump()
{
    // One queued pump however many chunks the reader takes in a row: not an event per read.
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_pumpQueued = false;
                pump();
            },
            Qt::QueuedConnection);
}

void TlsConnection::pump()
{
    if (m_pumping || !m_transport || isFinished())
        return;
    m_pumping = true;
    readCiphertext();
    if (m_handshakeDone || handshake()) {
        readPlaintext();
        writePlaintext();
    }
    flushCiphertext();
    m_pumping = false;
}

void TlsConnection::readCiphertext()
{
    // Take from the socket only what OpenSSL has room for, and only while the reader keeps up:
    // the TcpConnection then stops reading, and the kernel window pushes back on the client.
    while (m_transport->bytesAvailable() > 0 && m_in.size() < PlaintextBufferSize) {
        const size_t room = BIO_ctrl_get_write_guarantee(m_network);
        if (room == 0)
            break;
        const QByteArray chunk = m_transport->readChunk(qint64(room));
        BIO_write(m_network, chunk.constData(), int(chunk.size()));
    }
}

bool TlsConnection::handshake()
{
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        m_handshakeDone = true;
        Q_EMIT encrypted();
        return true;
    }
    const int code = SSL_get_error(m_ssl, result);
    if (code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE) {
        if (m_transport->atReadEnd() && m_transport->bytesAvailable() == 0
            && BIO_ctrl_pending(SSL_get_rbio(m_ssl)) == 0) {
            m_handshakeFailure = HandshakeFailure::Ended;
            failWith(QStringLiteral("the connection ended during the TLS handshake"));
        }
        return false;
    }
    if (ERR_GET_REASON(ERR_peek_error()) == SSL_R_HTTP_REQUEST && !m_plainHttpReply.isEmpty()) {
        ERR_clear_error();
        m_handshakeFailure = HandshakeFailure::PlainHttp;
        answerPlainHttp();
        return false;
    }
    const long verified = SSL_get_verify_result(m_ssl);
    if (verified != X509_V_OK) {
        ERR_clear_error();
        m_handshakeFailure = HandshakeFailure::Untrusted;
        failWith(QStringLiteral("the certificate is not trusted: %1")
                         .arg(QLatin1StringView(X509_verify_cert_error_string(verified))));
        return false;
    }
    m_handshakeFailure = HandshakeFailure::Refused;
    failWith(QStringLiteral("TLS handshake failed: %1").arg(sslError(code)));
    return false;
}

void TlsConnection::readPlaintext()
{
    while (!m_readEnded && m_in.size() < PlaintextBufferSize) {
        QByteArray chunk(RecordSize, Qt::Uninitialized);
        const int n = SSL_read(m_ssl, chunk.data(), int(chunk.size()));
        if (n > 0) {
            chunk.truncate(n);
            if (n < RecordSize / 4)
                chunk.squeeze();
            appendIncoming(chunk);
            continue;
        }
        const int code = SSL_get_error(m_ssl, n);
        if (code == SSL_ERROR_WANT_READ) {
            // The client closed TCP without close_notify: the end of its data all the same (a
            // truncation attack cannot cut an HTTP message short unnoticed: it has a length).
            if (m_transport->atReadEnd() && m_transport->bytesAvailable() == 0
                && BIO_ctrl_pending(SSL_get_rbio(m_ssl)) == 0)
                endIncoming();
            return;
        }
        if (code == SSL_ERROR_ZERO_RETURN) { // close_notify
            endIncoming();
            return;
        }
        failWith(QStringLiteral("TLS error: %1").arg(sslError(code)));
        return;
    }
}

void TlsConnection::writePlaintext()
{
    while (!m_pendingOut.isEmpty()) {
        // The BIO pair is bounded: what does not fit stays queued until the transport drains.
        if (BIO_ctrl_pending(m_network) >= BioPairSize / 2)
            flushCiphertext();
        const QByteArrayView view = m_pendingOut.front();
        const int n = SSL_write(m_ssl, view.data(), int(qMin<qsizetype>(view.size(), RecordSize)));
        if (n > 0) {
            m_pendingOut.drop(n);
            continue;
        }
        const int code = SSL_get_error(m_ssl, n);
        if (code == SSL_ERROR_WANT_WRITE || code == SSL_ERROR_WANT_READ)
            return;
        failWith(QStringLiteral("TLS error: %1").arg(sslError(code)));
        return;
    }
    if (m_closeWriteAsked && !m_closeNotifySent) {
        SSL_shutdown(m_ssl); // queues close_notify; the client's own is not awaited
        m_closeNotifySent = true;
        flushCiphertext();
        m_transport->closeWrite();
    }
}

void TlsConnection::flushCiphertext()
{
    while (m_transport && BIO_ctrl_pending(m_network) > 0) {
        QByteArray chunk(qsizetype(BIO_ctrl_pending(m_network)), Qt::Uninitialized);
        const int n = BIO_read(m_network, chunk.data(), int(chunk.size()));
        if (n <= 0)
            break;
        chunk.truncate(n);
        m_transport->writeChunk(chunk);
    }
}

void TlsConnection::answerPlainHttp()
{
    // The page goes out in clear, without OpenSSL's alert in front of it. The TCP connection
    // outlives this object for as long as that takes (bounded), and counts as a visitor until
    // it is gone.
    TcpConnection *transport = m_transport;
    transport->disconnect(this);
    transport->setParent(nullptr);
    m_transport = nullptr;
    transport->replyAndClose(m_plainHttpReply);
    connect(transport, &DuplexDevice::finished, transport, &QObject::deleteLater);
    QTimer::singleShot(PlainHttpLinger, transport, [transport] {
        transport->abort();
        transport->deleteLater();
    });
    m_pendingOut.clear();
    m_readEnded = true;
    finish(QStringLiteral("plain HTTP on the HTTPS port"));
}

void TlsConnection::failWith(const QString &error)
{
    m_pendingOut.clear();
    m_in.clear();
    m_readEnded = true;
    if (m_transport) {
        flushCiphertext(); // the alert, if OpenSSL made one
        m_transport->closeWrite();
    }
    finish(error);
}

void TlsConnection::onTransportFinished()
{
    pump(); // the last ciphertext may still hold data or close_notify
    if (!m_readEnded)
        endIncoming();
    finish(m_transport && m_transport->hasFailed() ? m_transport->errorString() : QString());
}
