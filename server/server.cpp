#include "server.h"

#include "clientsession.h"
#include "httpedge.h"
#include "listener.h"

#include <QJsonObject>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpSocket>

Server::Server(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_log(config.logFormat == ServerConfig::LogFormat::Json ? EventLog::Format::Json
                                                              : EventLog::Format::Text)
    , m_names(config.reservation)
    , m_ports(config.reservation)
    , m_http(new HttpEdge(this))
{
    m_control.setProxy(QNetworkProxy::NoProxy);
    connect(&m_control, &QTcpServer::newConnection, this, &Server::onControlConnection);
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
    if (!m_control.listen(m_config.bind, m_config.controlPort)) {
        *error = tr("cannot listen on control port %1: %2")
                         .arg(m_config.controlPort)
                         .arg(m_control.errorString());
        return false;
    }
    if (!m_http->listener()->listen(m_config.bind, m_config.httpPort)) {
        *error = tr("cannot listen on HTTP port %1: %2")
                         .arg(m_config.httpPort)
                         .arg(m_http->listener()->errorString());
        m_control.close();
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
    m_control.close();
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
    return m_control.serverPort();
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

void Server::onControlConnection()
{
    while (QTcpSocket *socket = m_control.nextPendingConnection()) {
        if (m_stopping) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *session = new ClientSession(socket, this);
        m_sessions.insert(session);
        connect(session, &ClientSession::closed, this, [this, session] {
            m_sessions.remove(session);
            session->deleteLater();
        });
    }
}

Listener *Server::openTcpPort(quint16 requested, const QByteArray &resumeKey, QObject *owner,
                              QString *error)
{
    if (requested != 0)
        return tryBind(requested, resumeKey, owner, error);
    if (m_config.tcpPortFrom == 0)
        return tryBind(0, resumeKey, owner, error);
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
    if (port != 0
        && (port < m_config.tcpPortFrom || port > m_config.tcpPortTo || port == httpPort()
            || port == controlPort())
        && m_config.tcpPortFrom != 0) {
        *error = tr("port %1 is outside this server's TCP range %2-%3")
                         .arg(port)
                         .arg(m_config.tcpPortFrom)
                         .arg(m_config.tcpPortTo);
        return nullptr;
    }
    if (port != 0) {
        const auto claim = m_ports.claim(QString::number(port), resumeKey, owner);
        if (claim.status != TunnelRegistry::Status::Ok) {
            *error = tr("port %1 is in use by another tunnel").arg(port);
            return nullptr;
        }
    }
    auto *listener = new Listener(owner);
    if (!listener->listen(m_config.bind, port)) {
        *error = tr("cannot listen on port %1: %2").arg(port).arg(listener->errorString());
        delete listener;
        if (port != 0)
            m_ports.release(QString::number(port));
        return nullptr;
    }
    if (port == 0)
        m_ports.claim(QString::number(listener->serverPort()), resumeKey, owner);
    return listener;
}

void Server::releaseTcpPort(quint16 port)
{
    m_ports.release(QString::number(port));
}
