#include "server.h"

#include "clientsession.h"
#include "httpedge.h"
#include "listener.h"
#include "tcpconnection.h"

#include <QJsonObject>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpSocket>

#include <unistd.h>

Server::Server(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_log(config.logFormat == ServerConfig::LogFormat::Json ? EventLog::Format::Json
                                                              : EventLog::Format::Text)
    , m_names(config.reservation)
    , m_ports(config.reservation)
    , m_control(new Listener(this))
    , m_http(new HttpEdge(this))
    , m_visitors(config.maxConnections, config.maxConnectionsPerIp)
    , m_refusedVisitors(m_log, QStringLiteral("visitor_refused"))
    , m_droppedVisitors(m_log, QStringLiteral("visitor_dropped"))
    , m_acceptFailures(m_log, QStringLiteral("accept_failed"))
{
    connect(m_control, &Listener::accepted, this, &Server::onControlConnection);
    watchAccepts(m_control, tr("the control port"));
    watchAccepts(m_http->listener(), tr("the HTTP port"));
    connect(&m_names, &TunnelRegistry::expired, this, [this](const QString &name) {
        m_log.event(QStringLiteral("name_released"), {{QStringLiteral("name"), name}},
                    tr("%1 is free again").arg(name));
    });
}

Server::~Server()
{
    // Sessions go first: they hand their names back to registries that are members of ours.
    const auto sessions = std::exchange(m_sessions, {});
    qDeleteAll(sessions);
}

bool Server::start(QString *error)
{
    if (!m_control->listen(m_config.bind, m_config.controlPort)) {
        *error = tr("cannot listen on control port %1: %2")
                         .arg(m_config.controlPort)
                         .arg(m_control->errorString());
        return false;
    }
    if (!m_http->listener()->listen(m_config.bind, m_config.httpPort)) {
        *error = tr("cannot listen on HTTP port %1: %2")
                         .arg(m_config.httpPort)
                         .arg(m_http->listener()->errorString());
        m_control->close();
        return false;
    }
    const QString bind =
            m_config.bind == QHostAddress::Any ? QStringLiteral("*") : m_config.bind.toString();
    m_log.event(QStringLiteral("listening"),
                {{QStringLiteral("http_port"), httpPort()},
                 {QStringLiteral("control_port"), controlPort()},
                 {QStringLiteral("domain"), m_config.domain},
                 {QStringLiteral("bind"), bind},
                 {QStringLiteral("auth"),
                  m_config.tokens.isEmpty() ? QStringLiteral("none") : QStringLiteral("token")}},
                tr("rok-server listening: tunnels at %1, clients on port %2%3")
                        .arg(publicUrl(QStringLiteral("NAME")))
                        .arg(controlPort())
                        .arg(m_config.tokens.isEmpty() ? tr(" (no token: local clients only)")
                                                       : QString()));
    return true;
}

void Server::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_control->close();
    m_http->listener()->close();
    const auto sessions = m_sessions;
    for (ClientSession *session : sessions)
        session->shutdown();
    m_log.event(QStringLiteral("stopped"), {}, tr("rok-server stopped"));
    Q_EMIT stopped();
}

quint16 Server::httpPort() const
{
    return m_http->listener()->serverPort();
}

quint16 Server::controlPort() const
{
    return m_control->serverPort();
}

QString Server::publicUrl(const QString &name) const
{
    const quint16 port = httpPort();
    const QString host = name + u'.' + m_config.domain;
    return port == 80 ? QStringLiteral("http://") + host
                      : QStringLiteral("http://%1:%2").arg(host).arg(port);
}

ClientSession *Server::sessionFor(const QString &name) const
{
    if (name.isEmpty())
        return nullptr;
    return qobject_cast<ClientSession *>(m_names.owner(name));
}

void Server::onControlConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket;
    socket->setProxy(QNetworkProxy::NoProxy);
    if (m_stopping || !socket->setSocketDescriptor(descriptor)) {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            ::close(int(descriptor));
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *session = new ClientSession(socket, this);
    m_sessions.insert(session);
    connect(session, &ClientSession::closed, this, [this, session] {
        m_sessions.remove(session);
        session->deleteLater();
    });
}

void Server::watchAccepts(Listener *listener, const QString &what)
{
    connect(listener, &Listener::acceptFailed, this, [this, what](const QString &error) {
        m_acceptFailures.record(
                {{QStringLiteral("listener"), what}, {QStringLiteral("error"), error}},
                tr("cannot accept on %1: %2; retrying").arg(what, error));
    });
}

int Server::tunnelsFor(const QString &token) const
{
    return int(std::count_if(m_sessions.begin(), m_sessions.end(), [&token](ClientSession *s) {
        return s->isOpen() && s->token() == token;
    }));
}

bool Server::admitVisitor(TcpConnection *connection, const QString &entry,
                          ConnectionLimiter::Verdict *verdict)
{
    const QHostAddress address = connection->peerAddress();
    const ConnectionLimiter::Verdict result = m_visitors.admit(address, connection);
    if (verdict)
        *verdict = result;
    if (result == ConnectionLimiter::Verdict::Admitted) {
        connect(connection, &TcpConnection::sendTimedOut, this, [this, address, entry] {
            m_droppedVisitors.record({{QStringLiteral("visitor"), address.toString()},
                                      {QStringLiteral("entry"), entry},
                                      {QStringLiteral("reason"), QStringLiteral("send_timeout")}},
                                     tr("dropped a visitor of %1 from %2: it read nothing for %3 s "
                                        "(--send-timeout)")
                                             .arg(entry, address.toString())
                                             .arg(m_config.sendTimeout.count() / 1000.0));
        });
        return true;
    }
    const bool perAddress = result == ConnectionLimiter::Verdict::TooManyFromAddress;
    const QString text = perAddress
            ? tr("refused a visitor of %1 from %2: %3 connections from that address "
                 "(--max-connections-per-ip)")
                      .arg(entry, address.toString())
                      .arg(m_config.maxConnectionsPerIp)
            : tr("refused a visitor of %1 from %2: %3 visitor connections open "
                 "(--max-connections)")
                      .arg(entry, address.toString())
                      .arg(m_config.maxConnections);
    m_refusedVisitors.record({{QStringLiteral("visitor"), address.toString()},
                              {QStringLiteral("entry"), entry},
                              {QStringLiteral("reason"),
                               perAddress ? QStringLiteral("max_connections_per_ip")
                                          : QStringLiteral("max_connections")}},
                             text);
    return false;
}

Listener *Server::openTcpPort(quint16 requested, const QByteArray &resumeKey, QObject *owner,
                              QString *error)
{
    if (requested != 0)
        return tryBind(requested, resumeKey, owner, error);
    // Start at a random place in the range so ports are not handed out in order.
    const int span = m_config.tcpPortTo - m_config.tcpPortFrom + 1;
    const int start = int(QRandomGenerator::global()->bounded(span));
    for (int i = 0; i < span; ++i) {
        const quint16 port = quint16(m_config.tcpPortFrom + (start + i) % span);
        if (m_ports.owner(QString::number(port)) || m_ports.isReserved(QString::number(port)))
            continue;
        QString ignored;
        if (Listener *listener = tryBind(port, resumeKey, owner, &ignored))
            return listener;
    }
    *error = tr("no free port left in %1-%2").arg(m_config.tcpPortFrom).arg(m_config.tcpPortTo);
    return nullptr;
}

Listener *Server::tryBind(quint16 port, const QByteArray &resumeKey, QObject *owner, QString *error)
{
    if (port < m_config.tcpPortFrom || port > m_config.tcpPortTo || port == httpPort()
        || port == controlPort()) {
        *error = tr("port %1 is outside this server's TCP range %2-%3")
                         .arg(port)
                         .arg(m_config.tcpPortFrom)
                         .arg(m_config.tcpPortTo);
        return nullptr;
    }
    const auto claim = m_ports.claim(QString::number(port), resumeKey, owner);
    if (claim.status != TunnelRegistry::Status::Ok) {
        *error = tr("port %1 is in use by another tunnel").arg(port);
        return nullptr;
    }
    auto *listener = new Listener(owner);
    if (!listener->listen(m_config.bind, port)) {
        *error = tr("cannot listen on port %1: %2").arg(port).arg(listener->errorString());
        delete listener;
        m_ports.release(QString::number(port));
        return nullptr;
    }
    watchAccepts(listener, tr("TCP port %1").arg(port));
    return listener;
}

void Server::releaseTcpPort(quint16 port)
{
    m_ports.release(QString::number(port));
}
