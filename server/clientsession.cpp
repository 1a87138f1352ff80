#include "clientsession.h"

#include "controlchannel.h"
#include "idletimeout.h"
#include "listener.h"
#include "muxsession.h"
#include "muxstream.h"
#include "server.h"
#include "splice.h"
#include "tcpconnection.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>

using Protocol::ErrorCode;

namespace {

constexpr std::chrono::seconds HandshakeTimeout{10};

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

const QString KeyType = QStringLiteral("type");

} // namespace

ClientSession::ClientSession(QTcpSocket *socket, Server *server)
    : QObject(server)
    , m_server(server)
    , m_peer(endpoint(socket->peerAddress(), socket->peerPort()))
    , m_peerIsLoopback(socket->peerAddress().isLoopback())
{
    MuxSession::Options options;
    options.maxOutboundStreams = server->config().maxStreamsPerClient;
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

MuxStream *ClientSession::openStream()
{
    return m_state == State::Open && !isBusy() ? m_mux->openStream() : nullptr;
}

void ClientSession::logBusy(const QHostAddress &visitor)
{
    m_server->refusedVisitors().record(
            {{QStringLiteral("visitor"), visitor.toString()},
             {QStringLiteral("url"), m_url},
             {QStringLiteral("reason"), QStringLiteral("max_streams_per_client")}},
            tr("refused a visitor of %1: %2 visitor connections open (--max-streams-per-client)")
                    .arg(m_url)
                    .arg(m_server->config().maxStreamsPerClient));
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
    m_state = State::Closed;
    m_handshakeDeadline.stop();
    if (!m_name.isEmpty())
        m_server->names().release(m_name);
    if (m_tcpListener) {
        m_tcpListener->close();
        m_server->releaseTcpPort(m_tcpListener->serverPort());
        m_tcpListener->deleteLater();
        m_tcpListener = nullptr;
    }
    if (wasOpen) {
        m_server->log().event(
                QStringLiteral("tunnel_closed"),
                {{QStringLiteral("url"), m_url},
                 {QStringLiteral("client"), m_peer},
                 {QStringLiteral("reason"), reason}},
                tr("closed %1 (%2)").arg(m_url, reason.isEmpty() ? tr("client left") : reason));
    } else if (!reason.isEmpty()) {
        m_server->log().event(
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
    const QString type = message.value(KeyType).toString();
    if (m_state == State::AwaitHello && type == Protocol::Hello)
        onHello(message);
    else if (m_state == State::AwaitOpen && type == Protocol::Open)
        onOpen(message);
    else
        refuse(ErrorCode::BadMessage, tr("unexpected message \"%1\"").arg(type));
}

void ClientSession::onHello(const QCborMap &message)
{
    const qint64 version = Protocol::integer(message.value(QStringLiteral("version")), -1);
    if (version != Protocol::Version) {
        refuse(ErrorCode::UnsupportedVersion,
               tr("protocol version %1 is not supported; this server speaks version %2")
                       .arg(version)
                       .arg(Protocol::Version));
        return;
    }
    m_nonce = randomBytes(Protocol::NonceSize);
    const bool tokens = !m_server->config().tokens.isEmpty();
    m_control->send({{KeyType, Protocol::Hello},
                     {QStringLiteral("version"), Protocol::Version},
                     {QStringLiteral("agent"), QStringLiteral("rok-server/" ROK_VERSION)},
                     {QStringLiteral("auth"),
                      tokens ? QStringLiteral("hmac-sha256") : QStringLiteral("none")},
                     {QStringLiteral("nonce"), m_nonce}});
    m_state = State::AwaitOpen;
}

bool ClientSession::checkAuth(const QCborMap &message)
{
    const ServerConfig &config = m_server->config();
    if (config.tokens.isEmpty()) {
        m_token = QStringLiteral("anonymous");
        if (m_peerIsLoopback || config.allowAnonymous)
            return true;
        refuse(ErrorCode::NotAllowed,
               tr("this server has no tokens and accepts only clients on its own machine; "
                  "start it with --token or --allow-anonymous"));
        return false;
    }
    const QByteArray proof = message.value(QStringLiteral("proof")).toByteArray();
    if (proof.isEmpty()) {
        refuse(ErrorCode::AuthRequired, tr("this server requires a token (--token or ROK_TOKEN)"));
        return false;
    }
    for (const QByteArray &token : config.tokens) {
        if (Protocol::constantTimeEquals(proof, Protocol::authProof(token, m_nonce)))
            m_token = tokenName(token);
    }
    if (m_token.isEmpty())
        refuse(ErrorCode::AuthFailed, tr("the token was not accepted"));
    return !m_token.isEmpty();
}

void ClientSession::onOpen(const QCborMap &message)
{
    if (!checkAuth(message))
        return;
    if (m_server->tunnelsFor(m_token) >= m_server->config().maxTunnelsPerToken) {
        refuse(ErrorCode::TooManyTunnels,
               tr("this token has %1 tunnels open, the most this server allows "
                  "(--max-tunnels-per-token)")
                       .arg(m_server->config().maxTunnelsPerToken));
        return;
    }
    m_resumeKey = message.value(QStringLiteral("resume")).toByteArray();
    if (m_resumeKey.size() != Protocol::ResumeKeySize)
        m_resumeKey = randomBytes(Protocol::ResumeKeySize);
    m_protocol = message.value(QStringLiteral("protocol")).toString();
    bool opened = false;
    if (m_protocol == u"http")
        opened = openHttp(message);
    else if (m_protocol == u"tcp")
        opened = openTcp(message);
    else
        refuse(ErrorCode::BadMessage, tr("unknown tunnel protocol \"%1\"").arg(m_protocol));
    if (!opened)
        return;

    m_state = State::Open;
    m_handshakeDeadline.stop();
    QCborMap reply{{KeyType, Protocol::Opened},
                   {QStringLiteral("protocol"), m_protocol},
                   {QStringLiteral("url"), m_url},
                   {QStringLiteral("resume"), m_resumeKey}};
    if (!m_name.isEmpty())
        reply.insert(QStringLiteral("name"), m_name);
    if (m_tcpListener)
        reply.insert(QStringLiteral("port"), m_tcpListener->serverPort());
    m_control->send(reply);
    m_server->log().event(QStringLiteral("tunnel_opened"),
                          {{QStringLiteral("url"), m_url},
                           {QStringLiteral("protocol"), m_protocol},
                           {QStringLiteral("client"), m_peer},
                           {QStringLiteral("token"), m_token}},
                          tr("opened %1 for %2 (%3)").arg(m_url, m_peer, m_token));
}

bool ClientSession::openHttp(const QCborMap &message)
{
    // The registry lowercases ASCII only: QString::toLower() would fold U+212A KELVIN SIGN to 'k'.
    const QString requested = message.value(QStringLiteral("name")).toString();
    // A client that lost its connection before we noticed gets its name back from the old one.
    if (ClientSession *holder = m_server->sessionFor(requested.toLower()); holder && holder != this
        && Protocol::constantTimeEquals(holder->resumeKey(), m_resumeKey)) {
        holder->close(tr("replaced by a new connection of the same client"));
    }
    const TunnelRegistry::Claim claim = m_server->names().claim(requested, m_resumeKey, this);
    switch (claim.status) {
    case TunnelRegistry::Status::Ok:
        m_name = claim.name;
        m_url = m_server->publicUrl(m_name);
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

bool ClientSession::openTcp(const QCborMap &message)
{
    const qint64 requested = Protocol::integer(message.value(QStringLiteral("port")), 0);
    if (requested < 0 || requested > 65535) {
        refuse(ErrorCode::NoPort, tr("invalid port %1").arg(requested));
        return false;
    }
    QString error;
    m_tcpListener = m_server->openTcpPort(quint16(requested), m_resumeKey, this, &error);
    if (!m_tcpListener) {
        refuse(ErrorCode::NoPort, error);
        return false;
    }
    connect(m_tcpListener, &Listener::accepted, this, &ClientSession::onTcpVisitor);
    m_url = QStringLiteral("tcp://%1:%2")
                    .arg(m_server->config().domain)
                    .arg(m_tcpListener->serverPort());
    return true;
}

void ClientSession::onTcpVisitor(qintptr descriptor)
{
    auto *visitor = new TcpConnection(descriptor, nullptr);
    const ServerConfig &config = m_server->config();
    const bool admitted = m_server->admitVisitor(visitor, m_url);
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
        m_control->send(Protocol::errorMessage(code, text));
    m_server->log().event(QStringLiteral("client_refused"),
                          {{QStringLiteral("client"), m_peer},
                           {QStringLiteral("code"), Protocol::errorCodeName(code)},
                           {QStringLiteral("message"), text}},
                          tr("refused client %1: %2").arg(m_peer, text));
    close({}); // already logged
}
