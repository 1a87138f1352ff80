#include "clientsession.h"

#include "accesspolicy.h"
#include "acme/acmecertificates.h"
#include "authority.h"
#include "controlchannel.h"
#include "controlmessages.h"
#include "eventlog.h"
#include "idletimeout.h"
#include "listener.h"
#include "muxsession.h"
#include "muxstream.h"
#include "portpool.h"
#include "serverconfig.h"
#include "splice.h"
#include "tcpconnection.h"
#include "tls/edgecertificates.h"
#include "tokenbook.h"
#include "tunnelquota.h"
#include "tunnelregistry.h"
#include "visitorgate.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>

using Protocol::ErrorCode;

namespace {

QString endpoint(const QHostAddress &address, quint16 port)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString() + u':' + QString::number(port);
    return u'[' + address.toString() + QStringLiteral("]:") + QString::number(port);
}

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
    , m_peer(endpoint(socket->peerAddress(), socket->peerPort()))
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
    m_handshakeDeadline.setSingleShot(true);
    m_handshakeDeadline.setInterval(HandshakeTimeout);
    connect(&m_handshakeDeadline, &QTimer::timeout, this,
            [this] { close(tr("no tunnel request within %1 s").arg(HandshakeTimeout.count())); });
    m_handshakeDeadline.start();
}

ClientSession *ClientSession::holding(const TunnelRegistry &names, const QString &name)
{
    return name.isEmpty() ? nullptr : qobject_cast<ClientSession *>(names.owner(name));
}

MuxStream *ClientSession::openStream()
{
    return m_state == State::Open && !isBusy() ? m_mux->openStream() : nullptr;
}

void ClientSession::logBusy(const QHostAddress &visitor)
{
    m_services.visitors.refuse(
            {{QStringLiteral("visitor"), visitor.toString()},
             {QStringLiteral("url"), m_url},
             {QStringLiteral("reason"), QStringLiteral("max_streams_per_client")}},
            tr("refused a visitor of %1: %2 visitor connections open (--max-streams-per-client)")
                    .arg(m_url)
                    .arg(m_services.config.maxStreamsPerClient));
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
    if (!m_name.isEmpty())
        m_services.names.release(m_name);
    if (m_tcpListener) {
        m_tcpListener->close();
        m_services.ports.release(m_tcpListener->serverPort());
        m_tcpListener->deleteLater();
        m_tcpListener = nullptr;
    }
    if (wasOpen) {
        m_services.quota.remove(m_token);
        m_services.metrics.addClosedTunnel(m_traffic);
        m_services.log.event(
                QStringLiteral("tunnel_closed"),
                {{QStringLiteral("url"), m_url},
                 {QStringLiteral("client"), m_peer},
                 {QStringLiteral("reason"), reason}},
                tr("closed %1 (%2)").arg(m_url, reason.isEmpty() ? tr("client left") : reason));
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
    else if (m_state == State::AwaitOpen && type == Protocol::Open::Type)
        onOpen(Protocol::Open::fromCbor(message));
    else
        refuse(ErrorCode::BadMessage, tr("unexpected message \"%1\"").arg(type.left(64)));
}

void ClientSession::onHello(const Protocol::Hello &hello)
{
    if (hello.version != Protocol::Version) {
        refuse(ErrorCode::UnsupportedVersion,
               tr("protocol version %1 is not supported; this server speaks version %2")
                       .arg(hello.version)
                       .arg(Protocol::Version));
        return;
    }
    m_nonce = randomBytes(Protocol::NonceSize);
    const bool tokens = !m_services.tokens.isEmpty();
    m_control->send(
            Protocol::Hello{.version = Protocol::Version,
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
    // A name the token may never open is final; a full quota may pass, so it comes second.
    if (!checkAuth(open) || !checkName(open))
        return;
    if (m_services.quota.isFull(m_token, m_maxTunnels)) {
        refuse(ErrorCode::TooManyTunnels,
               tr("this token has %1 tunnels open, the most this server allows "
                  "(--max-tunnels-per-token)")
                       .arg(m_maxTunnels));
        return;
    }
    m_resumeKey = open.resume.size() == Protocol::ResumeKeySize
            ? open.resume
            : randomBytes(Protocol::ResumeKeySize);
    m_protocol = open.protocol;
    bool accessOk = false;
    QString accessError;
    m_access = AccessPolicy::fromOpen(open, &accessOk, &accessError);
    if (accessOk && m_access && m_access->requiresLogin() && m_protocol != u"http") {
        accessOk = false;
        accessError = tr("--basic-auth is for http tunnels");
    }
    if (!accessOk) {
        refuse(ErrorCode::InvalidAccess, accessError);
        return;
    }
    if (!open.hostHeader.isEmpty()) {
        // Canonical and strict, as a visitor's Host is: nothing a later hop could read otherwise.
        const std::optional<Authority> host = Authority::parse(open.hostHeader.toLatin1());
        if (!host || m_protocol != u"http" || open.hostHeader.size() > 255) {
            refuse(ErrorCode::BadMessage,
                   tr("--host-header takes a host name with an optional port, for http tunnels"));
            return;
        }
        m_hostHeader = host->toByteArray();
    }
    bool opened = false;
    if (m_protocol == u"http")
        opened = openHttp(open.name);
    else if (m_protocol == u"tcp")
        opened = openTcp(open.port);
    else
        refuse(ErrorCode::BadMessage,
               tr("unknown tunnel protocol \"%1\"").arg(m_protocol.left(64)));
    if (!opened)
        return;

    m_state = State::Open;
    m_openedAt = QDateTime::currentDateTimeUtc();
    m_services.quota.add(m_token);
    m_handshakeDeadline.stop();
    sendOpened();
    m_services.log.event(
            QStringLiteral("tunnel_opened"),
            {{QStringLiteral("url"), m_url},
             {QStringLiteral("protocol"), m_protocol},
             {QStringLiteral("client"), m_peer},
             {QStringLiteral("token"), m_token}},
            tr("opened %1 for %2 (%3)%4")
                    .arg(m_url, m_peer, m_token,
                         m_access ? QStringLiteral("; ") + m_access->summary() : QString()));
}

bool ClientSession::checkName(const Protocol::Open &open)
{
    if (m_allowedNames.isEmpty() || open.protocol != u"http")
        return true;
    // toLatin1: a non-ASCII letter cannot fold into an allowed name (the registry then
    // refuses the name as invalid anyway).
    const QString name = QString::fromLatin1(open.name.toLatin1().toLower());
    if (!open.name.isEmpty() && TokenBook::allowsName(m_allowedNames, name))
        return true;
    refuse(ErrorCode::NameNotAllowed,
           tr("this token opens only the names %1; ask for one with --subdomain")
                   .arg(m_allowedNames.join(QStringLiteral(", "))));
    return false;
}

void ClientSession::sendOpened()
{
    m_control->send(
            Protocol::Opened{.protocol = m_protocol,
                             .url = m_url,
                             .name = m_name,
                             .port = m_tcpListener ? m_tcpListener->serverPort() : quint16(0),
                             .resume = m_resumeKey,
                             .note = m_note}
                    .toCbor());
}

QString ClientSession::host() const
{
    return m_name + u'.' + m_services.config.domain;
}

// HTTPS once the edge has a certificate for the name. With ACME, a new name has none yet: it is
// served over plain HTTP, with a note, until onCertificateReady().
void ClientSession::chooseUrl()
{
    const ServerConfig &config = m_services.config;
    if (!m_services.acme || m_services.edge->covers(host().toLatin1())) {
        m_url = config.publicUrl(m_name);
        return;
    }
    m_url = config.httpUrl(m_name);
    m_note = tr("%1 works once its certificate arrives from %2, usually in seconds; until "
                "then use %3")
                     .arg(config.httpsUrl(m_name), config.acmeDirectory.host(), m_url);
    connect(m_services.acme, &AcmeCertificates::certificateReady, this,
            &ClientSession::onCertificateReady, Qt::UniqueConnection);
    m_services.acme->want(host());
}

void ClientSession::onCertificateReady(const QString &host)
{
    if (m_state != State::Open || host != this->host() || m_note.isEmpty())
        return;
    const QString before = m_url;
    m_url = m_services.config.httpsUrl(m_name);
    m_note.clear();
    sendOpened(); // the client shows the new URL
    m_services.log.event(QStringLiteral("tunnel_secured"),
                         {{QStringLiteral("url"), m_url}, {QStringLiteral("was"), before}},
                         tr("%1 is now served at %2").arg(before, m_url));
}

bool ClientSession::openHttp(const QString &requested)
{
    // The registry lowercases ASCII only: QString::toLower() would fold U+212A KELVIN SIGN to 'k'.
    // A client that lost its connection before we noticed gets its name back from the old one.
    if (ClientSession *holder = holding(m_services.names, requested); holder && holder != this
        && Protocol::constantTimeEquals(holder->resumeKey(), m_resumeKey)) {
        holder->close(tr("replaced by a new connection of the same client"));
    }
    const TunnelRegistry::Claim claim = m_services.names.claim(requested, m_resumeKey, this);
    switch (claim.status) {
    case TunnelRegistry::Status::Ok:
        m_name = claim.name;
        chooseUrl();
        return true;
    case TunnelRegistry::Status::Invalid:
        refuse(ErrorCode::InvalidName, claim.message);
        return false;
    case TunnelRegistry::Status::Taken:
        refuse(ErrorCode::NameTaken, claim.message);
        return false;
    case TunnelRegistry::Status::Reserved:
        refuse(ErrorCode::NameReserved, claim.message);
        return false;
    }
    return false;
}

bool ClientSession::openTcp(qint64 requested)
{
    if (requested < 0 || requested > 65535) {
        refuse(ErrorCode::NoPort, tr("invalid port %1").arg(requested));
        return false;
    }
    QString error;
    m_tcpListener = m_services.ports.open(quint16(requested), m_resumeKey, this, &error);
    if (!m_tcpListener) {
        refuse(ErrorCode::NoPort, error);
        return false;
    }
    connect(m_tcpListener, &Listener::accepted, this, &ClientSession::onTcpVisitor);
    m_url = QStringLiteral("tcp://%1:%2")
                    .arg(m_services.config.domain)
                    .arg(m_tcpListener->serverPort());
    return true;
}

void ClientSession::onTcpVisitor(qintptr descriptor)
{
    auto *visitor = new TcpConnection(descriptor, nullptr);
    const ServerConfig &config = m_services.config;
    const bool admitted = m_services.visitors.admit(visitor, VisitorGate::Kind::Tcp, m_url);
    if (admitted && m_access && !m_access->allowsAddress(visitor->peerAddress())) {
        visitor->abort(); // --deny-cidr / --allow-cidr: a TCP visitor gets a reset
        delete visitor;
        return;
    }
    if (admitted && isBusy())
        logBusy(visitor->peerAddress());
    MuxStream *stream = admitted ? openStream() : nullptr;
    if (!stream) {
        visitor->abort(); // a TCP visitor has no page to read: a reset says it at once
        delete visitor;
        return;
    }
    visitor->setSendTimeout(config.sendTimeout);
    auto *splice = new Splice(visitor, stream, this);
    countTraffic(splice);
    if (config.tcpIdleTimeout.count() > 0) {
        new IdleTimeout(
                splice,
                [splice, idle = config.tcpIdleTimeout] { return splice->lastActivity() + idle; },
                config.tcpIdleTimeout);
    }
    splice->start();
}

void ClientSession::refuse(ErrorCode code, const QString &text)
{
    if (m_control)
        m_control->send(Protocol::Error{.code = code, .message = text}.toCbor());
    m_services.metrics.countRefusal(Protocol::errorCodeName(code));
    m_services.log.event(QStringLiteral("client_refused"),
                         {{QStringLiteral("client"), m_peer},
                          {QStringLiteral("code"), Protocol::errorCodeName(code)},
                          {QStringLiteral("message"), text}},
                         tr("refused client %1: %2").arg(m_peer, text));
    close({}); // already logged
}

void ClientSession::countTraffic(Splice *splice)
{
    splice->countInto(&m_traffic.in, &m_traffic.out);
}
