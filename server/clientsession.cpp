// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "clientsession.h"

#include "accesspolicy.h"
#include "controlchannel.h"
#include "controlmessages.h"
#include "endpoint.h"
#include "eventlog.h"
#include "muxsession.h"
#include "muxstream.h"
#include "serverconfig.h"
#include "tokenbook.h"
#include "tunnel.h"
#include "tunnelquota.h"
#include "tunnelregistry.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>

using Protocol::ErrorCode;

namespace {

// How logs name a token without revealing it: the start of its SHA-256.
QString tokenName(const QByteArray &token)
{
    const QByteArray hash = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    return QStringLiteral("token sha256:") + QString::fromLatin1(hash.toHex().left(12));
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

} // namespace

ClientSession::ClientSession(QTcpSocket *socket, const SessionServices &services,
                             const QByteArray &channelBinding, bool plainAtTlsPort, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_peer(Endpoint::toString(socket->peerAddress(), socket->peerPort()))
    , m_peerIsLoopback(socket->peerAddress().isLoopback())
    , m_channelBinding(channelBinding)
    , m_plainAtTlsPort(plainAtTlsPort)
{
    MuxSession::Options options;
    options.maxOutboundStreams = services.config.maxStreamsPerClient;
    m_mux = new MuxSession(socket, MuxSession::Side::Server, options, this);
    connect(m_mux, &MuxSession::streamOpened, this, &ClientSession::onStreamOpened);
    connect(m_mux, &MuxSession::closed, this, &ClientSession::onMuxClosed);
    // A client saying goodbye (Ctrl-C) lets its visitors' downloads finish, within a bound.
    connect(m_mux, &MuxSession::goAwayReceived, this, [this] { m_mux->closeWhenDrained(); });
    m_timingsTimer.setSingleShot(true);
    m_timingsTimer.setInterval(TimingsDelay);
    connect(&m_timingsTimer, &QTimer::timeout, this, &ClientSession::sendTimings);
    m_handshakeDeadline.setSingleShot(true);
    m_handshakeDeadline.setInterval(HandshakeTimeout);
    connect(&m_handshakeDeadline, &QTimer::timeout, this,
            [this] { close(tr("no tunnel request within %1 s").arg(HandshakeTimeout.count())); });
    m_handshakeDeadline.start();
}

MuxStream *ClientSession::openStream()
{
    return m_state == State::Open && !isBusy() ? m_mux->openStream() : nullptr;
}

bool ClientSession::isBusy() const
{
    return m_mux->outboundStreamCount() >= m_mux->options().maxOutboundStreams;
}

void ClientSession::shutdown()
{
    m_mux->goAway();
    close({});
}

void ClientSession::close(const QString &reason)
{
    m_mux->close(reason); // reports back through onMuxClosed
}

void ClientSession::onMuxClosed(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    const bool wasOpen = m_state == State::Open;
    // Ended by the peer before a whole frame: a port probe (a load balancer's health check, a
    // script waiting for the port), not a client. Logging each would bury the log.
    const bool probe = m_mux->endedByPeer() && m_mux->framesReceived() == 0;
    m_state = State::Closed;
    m_handshakeDeadline.stop();
    for (Tunnel *tunnel : std::exchange(m_claiming, {})) {
        m_services.quota.remove(m_token);
        tunnel->deleteLater(); // releases the name or port, and the lease if it comes
    }
    if (wasOpen) {
        for (Tunnel *tunnel : std::exchange(m_tunnels, {})) {
            tunnel->closed(reason);
            tunnel->deleteLater(); // its visitors' splices may be in a call up the stack
        }
    } else if (!reason.isEmpty() && !probe) {
        m_services.log.event(
                QStringLiteral("client_dropped"),
                {{QStringLiteral("client"), m_peer}, {QStringLiteral("reason"), reason}},
                tr("dropped client %1: %2").arg(m_peer, reason));
    }
    Q_EMIT closed();
}

void ClientSession::onStreamOpened(MuxStream *stream)
{
    if (m_control) { // clients open only the control stream
        stream->abort();
        stream->deleteLater();
        return;
    }
    m_control = new ControlChannel(stream, this);
    connect(m_control, &ControlChannel::messageReceived, this, &ClientSession::onMessage);
    connect(m_control, &ControlChannel::failed, this,
            [this](const QString &reason) { close(tr("protocol error: %1").arg(reason)); });
}

void ClientSession::onMessage(const QCborMap &message)
{
    const QString type = Protocol::messageType(message);
    if (m_plainAtTlsPort) {
        refuse(ErrorCode::TlsRequired,
               tr("this control port speaks TLS: connect with tls://HOST:PORT"));
        return;
    }
    if (m_state == State::AwaitHello && type == Protocol::Hello::Type)
        onHello(Protocol::Hello::fromCbor(message));
    else if ((m_state == State::AwaitOpen || (m_state == State::Open && sendsVisitorHeaders()))
             && type == Protocol::Open::Type)
        onOpen(Protocol::Open::fromCbor(message));
    else
        refuse(ErrorCode::BadMessage, tr("unexpected message \"%1\"").arg(type.left(64)));
}

void ClientSession::onHello(const Protocol::Hello &hello)
{
    if (hello.version < Protocol::OldestVersion || hello.version > Protocol::Version) {
        refuse(ErrorCode::UnsupportedVersion,
               tr("protocol version %1 is not supported; this server speaks versions %2 to %3")
                       .arg(hello.version)
                       .arg(Protocol::OldestVersion)
                       .arg(Protocol::Version));
        return;
    }
    m_version = hello.version;
    m_nonce = randomBytes(Protocol::NonceSize);
    const bool tokens = !m_services.tokens.isEmpty();
    m_control->send(
            Protocol::Hello{.version = m_version,
                            .agent = QStringLiteral("rok-server/" ROK_VERSION),
                            .auth = tokens ? QStringLiteral("hmac-sha256") : QStringLiteral("none"),
                            .nonce = m_nonce}
                    .toCbor());
    m_state = State::AwaitOpen;
}

bool ClientSession::checkAuth(const Protocol::Open &open)
{
    const ServerConfig &config = m_services.config;
    m_maxTunnels = config.maxTunnelsPerToken;
    if (m_services.tokens.isEmpty()) {
        m_token = QStringLiteral("anonymous");
        if (m_peerIsLoopback || config.allowAnonymous)
            return true;
        refuse(ErrorCode::NotAllowed,
               tr("this server has no tokens and accepts only clients on its own machine; "
                  "start it with --token or --allow-anonymous"));
        return false;
    }
    if (open.proof.isEmpty()) {
        refuse(ErrorCode::AuthRequired, tr("this server requires a token (--token or ROK_TOKEN)"));
        return false;
    }
    const TokenBook::Entry *entry = m_services.tokens.find([&](const QByteArray &token) {
        return Protocol::constantTimeEquals(open.proof,
                                            Protocol::authProof(token, m_nonce, m_channelBinding));
    });
    if (entry) {
        m_token = tokenName(entry->token);
        m_allowedNames = entry->names;
        m_maxTunnels = entry->maxTunnels.value_or(config.maxTunnelsPerToken);
    }
    if (m_token.isEmpty())
        refuse(ErrorCode::AuthFailed, tr("the token was not accepted"));
    return !m_token.isEmpty();
}

void ClientSession::onOpen(const Protocol::Open &open)
{
    // Version 3 numbers each tunnel; version 2 has one, number 0.
    const qint64 id = sendsVisitorHeaders() ? open.tunnel : 0;
    const auto sameId = [id](const Tunnel *tunnel) { return tunnel->id() == id; };
    if (sendsVisitorHeaders()
        && (id <= 0 || std::any_of(m_tunnels.begin(), m_tunnels.end(), sameId)
            || std::any_of(m_claiming.begin(), m_claiming.end(), sameId))) {
        refuse(ErrorCode::BadMessage,
               tr("an open needs a tunnel number of 1 or more that is not in use"));
        return;
    }
    // Later opens on a connection are covered by the first one's proof.
    if (m_token.isEmpty() && !checkAuth(open))
        return;
    // A name the token may never open is final; a full quota may pass, so it comes second.
    if (const std::optional<QString> refusal = nameRefusal(open)) {
        refuseTunnel(id, ErrorCode::NameNotAllowed, *refusal);
        return;
    }
    if (!m_claiming.isEmpty() && !sendsVisitorHeaders()) {
        refuse(ErrorCode::BadMessage, tr("protocol version 2 opens one tunnel a connection"));
        return;
    }
    if (m_services.quota.isFull(m_token, m_maxTunnels)) {
        refuseTunnel(id, ErrorCode::TooManyTunnels,
                     tr("this token has %1 tunnels open, the most this server allows "
                        "(--max-tunnels-per-token)")
                             .arg(m_maxTunnels));
        return;
    }
    auto *tunnel = new Tunnel(this, m_services, id);
    const QByteArray resumeKey = open.resume.size() == Protocol::ResumeKeySize
            ? open.resume
            : randomBytes(Protocol::ResumeKeySize);
    if (const std::optional<Tunnel::Refusal> refusal = tunnel->open(open, resumeKey)) {
        delete tunnel;
        refuseTunnel(id, refusal->code, refusal->message);
        return;
    }
    m_services.quota.add(m_token); // counts from now: claims in flight cannot pass the limit
    if (m_services.cluster)
        claimLease(tunnel);
    else
        startServing(tunnel);
}

// The tunnel's name or port is this node's locally; the cluster must agree before it serves.
void ClientSession::claimLease(Tunnel *tunnel)
{
    m_claiming.append(tunnel);
    tunnel->claimLease([this, tunnel](const std::optional<Tunnel::Refusal> &refusal) {
        if (!m_claiming.removeOne(tunnel))
            return; // the session closed meanwhile
        if (refusal) {
            m_services.quota.remove(m_token);
            const qint64 id = tunnel->id();
            delete tunnel;
            refuseTunnel(id, refusal->code, refusal->message);
            return;
        }
        startServing(tunnel);
    });
}

void ClientSession::startServing(Tunnel *tunnel)
{
    m_tunnels.append(tunnel);
    tunnel->startServing();
    connect(tunnel, &Tunnel::urlChanged, this,
            [this, tunnel] { m_control->send(tunnel->opened().toCbor()); });
    m_state = State::Open;
    m_handshakeDeadline.stop();
    m_control->send(tunnel->opened().toCbor());
    m_services.log.event(QStringLiteral("tunnel_opened"),
                         {{QStringLiteral("url"), tunnel->url()},
                          {QStringLiteral("protocol"), tunnel->protocol()},
                          {QStringLiteral("client"), m_peer},
                          {QStringLiteral("token"), m_token}},
                         tr("opened %1 for %2 (%3)%4")
                                 .arg(tunnel->url(), m_peer, m_token,
                                      tunnel->access()
                                              ? QStringLiteral("; ") + tunnel->access()->summary()
                                              : QString()));
}

std::optional<QString> ClientSession::nameRefusal(const Protocol::Open &open) const
{
    if (m_allowedNames.isEmpty() || open.protocol != u"http")
        return std::nullopt;
    // toLatin1: a non-ASCII letter cannot fold into an allowed name (the registry then
    // refuses the name as invalid anyway).
    const QString name = QString::fromLatin1(open.name.toLatin1().toLower());
    if (!open.name.isEmpty() && TokenBook::allowsName(m_allowedNames, name))
        return std::nullopt;
    return tr("this token opens only the names %1; ask for one with --subdomain")
            .arg(m_allowedNames.join(QStringLiteral(", ")));
}

void ClientSession::refuse(ErrorCode code, const QString &text)
{
    if (m_control)
        m_control->send(Protocol::Error{.code = code, .message = text}.toCbor());
    logRefusal(code, text);
    close({}); // already logged
}

// Version 3 refuses one tunnel and keeps the connection; version 2 has only the one.
void ClientSession::refuseTunnel(qint64 tunnel, ErrorCode code, const QString &text)
{
    if (tunnel == 0) {
        refuse(code, text);
        return;
    }
    m_control->send(Protocol::Error{.code = code, .message = text, .tunnel = tunnel}.toCbor());
    logRefusal(code, text);
}

void ClientSession::logRefusal(ErrorCode code, const QString &text)
{
    m_services.metrics.countRefusal(Protocol::errorCodeName(code));
    m_services.log.event(QStringLiteral("client_refused"),
                         {{QStringLiteral("client"), m_peer},
                          {QStringLiteral("code"), Protocol::errorCodeName(code)},
                          {QStringLiteral("message"), text}},
                         tr("refused client %1: %2").arg(m_peer, text));
}

void ClientSession::queueTiming(const Protocol::Timings::Item &item)
{
    m_timings.items.append(item);
    if (m_timings.items.size() >= Protocol::Timings::MaxItems)
        sendTimings();
    else if (!m_timingsTimer.isActive())
        m_timingsTimer.start();
}

void ClientSession::sendTimings()
{
    m_timingsTimer.stop();
    if (m_control && !m_timings.items.isEmpty())
        m_control->send(m_timings.toCbor());
    m_timings.items.clear();
}
