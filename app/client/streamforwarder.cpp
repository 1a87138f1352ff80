#include "streamforwarder.h"

#include "errorpage.h"
#include "httpparser.h"
#include "httptap.h"
#include "muxstream.h"
#include "requestlog.h"
#include "splice.h"
#include "tcpconnection.h"
#include "tls/tlsconnection.h"

#include <QDateTime>

StreamForwarder::StreamForwarder(MuxStream *stream, const LocalTarget &local,
                                 const QList<QHostAddress> &addresses, std::shared_ptr<SSL_CTX> tls,
                                 RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_local(new TcpConnection(this))
    , m_target(local)
    , m_tls(std::move(tls))
    , m_log(log)
{
    connect(m_local, &TcpConnection::connected, this, &StreamForwarder::onConnected);
    connect(m_local, &TcpConnection::connectFailed, this, &StreamForwarder::onConnectFailed);
    connect(stream, &DuplexDevice::finished, this, [this] {
        if (m_parser)
            return;
        m_stream->deleteLater(); // still connecting: the visitor left, so the attempt can go
        deleteLater();
    });
    m_local->connectTo(addresses, local.port);
}

void StreamForwarder::onConnected()
{
    if (!m_stream || m_stream->isFinished()) {
        deleteLater();
        return;
    }
    Q_EMIT connectedTo(m_local->connectedAddress());
    if (!m_tls) {
        splice(m_local);
        return;
    }
    // The handshake first: a certificate the service fails with is a 502 that says why.
    TcpConnection *transport = m_local;
    m_local = nullptr;
    auto *tls = new TlsConnection(transport, m_tls.get(), TlsConnection::Role::Client, m_tls,
                                  m_target.host, this);
    connect(tls, &TlsConnection::encrypted, this, [this, tls] {
        tls->disconnect(this);
        splice(tls);
    });
    connect(tls, &DuplexDevice::finished, this, [this, tls] {
        const QString error = tls->hasFailed() ? tls->errorString() : QString();
        tls->deleteLater();
        if (error.isEmpty())
            onConnectFailed(tr("TLS: the service closed the connection"));
        else if (error.contains(u"not trusted"))
            onConnectFailed(
                    tr("TLS: %1 (--local-insecure accepts a development certificate)").arg(error));
        else
            onConnectFailed(tr("TLS: %1").arg(error));
    });
}

void StreamForwarder::splice(DuplexDevice *local)
{
    if (!m_stream || m_stream->isFinished()) {
        local->deleteLater();
        deleteLater();
        return;
    }
    local->setParent(nullptr);
    m_stream->disconnect(this);
    auto *splice = new Splice(m_stream, local, m_stream->session());
    if (m_log)
        HttpTap::attach(splice, Splice::AtoB, m_log);
    m_local = nullptr;
    m_stream = nullptr;
    splice->start();
    deleteLater();
}

void StreamForwarder::onConnectFailed(const QString &error)
{
    m_error = error;
    if (!m_stream || !m_log) { // a TCP tunnel: the visitor's connection is reset
        if (m_stream)
            m_stream->abort();
        deleteLater();
        return;
    }
    // Wait for the request head, so the page suits the visitor and the log names the request.
    m_parser = std::make_unique<HttpParser>(HttpParser::Kind::Request);
    connect(m_stream, &QIODevice::readyRead, this, &StreamForwarder::answerWithBadGateway);
    connect(m_stream, &QIODevice::readChannelFinished, this,
            &StreamForwarder::answerWithBadGateway);
    answerWithBadGateway();
}

void StreamForwarder::answerWithBadGateway()
{
    if (!m_stream)
        return;
    bool headDone = m_stream->atReadEnd();
    while (!headDone && m_stream->bytesAvailable() > 0) {
        const QByteArray chunk = m_stream->readChunk(64 * 1024);
        const HttpParser::Step step = m_parser->feed(chunk);
        headDone = step.event != HttpParser::Event::NeedMore;
    }
    if (!headDone)
        return;
    const HttpHead &head = m_parser->head();
    const QString detail = tr("rok could not reach the local service at %1: %2.")
                                   .arg(m_target.toString(), m_error);
    m_stream->disconnect(this);
    m_stream->replyAndClose(ErrorPage::response(502, tr("Local service unavailable"), detail,
                                                ErrorPage::prefersHtml(head.value("Accept"))));
    if (!head.method.isEmpty()) {
        RequestRecord record;
        record.started = RequestRecord::now();
        record.method = head.method;
        record.path = head.target;
        record.status = 502;
        record.requestHead = head;
        record.error = detail;
        m_log->add(record);
    }
    connect(m_stream, &DuplexDevice::finished, m_stream, &QObject::deleteLater);
    m_stream = nullptr;
    deleteLater();
}
