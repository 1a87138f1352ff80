// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "nodelinks.h"

#include "controlchannel.h"
#include "endpoint.h"
#include "listener.h"
#include "muxsession.h"
#include "muxstream.h"
#include "protocol.h"
#include "tls/tls.h"

#include <QCborValue>
#include <QNetworkProxy>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <unistd.h>

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyNode = QStringLiteral("node");
const QString KeyNonce = QStringLiteral("nonce");
const QString KeyProof = QStringLiteral("proof");
const QString Hello = QStringLiteral("node_hello"); // connector: its id and nonce
const QString Challenge = QStringLiteral("node_challenge"); // acceptor: its id, nonce, proof
const QString Proof = QStringLiteral("node_proof"); // connector: its proof

constexpr int NonceSize = 32;

QByteArray nonce()
{
    QByteArray bytes(NonceSize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), NonceSize / 4);
    return bytes;
}

// That `node` holds the cluster secret, for the other side's `nonce`, on a link whose TLS
// `binding` (Tls::channelBinding of the acceptor's certificate) is this one: a node in the
// middle, with a certificate of its own, cannot pass the proofs on.
QByteArray proof(const QByteArray &secret, const QByteArray &nonce, const QString &node,
                 const QByteArray &binding)
{
    return Protocol::authProof(secret, nonce, "rok-node-link " + node.toUtf8() + binding);
}

const QString TlsHint = QStringLiteral(
        " (do the nodes agree on TLS? Links use it when a node has --tls-cert or --self-signed: "
        "give all nodes one, or none)");

MuxSession::Options linkOptions()
{
    MuxSession::Options options;
    // A node that died without closing its connections is noticed within seconds.
    options.keepAliveInterval = std::chrono::seconds(2);
    options.deadPeerTimeout = std::chrono::seconds(6);
    // Every visitor between two nodes shares the link; the owner's limits apply per tunnel.
    options.maxStreams = 1 << 20;
    options.maxOutboundStreams = 1 << 20;
    return options;
}

// Takes a visitor stream's ForwardedVisitor off its front, then hands the stream on; drops a
// stream whose header is malformed or late.
class HeaderReader : public QObject
{
public:
    using Done = std::function<void(MuxStream *stream, const ForwardedVisitor &visitor)>;

    HeaderReader(MuxStream *stream, Done done)
        : QObject(stream)
        , m_stream(stream)
        , m_done(std::move(done))
    {
        connect(stream, &QIODevice::readyRead, this, &HeaderReader::read);
        connect(stream, &QIODevice::readChannelFinished, this, &HeaderReader::read);
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] { drop(); });
        m_deadline.start(NodeLinks::HandshakeTimeout);
        read();
    }

private:
    void read()
    {
        QCborMap map;
        const Protocol::FrameReader::Result result = m_reader.read(m_stream, &map);
        if (result == Protocol::FrameReader::Result::NeedMore && !m_stream->atReadEnd())
            return;
        const std::optional<ForwardedVisitor> visitor =
                result == Protocol::FrameReader::Result::Done ? ForwardedVisitor::fromCbor(map)
                                                              : std::nullopt;
        if (!visitor)
            return drop();
        m_stream->disconnect(this);
        setParent(nullptr); // the receiver may delete the stream at once
        deleteLater();
        m_done(m_stream, *visitor);
    }

    void drop()
    {
        m_stream->disconnect(this);
        m_stream->abort();
        m_stream->deleteLater();
    }

    MuxStream *m_stream;
    Done m_done;
    Protocol::FrameReader m_reader{ForwardedVisitor::MaxSize};
    QTimer m_deadline;
};

} // namespace

// One connection to another node. The connector says hello with a nonce; the acceptor answers
// with its own nonce and its proof for the connector's; the connector proves itself for the
// acceptor's, and may open streams at once. The acceptor takes streams once it has checked that
// proof. Both may then open streams, each one visitor.
class NodeLink : public QObject
{
public:
    enum class Role { Connector, Acceptor };

    // Connector: `node` is who Redis says listens at `address`, until the node says who it is.
    NodeLink(NodeLinks *links, QTcpSocket *socket, Role role, const QString &node = {},
             const QString &address = {})
        : QObject(links)
        , m_links(links)
        , m_socket(socket)
        , m_role(role)
        , m_address(address)
        , m_nonce(nonce())
        , m_peerNode(node)
    {
        socket->setParent(this); // the mux's, once there is one
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            fail(QStringLiteral("no handshake within %1 s")
                         .arg(NodeLinks::HandshakeTimeout.count()));
        });
        m_deadline.start(NodeLinks::HandshakeTimeout);
        if (role == Role::Acceptor) {
            startMux(); // over TLS, streams come once the handshake is done
            return;
        }
        const auto hello = [this] {
            startMux();
            MuxStream *stream = m_mux->openStream();
            if (!stream)
                return;
            startControl(stream);
            m_control->send({{KeyType, Hello}, {KeyNode, m_links->m_node}, {KeyNonce, m_nonce}});
        };
        connect(socket, &QAbstractSocket::connected, this, [this] { m_reached = true; });
        if (auto *tls = qobject_cast<QSslSocket *>(socket))
            connect(tls, &QSslSocket::encrypted, this, hello);
        else
            connect(socket, &QAbstractSocket::connected, this, hello);
        connect(socket, &QAbstractSocket::errorOccurred, this,
                [this] { fail(m_socket->errorString()); });
    }

    bool isUp() const { return m_up; }
    QString peerNode() const { return m_peerNode; }
    QString address() const { return m_address; }

    void whenUp(std::function<void(MuxStream *)> done)
    {
        if (m_up)
            done(m_mux->openStream());
        else
            m_waiting.append(std::move(done));
    }

    void close(const QString &reason)
    {
        if (m_mux)
            m_mux->close(reason);
        else
            fail(reason);
    }

private:
    void startMux()
    {
        m_mux = new MuxSession(m_socket,
                               m_role == Role::Connector ? MuxSession::Side::Client
                                                         : MuxSession::Side::Server,
                               linkOptions(), this);
        connect(m_mux, &MuxSession::streamOpened, this, &NodeLink::onStreamOpened);
        connect(m_mux, &MuxSession::closed, this, [this](const QString &reason) {
            fail(reason.isEmpty() ? QStringLiteral("closed") : reason);
        });
    }

    void startControl(MuxStream *stream)
    {
        m_control = new ControlChannel(stream, this);
        connect(m_control, &ControlChannel::messageReceived, this, &NodeLink::onMessage);
        connect(m_control, &ControlChannel::failed, this, &NodeLink::fail);
    }

    void onStreamOpened(MuxStream *stream)
    {
        if (!m_control && m_role == Role::Acceptor) {
            startControl(stream);
            return;
        }
        if (!m_up) {
            m_parked.append(stream); // opened right behind the proof: taken once it is checked
            return;
        }
        readHeader(stream);
    }

    // What both proofs cover: the acceptor's certificate, as each side sees it on this
    // connection (a reload since does not change it).
    QByteArray binding() const
    {
        const auto *tls = qobject_cast<QSslSocket *>(m_socket);
        if (!tls)
            return {};
        return Tls::channelBinding(m_role == Role::Acceptor ? tls->localCertificate()
                                                            : tls->peerCertificate());
    }

    void onMessage(const QCborMap &message)
    {
        const QString type = message.value(KeyType).toString();
        const QByteArray secret = m_links->m_secret;
        const QByteArray binding = this->binding();
        if (m_role == Role::Acceptor && type == Hello && m_peerNode.isEmpty()) {
            m_peerNode = message.value(KeyNode).toString().left(64);
            const QByteArray theirs = message.value(KeyNonce).toByteArray();
            if (m_peerNode.isEmpty() || theirs.size() != NonceSize)
                return fail(QStringLiteral("a malformed hello"));
            m_control->send({{KeyType, Challenge},
                             {KeyNode, m_links->m_node},
                             {KeyNonce, m_nonce},
                             {KeyProof, proof(secret, theirs, m_links->m_node, binding)}});
        } else if (m_role == Role::Connector && type == Challenge && !m_up) {
            m_peerNode = message.value(KeyNode).toString().left(64);
            const QByteArray theirs = message.value(KeyNonce).toByteArray();
            if (theirs.size() != NonceSize
                || !Protocol::constantTimeEquals(message.value(KeyProof).toByteArray(),
                                                 proof(secret, m_nonce, m_peerNode, binding)))
                return refuseProof();
            m_control->send({{KeyType, Proof},
                             {KeyProof, proof(secret, theirs, m_links->m_node, binding)}});
            becomeUp();
        } else if (m_role == Role::Acceptor && type == Proof && !m_up && !m_peerNode.isEmpty()) {
            if (!Protocol::constantTimeEquals(message.value(KeyProof).toByteArray(),
                                              proof(secret, m_nonce, m_peerNode, binding)))
                return refuseProof();
            becomeUp();
        } else {
            fail(QStringLiteral("unexpected message \"%1\"").arg(type.left(32)));
        }
    }

    void refuseProof()
    {
        m_refusedProof = true;
        fail(m_socket->inherits("QSslSocket")
                     ? QStringLiteral("the node does not hold the cluster secret, or a party in "
                                      "the middle holds the connection")
                     : QStringLiteral("the node does not hold the cluster secret"));
    }

    void becomeUp()
    {
        m_up = true;
        m_deadline.stop();
        m_links->adopt(this);
        for (MuxStream *stream : std::exchange(m_parked, {}))
            readHeader(stream);
        for (const auto &done : std::exchange(m_waiting, {}))
            done(m_mux->openStream());
    }

    void readHeader(MuxStream *stream)
    {
        new HeaderReader(stream,
                         [links = m_links](MuxStream *stream, const ForwardedVisitor &visitor) {
                             Q_EMIT links->visitorArrived(stream, visitor);
                         });
    }

    void fail(QString reason)
    {
        if (m_failed)
            return;
        m_failed = true;
        // A connector that reached the node but got no proof, nor a refusal of its own: most
        // often a node that speaks TLS to one that does not, or the other way round.
        if (m_role == Role::Connector && m_reached && !m_up && !m_refusedProof)
            reason += TlsHint;
        m_deadline.stop();
        for (MuxStream *stream : std::exchange(m_parked, {}))
            stream->abort();
        for (const auto &done : std::exchange(m_waiting, {}))
            done(nullptr);
        if (m_mux)
            m_mux->close(reason);
        else
            m_socket->abort();
        if (m_up || m_role == Role::Connector) // not a port probe
            m_links->forget(this, reason);
        else
            m_links->forget(this, {});
        deleteLater();
    }

    NodeLinks *m_links;
    QTcpSocket *m_socket; // the mux's, once there is one
    Role m_role;
    QString m_address; // connector: where it connected
    QByteArray m_nonce;
    QString m_peerNode;
    MuxSession *m_mux = nullptr;
    ControlChannel *m_control = nullptr;
    QTimer m_deadline;
    bool m_up = false;
    bool m_failed = false;
    bool m_reached = false; // connector: the TCP connection was made
    bool m_refusedProof = false;
    QList<MuxStream *> m_parked;
    QList<std::function<void(MuxStream *)>> m_waiting;
};

NodeLinks::NodeLinks(const QString &node, const QByteArray &secret, QObject *parent)
    : QObject(parent)
    , m_node(node)
    , m_secret(secret)
    , m_listener(new Listener(this))
{
    connect(m_listener, &Listener::accepted, this, &NodeLinks::onAccepted);
}

NodeLinks::~NodeLinks() = default;

bool NodeLinks::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_listener->listen(address, port))
        return true;
    *error = m_listener->errorString();
    return false;
}

quint16 NodeLinks::port() const
{
    return m_listener->serverPort();
}

void NodeLinks::onAccepted(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    socket->setProxy(QNetworkProxy::NoProxy);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    if (m_tls) {
        auto *tls = static_cast<QSslSocket *>(socket);
        tls->setSslConfiguration(*m_tls);
        tls->startServerEncryption();
    }
    new NodeLink(this, socket, NodeLink::Role::Acceptor);
}

void NodeLinks::openStream(const QString &node, const QString &address,
                           std::function<void(MuxStream *stream)> done)
{
    NodeLink *link = m_links.value(node);
    if (!link)
        link = m_connecting.value(address);
    if (!link) {
        const auto target = Endpoint::parse(address);
        const auto failed = m_failedAt.constFind(address);
        if (!target
            || (failed != m_failedAt.cend()
                && std::chrono::steady_clock::now() - *failed < RedialAfter)) {
            QTimer::singleShot(0, this, [done = std::move(done)] { done(nullptr); });
            return;
        }
        QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
        socket->setProxy(QNetworkProxy::NoProxy);
        link = new NodeLink(this, socket, NodeLink::Role::Connector, node, address);
        m_connecting.insert(address, link);
        if (m_tls) {
            // Any certificate: the proofs, bound to it, say whether the node is one of ours.
            auto *tls = static_cast<QSslSocket *>(socket);
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
            tls->setSslConfiguration(configuration);
            tls->connectToHostEncrypted(target->first.toString(), target->second);
        } else {
            socket->connectToHost(target->first, target->second);
        }
    }
    link->whenUp(std::move(done));
}

void NodeLinks::adopt(NodeLink *link)
{
    m_connecting.remove(link->address());
    m_failedAt.remove(link->address());
    // Two nodes that connected to each other at once keep both links; the newer one serves.
    m_links.insert(link->peerNode(), link);
    Q_EMIT linkUp(link->peerNode(), link->address());
}

// `reason` empty: nothing worth a line (a port probe).
void NodeLinks::forget(NodeLink *link, const QString &reason)
{
    if (m_connecting.value(link->address()) == link)
        m_connecting.remove(link->address());
    if (m_links.value(link->peerNode()) == link)
        m_links.remove(link->peerNode());
    if (reason.isEmpty())
        return;
    // A dead node is dialled again by every visitor that wants it: one line for the outage.
    const bool dialled = !link->isUp() && !link->address().isEmpty();
    const bool again = dialled && m_failedAt.contains(link->address());
    if (dialled)
        m_failedAt.insert(link->address(), std::chrono::steady_clock::now());
    if (!again)
        Q_EMIT linkDown(link->peerNode().isEmpty() ? link->address() : link->peerNode(), reason);
}

int NodeLinks::linkCount() const
{
    return int(m_links.size());
}

void NodeLinks::closeAll()
{
    m_listener->close();
    const QList<NodeLink *> links = m_links.values() + m_connecting.values();
    for (NodeLink *link : links)
        link->close({});
}
