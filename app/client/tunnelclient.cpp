// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnelclient.h"

#include "controlchannel.h"
#include "controlmessages.h"
#include "muxsession.h"
#include "muxstream.h"
#include "requesthold.h"
#include "requestlog.h"
#include "streamforwarder.h"
#include "tcpconnection.h"
#include "tls/tlsconnection.h"

#include <QCborValue>

#include <QHostInfo>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSslSocket>

TunnelClient::TunnelClient(const TunnelOptions &options, RequestLog *log, QObject *parent)
    : QObject(parent)
{
    addTunnel(options, log);
    setUpTimers();
}

TunnelClient::TunnelClient(const QList<TunnelOptions> &tunnels, QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(!tunnels.isEmpty());
    for (const TunnelOptions &options : tunnels)
        addTunnel(options, nullptr);
    setUpTimers();
}

void TunnelClient::addTunnel(const TunnelOptions &options, RequestLog *log)
{
    Tunnel tunnel{.options = options, .log = log};
    if (!log && options.protocol == TunnelOptions::Protocol::Http)
        tunnel.log = new RequestLog(1000, this);
    if (options.protocol == TunnelOptions::Protocol::Http)
        tunnel.hold = new RequestHold(options.hold, this);
    tunnel.localAddresses = TcpConnection::resolveLocal(options.local.host);
    if (options.local.tls)
        tunnel.localTls = TlsConnection::clientContext(!options.localInsecure);
    m_tunnels.push_back(std::move(tunnel));
}

void TunnelClient::setUpTimers()
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TunnelClient::connectToServer);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this,
            [this] { connectionLost(tr("the server did not answer in time")); });
}

TunnelClient::~TunnelClient()
{
    dropConnection();
    if (m_draining) {
        m_draining->disconnect(this);
        m_draining->close();
    }
}

QString TunnelClient::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Online:
        return QStringLiteral("online");
    case State::Reconnecting:
        return QStringLiteral("reconnecting");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

int TunnelClient::activeStreams() const
{
    return (m_mux ? m_mux->streamCount() : 0) + (m_draining ? m_draining->streamCount() : 0);
}

void TunnelClient::start()
{
    if (m_state == State::Connecting || m_state == State::Online)
        return;
    m_attempt = 0;
    m_lastError.clear();
    setState(State::Connecting);
    connectToServer();
}

void TunnelClient::stop()
{
    m_retryTimer.stop();
    if (m_draining) { // asked twice: stop now
        m_draining->close();
        return;
    }
    if (m_state != State::Online || !m_mux) {
        if (m_mux)
            m_mux->goAway(); // tells the server this is a goodbye, not a lost connection
        dropConnection();
        setState(State::Stopped);
        Q_EMIT drained();
        return;
    }
    // A goodbye, not a lost connection: GoAway, then the end of the control conversation.
    // Visitor streams keep going until they end; the session closes after the last one.
    m_connectTimeout.stop();
    m_draining = std::exchange(m_mux, nullptr);
    m_draining->disconnect(this);
    connect(m_draining, &MuxSession::closed, this, &TunnelClient::onDrained);
    if (m_control) {
        m_control->disconnect(this);
        m_control->end();
    }
    m_socket = nullptr;
    m_control = nullptr;
    setState(State::Stopped);
    m_draining->closeWhenDrained();
}

void TunnelClient::onDrained()
{
    if (m_draining)
        m_draining->deleteLater();
    m_draining = nullptr;
    Q_EMIT drained();
}

void TunnelClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TunnelClient::connectToServer()
{
    dropConnection();
    setState(State::Connecting);
    for (const Tunnel &tunnel : m_tunnels) {
        if (tunnel.options.local.tls && !tunnel.localTls) {
            fail(tr("cannot set up TLS for %1").arg(tunnel.options.local.toString()));
            return;
        }
        if (tunnel.localAddresses.isEmpty()) {
            lookUpLocalHost();
            return;
        }
    }
    m_channelBinding.clear();
    const Endpoint &server = connection().server.endpoint;
    if (connection().server.usesTls()) {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(Tls::clientConfiguration(connection().trust));
        connect(socket, &QSslSocket::sslErrors, this, &TunnelClient::onSslErrors);
        connect(socket, &QSslSocket::encrypted, this, &TunnelClient::onEncrypted);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &TunnelClient::onConnected);
    }
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_socket || m_mux)
            return;
        // Not a network hiccup: the other end does not speak TLS. Retrying cannot help.
        if (error == QAbstractSocket::SslHandshakeFailedError)
            fail(tr("the TLS handshake with %1 failed: %2. If its control port is plain TCP, "
                    "connect with tcp://%1")
                         .arg(connection().server.endpoint.toString(), m_socket->errorString()));
        else
            connectionLost(m_socket->errorString());
    });
    m_connectTimeout.start(connection().connectTimeout);
    if (auto *socket = qobject_cast<QSslSocket *>(m_socket))
        socket->connectToHostEncrypted(server.host, server.port);
    else
        m_socket->connectToHost(server.host, server.port);
}

void TunnelClient::onSslErrors(const QList<QSslError> &errors)
{
    auto *socket = qobject_cast<QSslSocket *>(m_socket);
    if (!socket)
        return;
    // A pinned certificate replaces the CA and name checks; onEncrypted() checks the pin.
    if (connection().trust.isPinned()) {
        socket->ignoreSslErrors();
        return;
    }
    fail(tr("will not trust %1: %2")
                 .arg(connection().server.endpoint.toString(),
                      Tls::describe(errors, socket->peerCertificate())));
}

void TunnelClient::onEncrypted()
{
    auto *socket = qobject_cast<QSslSocket *>(m_socket);
    if (!socket)
        return;
    const QSslCertificate peer = socket->peerCertificate();
    const Tls::Trust &trust = connection().trust;
    if (trust.isPinned() && !Tls::pinMatches(trust, peer)) {
        fail(tr("will not trust %1: its certificate is %2, not the pinned %3")
                     .arg(connection().server.endpoint.toString(),
                          Tls::formatFingerprint(Tls::fingerprint(peer)),
                          Tls::formatFingerprint(trust.pinnedSha256)));
        return;
    }
    m_channelBinding = Tls::channelBinding(peer);
    onConnected();
}

// A local target by name (myapp.test): looked up once, before the first connection.
void TunnelClient::lookUpLocalHost()
{
    if (m_lookingUpLocal)
        return;
    const auto unresolved = std::find_if(m_tunnels.begin(), m_tunnels.end(), [](const Tunnel &t) {
        return t.localAddresses.isEmpty();
    });
    if (unresolved == m_tunnels.end())
        return;
    m_lookingUpLocal = true;
    const qsizetype index = unresolved - m_tunnels.begin();
    QHostInfo::lookupHost(
            unresolved->options.local.host, this, [this, index](const QHostInfo &info) {
                m_lookingUpLocal = false;
                if (m_state != State::Connecting)
                    return; // stopped meanwhile
                Tunnel &tunnel = m_tunnels[size_t(index)];
                if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
                    fail(prefixed(tunnel,
                                  tr("cannot find the local host \"%1\": %2")
                                          .arg(tunnel.options.local.host, info.errorString())));
                    return;
                }
                tunnel.localAddresses = info.addresses();
                connectToServer();
            });
}

void TunnelClient::onConnected()
{
    m_mux = new MuxSession(m_socket, MuxSession::Side::Client, connection().mux, this);
    connect(m_mux, &MuxSession::streamOpened, this, &TunnelClient::onVisitor);
    connect(m_mux, &MuxSession::closed, this, [this](const QString &reason) {
        connectionLost(reason.isEmpty() ? tr("the server closed the connection") : reason);
    });
    connect(m_mux, &MuxSession::goAwayReceived, this,
            [this] { connectionLost(tr("the server is shutting down")); });
    MuxStream *stream = m_mux->openStream();
    m_control = new ControlChannel(stream, m_mux);
    connect(m_control, &ControlChannel::messageReceived, this, &TunnelClient::onMessage);
    connect(m_control, &ControlChannel::failed, this, &TunnelClient::connectionLost);
    m_control->send(Protocol::Hello{.version = Protocol::Version,
                                    .agent = QStringLiteral("rok/" ROK_VERSION)}
                            .toCbor());
}

void TunnelClient::onMessage(const QCborMap &message)
{
    const QString type = Protocol::messageType(message);
    if (type == Protocol::Hello::Type) {
        onHello(Protocol::Hello::fromCbor(message));
    } else if (type == Protocol::Opened::Type) {
        onOpened(Protocol::Opened::fromCbor(message));
    } else if (type == Protocol::Error::Type) {
        const Protocol::Error error = Protocol::Error::fromCbor(message);
        const Tunnel *tunnel = error.tunnel ? tunnelNumbered(error.tunnel) : nullptr;
        const QString text = tunnel ? prefixed(*tunnel, error.message) : error.message;
        if (error.code == Protocol::ErrorCode::TlsRequired)
            fail(tr("%1 speaks TLS: connect with tls://%1")
                         .arg(connection().server.endpoint.toString()));
        else if (Protocol::isFatal(error.code))
            fail(text);
        else
            connectionLost(text); // then every tunnel is asked for again, after a backoff
    } else if (type == Protocol::Timings::Type) {
        for (const Protocol::Timings::Item &item : Protocol::Timings::fromCbor(message).items) {
            const Tunnel *tunnel = tunnelNumbered(item.tunnel);
            if (tunnel && tunnel->log)
                tunnel->log->addEdgeTime(RequestLog::edgeKey(item.stream, item.exchange),
                                         double(item.microseconds) / 1000);
        }
    }
}

void TunnelClient::onHello(const Protocol::Hello &hello)
{
    QByteArray proof;
    if (hello.requiresToken()) {
        if (connection().token.isEmpty()) {
            fail(tr("the server requires a token: pass --token, set ROK_TOKEN, or save it with rok "
                    "config set-token"));
            return;
        }
        proof = Protocol::authProof(connection().token, hello.nonce, m_channelBinding);
    }
    for (size_t i = 0; i < m_tunnels.size(); ++i) {
        const Tunnel &tunnel = m_tunnels[i];
        const TunnelOptions &options = tunnel.options;
        const bool tcp = options.protocol == TunnelOptions::Protocol::Tcp;
        Protocol::Open open{.protocol = tcp ? QStringLiteral("tcp") : QStringLiteral("http"),
                            .resume = tunnel.resumeKey,
                            .proof = proof,
                            .credentials = options.credentials,
                            .allowCidrs = options.allowCidrs,
                            .denyCidrs = options.denyCidrs,
                            .hostHeader = options.hostHeader,
                            .tunnel = qint64(i) + 1,
                            .timings = !tcp}; // to split each request's time
        if (tcp)
            open.port = tunnel.port;
        else
            open.name = tunnel.name.isEmpty() ? options.subdomain : tunnel.name;
        m_control->send(open.toCbor());
    }
}

TunnelClient::Tunnel *TunnelClient::tunnelNumbered(qint64 number)
{
    if (number < 1 || number > qint64(m_tunnels.size()))
        return nullptr;
    return &m_tunnels[size_t(number - 1)];
}

// With several tunnels, a message about one says which: the saved tunnel's name, or its target.
QString TunnelClient::prefixed(const Tunnel &tunnel, const QString &message) const
{
    if (m_tunnels.size() < 2)
        return message;
    return tr("%1: %2", "a tunnel's name, then a message about it")
            .arg(tunnel.options.displayName(), message);
}

void TunnelClient::onOpened(const Protocol::Opened &opened)
{
    Tunnel *tunnel = tunnelNumbered(opened.tunnel);
    if (!tunnel)
        return; // not one we asked for
    const QString previousUrl = tunnel->url;
    tunnel->url = opened.url;
    tunnel->note = opened.note;
    tunnel->name = opened.name;
    tunnel->port = opened.port;
    tunnel->resumeKey = opened.resume;
    tunnel->open = true;
    if (tunnel->log)
        tunnel->log->setEdgeTimesExpected(opened.timings);
    if (std::all_of(m_tunnels.begin(), m_tunnels.end(), [](const Tunnel &t) { return t.open; })) {
        m_connectTimeout.stop();
        m_attempt = 0;
        m_lastError.clear();
        m_nextRetry = {};
        setState(State::Online);
    }
    Q_EMIT tunnelOpened(tunnel->url, !previousUrl.isEmpty() && previousUrl == tunnel->url,
                        int(opened.tunnel - 1));
}

// Each visitor stream starts with a header saying which tunnel it came to.
void TunnelClient::onVisitor(MuxStream *stream)
{
    auto reader = std::make_shared<Protocol::VisitorHeader::Reader>();
    const auto route = [this, stream, reader] {
        Protocol::VisitorHeader header;
        switch (reader->read(stream, &header)) {
        case Protocol::VisitorHeader::Reader::Result::NeedMore:
            return false;
        case Protocol::VisitorHeader::Reader::Result::Malformed:
            stream->abort();
            return true;
        case Protocol::VisitorHeader::Reader::Result::Done:
            break;
        }
        Tunnel *tunnel = tunnelNumbered(header.tunnel);
        if (tunnel && tunnel->open)
            forward(stream, *tunnel);
        else
            stream->abort();
        return true;
    };
    if (route())
        return;
    auto waiting = std::make_shared<QMetaObject::Connection>();
    *waiting = connect(stream, &QIODevice::readyRead, this, [route, waiting] {
        if (route())
            QObject::disconnect(*waiting);
    });
}

void TunnelClient::forward(MuxStream *stream, Tunnel &tunnel)
{
    auto *forwarder = new StreamForwarder(stream, tunnel.options.local, tunnel.localAddresses,
                                          tunnel.localTls, tunnel.log, tunnel.hold, this);
    // Remember which of ::1 and 127.0.0.1 answered, so later visitors skip the other one.
    connect(forwarder, &StreamForwarder::connectedTo, this,
            [addresses = &tunnel.localAddresses](const QHostAddress &address) {
                if (addresses->size() > 1 && addresses->constFirst() != address) {
                    addresses->removeAll(address);
                    addresses->prepend(address);
                }
            });
}

void TunnelClient::connectionLost(const QString &reason)
{
    if (m_state == State::Stopped || m_state == State::Failed)
        return;
    const bool reached = m_mux != nullptr;
    dropConnection();
    m_lastError = reached
            ? tr("lost the connection to rok-server: %1").arg(reason)
            : tr("cannot reach rok-server at %1: %2").arg(connection().server.toString(), reason);
    Q_EMIT errorOccurred(m_lastError, false);
    // Exponential backoff with jitter: a restarted server is not hit by every client at once.
    const qint64 base = qMin<qint64>(connection().maxRetry.count(),
                                     connection().firstRetry.count() << qMin(m_attempt, 16));
    const qint64 delay = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
    ++m_attempt;
    m_nextRetry = QDateTime::currentDateTime().addMSecs(delay);
    m_retryTimer.start(std::chrono::milliseconds(delay));
    setState(State::Reconnecting);
}

void TunnelClient::fail(const QString &message)
{
    dropConnection();
    m_retryTimer.stop();
    m_lastError = message;
    setState(State::Failed);
    Q_EMIT errorOccurred(message, true);
}

void TunnelClient::dropConnection()
{
    m_connectTimeout.stop();
    if (m_mux) {
        m_mux->disconnect(this);
        m_mux->close();
        m_mux->deleteLater();
    } else if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_mux = nullptr;
    m_socket = nullptr;
    m_control = nullptr;
    for (Tunnel &tunnel : m_tunnels)
        tunnel.open = false;
}
