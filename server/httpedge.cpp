// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "httpedge.h"

#include "acme/http01responses.h"
#include "authority.h"
#include "cluster/cluster.h"
#include "cluster/nodelinks.h"
#include "endpoint.h"
#include "errorpage.h"
#include "idletimeout.h"
#include "listener.h"
#include "muxstream.h"
#include "requestrewriter.h"
#include "serverconfig.h"
#include "tcpconnection.h"
#include "tls/edgecertificates.h"
#include "tls/tlsconnection.h"
#include "tls/tlsservercontext.h"
#include "tunnel.h"
#include "visitorgate.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr std::chrono::seconds LingerAfterError{5};
// Finding the node that holds a name and reaching it: Redis and the link have their own
// timeouts, this one bounds both for the visitor.
constexpr std::chrono::seconds ForwardTimeout{10};
// Refused for a limit: short, so that refused connections cannot pile up themselves.
constexpr std::chrono::seconds LingerAfterRefusal{1};
const QByteArray RetryAfter = "Retry-After: 5\r\n"_ba;

// A visitor connection until its first request head has been routed.
class Visitor : public QObject
{
public:
    // `forwarded`: another node of the cluster handed the visitor over; it is not handed on.
    Visitor(DuplexDevice *connection, const QHostAddress &peer, quint16 peerPort,
            RequestRewriter::Scheme scheme, const HttpEdge &edge, QObject *parent,
            bool forwarded = false)
        : QObject(parent)
        , m_config(edge.config())
        , m_names(edge.names())
        , m_edge(edge)
        , m_connection(connection)
        , m_peer(peer)
        , m_peerPort(peerPort)
        , m_scheme(scheme)
        , m_rewriter(std::make_shared<RequestRewriter>(peer, m_config.domain, scheme))
        , m_mayForward(edge.cluster() && !forwarded)
    {
        m_connection->setParent(this);
        m_rewriter->setTunnelLookup([&names = m_names](const QString &name) {
            const Tunnel *tunnel = Tunnel::holding(names, name);
            return tunnel ? RequestRewriter::TunnelRules{tunnel->access(), tunnel->hostHeader()}
                          : RequestRewriter::TunnelRules{};
        });
        // Refused by a tunnel's access rules: a line for the operator (throttled, as a flood of
        // wrong passwords must not flood the log). Other refusals are bad requests.
        m_rewriter->setRefusalObserver([&gate = edge.visitorGate(), visitor = peer.toString()](
                                               const auto &refusal, const QString &tunnel) {
            if (refusal.status != 401 && refusal.status != 403)
                return;
            gate.refuse({{QStringLiteral("visitor"), visitor},
                         {QStringLiteral("tunnel"), tunnel},
                         {QStringLiteral("status"), refusal.status},
                         {QStringLiteral("reason"),
                          refusal.status == 401 ? QStringLiteral("basic_auth")
                                                : QStringLiteral("address")}},
                        tr("refused visitor %1 of %2: %3 %4")
                                .arg(visitor, tunnel)
                                .arg(refusal.status)
                                .arg(refusal.title));
        });
        connect(m_connection, &QIODevice::readyRead, this, &Visitor::onReadyRead);
        connect(m_connection, &QIODevice::readChannelFinished, this, &Visitor::onReadyRead);
        connect(m_connection, &DuplexDevice::finished, this, &Visitor::onFinished);
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            respond(408, tr("Request timeout"),
                    tr("The request head did not arrive within %1 s.")
                            .arg(m_config.headTimeout.count() / 1000.0));
        });
        m_deadline.start(m_config.headTimeout);
        // A forwarded visitor's first bytes came with its stream's header: already here.
        if (m_connection->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &Visitor::onReadyRead, Qt::QueuedConnection);
    }

private:
    void onReadyRead()
    {
        while (m_connection->bytesAvailable() > 0) {
            QByteArray chunk = m_connection->readChunk(64 * 1024);
            if (m_mayForward)
                m_raw += chunk; // another node gets the request as the visitor sent it
            if (!m_rewriter->filterRequest(chunk)) {
                const RequestRewriter::Refusal refusal = m_rewriter->refusal().value_or(
                        RequestRewriter::Refusal{400, tr("Bad request"), {}, false});
                m_html = refusal.html;
                respond(refusal.status, refusal.title, refusal.detail, refusal.extraHeaders);
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
        if (m_scheme == RequestRewriter::Scheme::Http) {
            if (const auto challenge = m_edge.challengeAnswer(head.target)) {
                reply("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                      "Content-Length: "
                      + QByteArray::number(challenge->size()) + "\r\nConnection: close\r\n\r\n"
                      + *challenge);
                return;
            }
            // A name still waiting for its ACME certificate is served over HTTP meanwhile.
            if (m_edge.redirectsToHttps(m_rewriter->tunnelName())) {
                redirectToHttps(head);
                return;
            }
        }
        Tunnel *tunnel = Tunnel::holding(m_names, m_rewriter->tunnelName());
        if (!tunnel && m_mayForward && !m_rewriter->tunnelName().isEmpty()) {
            forward();
            return;
        }
        m_raw.clear();
        if (!tunnel) {
            respondNoTunnel();
            return;
        }
        if (tunnel->isBusy()) {
            const int most = m_config.maxStreamsPerClient;
            tunnel->logBusy(m_peer);
            respond(503, tr("Tunnel busy"),
                    tr("This tunnel has %1 visitor connections open, the most this server allows. "
                       "Try again in a moment.")
                            .arg(most),
                    RetryAfter);
            return;
        }
        MuxStream *stream = tunnel->openStream(m_peer, m_peerPort);
        if (!stream) {
            respond(502, tr("Tunnel unavailable"),
                    tr("The tunnel's client is disconnecting; try again in a moment."));
            return;
        }
        tunnel->traffic().in += m_forward.size(); // the splice counts what follows
        stream->writeChunk(m_forward);
        m_connection->disconnect(this);
        m_connection->setParent(nullptr);
        auto *splice = new Splice(m_connection, stream, tunnel);
        tunnel->countTraffic(splice);
        m_rewriter->setResponseObserver(
                [tunnel = QPointer(tunnel), &metrics = m_edge.visitorGate().metrics(),
                 stream = stream->id(), exchange = qint64(0)](
                        int status, RequestRewriter::Clock::duration duration) mutable {
                    metrics.countResponse(status, duration);
                    if (!tunnel)
                        return;
                    ++tunnel->traffic().requests;
                    tunnel->reportTiming(stream, exchange++, duration);
                });
        watchIdle(splice);
        RequestRewriter::attach(splice, std::move(m_rewriter));
        splice->start();
        deleteLater();
    }

    void respondNoTunnel()
    {
        const QString where = QString::fromLatin1(m_rewriter->firstHead()->value("Host"));
        respond(404, tr("No tunnel here"),
                tr("No tunnel is open at %1. Start one with: rok http 3000").arg(where));
    }

    // To the node of the cluster that holds the name, with what the visitor has sent so far;
    // from then on its connection is spliced to the stream to that node.
    void forward()
    {
        disconnect(m_connection, &QIODevice::readyRead, this, nullptr); // it waits in the socket
        disconnect(m_connection, &QIODevice::readChannelFinished, this, nullptr);
        m_waitingForNode = true;
        QTimer::singleShot(ForwardTimeout, this, [this] {
            if (!std::exchange(m_waitingForNode, false))
                return;
            respond(504, tr("Tunnel unavailable"),
                    tr("The cluster node that holds this tunnel did not answer in time; try again "
                       "in a moment."));
        });
        const QString name = m_rewriter->tunnelName();
        m_edge.cluster()->forward(
                Cluster::nameKey(name), this,
                [self = QPointer(this), name](MuxStream *stream, Cluster::Route route) {
                    if (!self || !std::exchange(self->m_waitingForNode, false)) {
                        if (stream) {
                            stream->abort();
                            stream->deleteLater();
                        }
                        return;
                    }
                    self->onRouted(name, stream, route);
                });
    }

    void onRouted(const QString &name, MuxStream *stream, Cluster::Route found)
    {
        switch (found) {
        case Cluster::Route::Found:
            break;
        case Cluster::Route::Here: // the tunnel's client came back through this node meanwhile
            m_mayForward = false;
            route();
            return;
        case Cluster::Route::NoTunnel:
            respondNoTunnel();
            return;
        case Cluster::Route::NodeUnreachable:
            respond(502, tr("Tunnel unavailable"),
                    tr("The cluster node that holds this tunnel cannot be reached; try again in a "
                       "moment."));
            return;
        case Cluster::Route::RedisUnreachable:
            respond(503, tr("Tunnel unavailable"),
                    tr("This server cannot find the tunnel's node right now; try again in a "
                       "moment."),
                    RetryAfter);
            return;
        }
        m_edge.visitorGate().metrics().countForwarded(true);
        const ForwardedVisitor visitor{name, Endpoint::toString(m_peer, m_peerPort),
                                       m_scheme == RequestRewriter::Scheme::Https};
        stream->writeChunk(visitor.toFrame() + std::exchange(m_raw, {}));
        m_connection->disconnect(this);
        m_connection->setParent(nullptr);
        auto *splice = new Splice(m_connection, stream, parent());
        splice->start();
        deleteLater();
    }

    // Keep-alive visitors with nothing in flight go after --idle-timeout; websockets and other
    // upgraded connections after --tcp-idle-timeout without a byte either way.
    void watchIdle(Splice *splice)
    {
        const ServerConfig &config = m_config;
        if (config.idleTimeout.count() == 0 && config.tcpIdleTimeout.count() == 0)
            return;
        const auto deadline =
                [rewriter = m_rewriter, idle = config.idleTimeout,
                 tcpIdle =
                         config.tcpIdleTimeout]() -> std::optional<IdleTimeout::Clock::time_point> {
            if (rewriter->isSwitched()) {
                if (tcpIdle.count() == 0)
                    return std::nullopt;
                return rewriter->lastActivity() + tcpIdle;
            }
            const auto since = rewriter->idleSince();
            if (!since || idle.count() == 0)
                return std::nullopt;
            return *since + idle;
        };
        // While busy, look again often enough that an idle connection goes within 25% of its
        // timeout; a timer a few times a minute per connection costs nothing.
        const auto shortest = config.idleTimeout.count() == 0 ? config.tcpIdleTimeout
                : config.tcpIdleTimeout.count() == 0
                ? config.idleTimeout
                : std::min(config.idleTimeout, config.tcpIdleTimeout);
        new IdleTimeout(splice, deadline, std::max(shortest / 4, std::chrono::milliseconds(100)));
    }

    void respond(int status, const QString &title, const QString &detail,
                 const QByteArray &extraHeaders = {})
    {
        reply(ErrorPage::response(status, title, detail, m_html, extraHeaders));
    }

    void reply(const QByteArray &response)
    {
        m_deadline.stop();
        disconnect(m_connection, &QIODevice::readyRead, this, nullptr);
        disconnect(m_connection, &QIODevice::readChannelFinished, this, nullptr);
        m_connection->replyAndClose(response);
        QTimer::singleShot(LingerAfterError, this, [this] { m_connection->abort(); });
    }

    void onFinished() { deleteLater(); }

    // The same URL over HTTPS; 308 keeps the method and body, as 301 does not for POST.
    void redirectToHttps(const HttpHead &head)
    {
        const std::optional<Authority> authority = Authority::parse(head.value("Host"));
        QByteArray location = "https://" + (authority ? authority->host : QByteArray());
        if (*m_config.httpsPort != 443)
            location += ':' + QByteArray::number(*m_config.httpsPort);
        location += head.target;
        respond(308, tr("Moved to HTTPS"),
                tr("This tunnel is served over HTTPS: %1").arg(QString::fromLatin1(location)),
                "Location: " + location + "\r\n");
    }

    const ServerConfig &m_config;
    const TunnelRegistry &m_names;
    const HttpEdge &m_edge;
    DuplexDevice *m_connection;
    QHostAddress m_peer;
    quint16 m_peerPort;
    RequestRewriter::Scheme m_scheme;
    std::shared_ptr<RequestRewriter> m_rewriter;
    QByteArray m_forward;
    QTimer m_deadline;
    bool m_html = false;
    bool m_mayForward; // to another node of the cluster
    QByteArray m_raw; // what the visitor sent, unchanged, while it may go to another node
    bool m_waitingForNode = false;
};

} // namespace

HttpEdge::HttpEdge(const ServerConfig &config, const TunnelRegistry &names, VisitorGate &visitors,
                   const EdgeCertificates &certificates, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_names(names)
    , m_visitors(visitors)
    , m_certificates(certificates)
    , m_listener(new Listener(this))
    , m_httpsListener(new Listener(this))
    , m_plainHttpPage(ErrorPage::response(400, tr("This port speaks HTTPS"),
                                          tr("The request came in plain HTTP to the HTTPS port. "
                                             "Use an https:// address."),
                                          false))
{
    connect(m_listener, &Listener::accepted, this,
            [this](qintptr descriptor) { onAccepted(descriptor, false); });
    connect(m_httpsListener, &Listener::accepted, this,
            [this](qintptr descriptor) { onAccepted(descriptor, true); });
}

std::optional<QByteArray> HttpEdge::challengeAnswer(const QByteArray &target) const
{
    return m_challenges ? m_challenges->find(target) : std::nullopt;
}

bool HttpEdge::redirectsToHttps(const QString &name) const
{
    return m_config.redirectsToHttps()
            && m_certificates.covers((name + u'.' + m_config.domain).toLatin1());
}

namespace {

// The label of rok_handshake_failures_total{port="https"}; empty: no failure.
QString handshakeFailureName(TlsConnection::HandshakeFailure failure)
{
    switch (failure) {
    case TlsConnection::HandshakeFailure::None:
        return {};
    case TlsConnection::HandshakeFailure::PlainHttp:
        return QStringLiteral("plain_http");
    case TlsConnection::HandshakeFailure::Ended:
        return QStringLiteral("ended");
    case TlsConnection::HandshakeFailure::Untrusted:
        return QStringLiteral("untrusted");
    case TlsConnection::HandshakeFailure::Refused:
        return QStringLiteral(
                "refused"); // no shared version or cipher, no certificate for the name
    }
    return {};
}

} // namespace

void HttpEdge::onAccepted(qintptr descriptor, bool https)
{
    auto *transport = new TcpConnection(descriptor, nullptr);
    const QHostAddress peer = transport->peerAddress();
    const quint16 peerPort = transport->peerPort();
    transport->setSendTimeout(m_config.sendTimeout);
    ConnectionLimiter::Verdict verdict;
    const bool admitted =
            m_visitors.admit(transport, VisitorGate::Kind::Http,
                             https ? tr("the HTTPS port") : tr("the HTTP port"), &verdict);
    DuplexDevice *connection = transport;
    if (https) {
        const std::shared_ptr<TlsServerContext> context = m_certificates.front();
        auto *tls =
                new TlsConnection(transport, context->get(), TlsConnection::Role::Server, context);
        tls->setPlainHttpReply(m_plainHttpPage);
        connect(tls, &DuplexDevice::finished, this, [this, tls] {
            if (const QString reason = handshakeFailureName(tls->handshakeFailure());
                !reason.isEmpty())
                m_visitors.metrics().countHandshakeFailure(QStringLiteral("https"), reason);
        });
        connection = tls;
    }
    if (!admitted) {
        refuse(connection, verdict == ConnectionLimiter::Verdict::TooManyFromAddress);
        return;
    }
    new Visitor(connection, peer, peerPort,
                https ? RequestRewriter::Scheme::Https : RequestRewriter::Scheme::Http, *this,
                this);
}

void HttpEdge::serveForwarded(MuxStream *stream, const ForwardedVisitor &visitor)
{
    m_visitors.metrics().countForwarded(false);
    new Visitor(stream, visitor.address(), visitor.port(),
                visitor.https ? RequestRewriter::Scheme::Https : RequestRewriter::Scheme::Http,
                *this, this, true);
}

void HttpEdge::refuse(DuplexDevice *connection, bool perAddress)
{
    // Answered without reading the request: the server is full, not the request wrong.
    const QString detail = perAddress
            ? tr("Too many connections from your address are open. Close some and try again.")
            : tr("This server has as many visitors as it takes. Try again in a moment.");
    connection->replyAndClose(
            ErrorPage::response(503, tr("Too many connections"), detail, false, RetryAfter));
    connect(connection, &DuplexDevice::finished, connection, &QObject::deleteLater);
    QTimer::singleShot(LingerAfterRefusal, connection, [connection] {
        connection->abort();
        connection->deleteLater();
    });
}
