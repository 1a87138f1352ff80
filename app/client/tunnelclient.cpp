#include "tunnelclient.h"

#include "controlchannel.h"
#include "controlmessages.h"
#include "muxsession.h"
#include "muxstream.h"
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
    , m_options(options)
    , m_log(log)
{
    if (!m_log && options.protocol == TunnelOptions::Protocol::Http)
        m_log = new RequestLog(1000, this);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TunnelClient::connectToServer);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this,
            [this] { connectionLost(tr("the server did not answer in time")); });
    m_localAddresses = TcpConnection::resolveLocal(m_options.local.host);
    if (m_options.local.tls)
        m_localTls = TlsConnection::clientContext(!m_options.localInsecure);
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
    if (m_options.local.tls && !m_localTls) {
        fail(tr("cannot set up TLS for %1").arg(m_options.local.toString()));
        return;
    }
    if (m_localAddresses.isEmpty()) {
        lookUpLocalHost();
        return;
    }
    m_channelBinding.clear();
    const Endpoint &server = m_options.server.endpoint;
    if (m_options.server.usesTls()) {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(Tls::clientConfiguration(m_options.trust));
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
                         .arg(m_options.server.endpoint.toString(), m_socket->errorString()));
        else
            connectionLost(m_socket->errorString());
    });
    m_connectTimeout.start(m_options.connectTimeout);
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
    if (m_options.trust.isPinned()) {
        socket->ignoreSslErrors();
        return;
    }
    fail(tr("will not trust %1: %2")
                 .arg(m_options.server.endpoint.toString(),
                      Tls::describe(errors, socket->peerCertificate())));
}

void TunnelClient::onEncrypted()
{
    auto *socket = qobject_cast<QSslSocket *>(m_socket);
    if (!socket)
        return;
    const QSslCertificate peer = socket->peerCertificate();
    if (m_options.trust.isPinned() && !Tls::pinMatches(m_options.trust, peer)) {
        fail(tr("will not trust %1: its certificate is %2, not the pinned %3")
                     .arg(m_options.server.endpoint.toString(),
                          Tls::formatFingerprint(Tls::fingerprint(peer)),
                          Tls::formatFingerprint(m_options.trust.pinnedSha256)));
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
    m_lookingUpLocal = true;
    QHostInfo::lookupHost(m_options.local.host, this, [this](const QHostInfo &info) {
        m_lookingUpLocal = false;
        if (m_state != State::Connecting)
            return; // stopped meanwhile
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(tr("cannot find the local host \"%1\": %2")
                         .arg(m_options.local.host, info.errorString()));
            return;
        }
        m_localAddresses = info.addresses();
        connectToServer();
    });
}

void TunnelClient::onConnected()
{
    m_mux = new MuxSession(m_socket, MuxSession::Side::Client, m_options.mux, this);
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
        if (error.code == Protocol::ErrorCode::TlsRequired)
            fail(tr("%1 speaks TLS: connect with tls://%1")
                         .arg(m_options.server.endpoint.toString()));
        else if (Protocol::isFatal(error.code))
            fail(error.message);
        else
            connectionLost(error.message);
    }
}

void TunnelClient::onHello(const Protocol::Hello &hello)
{
    const bool tcp = m_options.protocol == TunnelOptions::Protocol::Tcp;
    Protocol::Open open{.protocol = tcp ? QStringLiteral("tcp") : QStringLiteral("http"),
                        .resume = m_resumeKey};
    if (tcp)
        open.port = m_port;
    else
        open.name = m_name.isEmpty() ? m_options.subdomain : m_name;
    open.credentials = m_options.credentials;
    open.allowCidrs = m_options.allowCidrs;
    open.denyCidrs = m_options.denyCidrs;
    open.hostHeader = m_options.hostHeader;
    if (hello.requiresToken()) {
        if (m_options.token.isEmpty()) {
            fail(tr("the server requires a token: pass --token, set ROK_TOKEN, or save it with rok "
                    "config set-token"));
            return;
        }
        open.proof = Protocol::authProof(m_options.token, hello.nonce, m_channelBinding);
    }
    m_control->send(open.toCbor());
}

void TunnelClient::onOpened(const Protocol::Opened &opened)
{
    m_connectTimeout.stop();
    const QString previousUrl = m_url;
    m_url = opened.url;
    m_note = opened.note;
    m_name = opened.name;
    m_port = opened.port;
    m_resumeKey = opened.resume;
    m_attempt = 0;
    m_lastError.clear();
    m_nextRetry = {};
    setState(State::Online);
    Q_EMIT tunnelOpened(m_url, !previousUrl.isEmpty() && previousUrl == m_url);
}

void TunnelClient::onVisitor(MuxStream *stream)
{
    if (m_state != State::Online) {
        stream->abort();
        return;
    }
    auto *forwarder =
            new StreamForwarder(stream, m_options.local, m_localAddresses, m_localTls, m_log, this);
    // Remember which of ::1 and 127.0.0.1 answered, so later visitors skip the other one.
    connect(forwarder, &StreamForwarder::connectedTo, this, [this](const QHostAddress &address) {
        if (m_localAddresses.size() > 1 && m_localAddresses.constFirst() != address) {
            m_localAddresses.removeAll(address);
            m_localAddresses.prepend(address);
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
            : tr("cannot reach rok-server at %1: %2").arg(m_options.server.toString(), reason);
    Q_EMIT errorOccurred(m_lastError, false);
    // Exponential backoff with jitter: a restarted server is not hit by every client at once.
    const qint64 base = qMin<qint64>(m_options.maxRetry.count(),
                                     m_options.firstRetry.count() << qMin(m_attempt, 16));
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
}
