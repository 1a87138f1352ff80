#include "httpedge.h"

#include "clientsession.h"
#include "errorpage.h"
#include "listener.h"
#include "muxstream.h"
#include "requestrewriter.h"
#include "server.h"
#include "tcpconnection.h"

#include <QTimer>

namespace {

constexpr std::chrono::seconds LingerAfterError{5};

// A visitor connection until its first request head has been routed.
class Visitor : public QObject
{
public:
    Visitor(qintptr descriptor, Server *server)
        : QObject(server)
        , m_server(server)
        , m_connection(new TcpConnection(descriptor, this))
        , m_rewriter(std::make_unique<RequestRewriter>(m_connection->peerAddress()))
    {
        connect(m_connection, &QIODevice::readyRead, this, &Visitor::onReadyRead);
        connect(m_connection, &QIODevice::readChannelFinished, this, &Visitor::onReadyRead);
        connect(m_connection, &DuplexDevice::finished, this, &Visitor::onFinished);
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            respond(408, tr("Request timeout"),
                    tr("The request head did not arrive within %1 s.")
                            .arg(m_server->config().headTimeout.count() / 1000.0));
        });
        m_deadline.start(m_server->config().headTimeout);
    }

private:
    void onReadyRead()
    {
        while (m_connection->bytesAvailable() > 0) {
            QByteArray chunk = m_connection->readChunk(64 * 1024);
            if (!m_rewriter->filter(chunk)) {
                const HttpParser &parser = m_rewriter->parser();
                if (parser.error() == HttpParser::Error::HeadTooLarge)
                    respond(431, tr("Request header too large"), parser.errorString());
                else
                    respond(400, tr("Bad request"), parser.errorString());
                return;
            }
            m_forward += chunk;
            if (m_rewriter->firstHead()) {
                route();
                return;
            }
        }
        if (m_connection->atReadEnd())
            m_connection->abort(); // closed before a whole head arrived: nothing to answer
    }

    void route()
    {
        m_deadline.stop();
        const HttpHead &head = *m_rewriter->firstHead();
        m_html = ErrorPage::prefersHtml(head.value("Accept"));
        const QByteArray host = head.value("Host");
        if (host.isEmpty()) {
            respond(400, tr("Bad request"), tr("The request has no Host header."));
            return;
        }
        const QString domain = m_server->config().domain;
        const QString name = HttpEdge::nameFromHost(host, domain);
        ClientSession *session = name.isEmpty() ? nullptr : m_server->sessionFor(name);
        if (!session) {
            const QString where = QString::fromLatin1(host);
            respond(404, tr("No tunnel here"),
                    tr("No tunnel is open at %1. Start one with: rok http 3000").arg(where));
            return;
        }
        MuxStream *stream = session->openStream();
        if (!stream) {
            respond(502, tr("Tunnel unavailable"),
                    tr("The tunnel's client is disconnecting; try again in a moment."));
            return;
        }
        stream->writeChunk(m_forward);
        m_connection->disconnect(this);
        m_connection->setParent(nullptr);
        auto *splice = new Splice(m_connection, stream, session);
        splice->setFilter(Splice::AtoB, std::move(m_rewriter));
        splice->start();
        deleteLater();
    }

    void respond(int status, const QString &title, const QString &detail)
    {
        m_deadline.stop();
        disconnect(m_connection, &QIODevice::readyRead, this, nullptr);
        disconnect(m_connection, &QIODevice::readChannelFinished, this, nullptr);
        m_connection->replyAndClose(ErrorPage::response(status, title, detail, m_html));
        QTimer::singleShot(LingerAfterError, this, [this] { m_connection->abort(); });
    }

    void onFinished() { deleteLater(); }

    Server *m_server;
    TcpConnection *m_connection;
    std::unique_ptr<RequestRewriter> m_rewriter;
    QByteArray m_forward;
    QTimer m_deadline;
    bool m_html = false;
};

} // namespace

HttpEdge::HttpEdge(Server *server)
    : QObject(server)
    , m_server(server)
    , m_listener(new Listener(this))
{
    connect(m_listener, &Listener::accepted, this, &HttpEdge::onAccepted);
}

QString HttpEdge::nameFromHost(const QByteArray &host, const QString &domain)
{
    QString hostname = QString::fromLatin1(host).trimmed().toLower();
    if (!hostname.startsWith(u'[')) // an IPv6 literal has no name in it
        hostname = hostname.section(u':', 0, 0);
    if (hostname.endsWith(u'.'))
        hostname.chop(1);
    const QString suffix = u'.' + domain;
    if (!hostname.endsWith(suffix))
        return {};
    const QString name = hostname.chopped(suffix.size());
    if (name.isEmpty() || name.contains(u'.'))
        return {};
    return name;
}

void HttpEdge::onAccepted(qintptr descriptor)
{
    new Visitor(descriptor, m_server);
}
