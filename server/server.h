#pragma once

#include "connectionlimiter.h"
#include "eventlog.h"
#include "serverconfig.h"
#include "throttledevent.h"
#include "tunnelregistry.h"

#include <QObject>
#include <QSet>

class ClientSession;
class HttpEdge;
class Listener;
class TcpConnection;

// rok-server: the control port for clients, the public HTTP edge, and TCP tunnel ports.
class Server : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(const ServerConfig &config, QObject *parent = nullptr);
    ~Server() override;

    bool start(QString *error); // binds the listeners and logs the "listening" event
    void shutdown(); // GoAway to every client, close the listeners; emits stopped()

    const ServerConfig &config() const { return m_config; }
    EventLog &log() { return m_log; }
    TunnelRegistry &names() { return m_names; }
    quint16 httpPort() const;
    quint16 controlPort() const;
    QString publicUrl(const QString &name) const;
    ClientSession *sessionFor(const QString &name) const;
    int sessionCount() const { return int(m_sessions.size()); }
    int tunnelsFor(const QString &token) const; // open tunnels of one token (ClientSession::token)

    // Counts a new visitor connection against --max-connections and --max-connections-per-ip.
    // Refused: logs why (throttled) and returns false; the caller answers and closes.
    bool admitVisitor(TcpConnection *connection, const QString &entry,
                      ConnectionLimiter::Verdict *verdict = nullptr);
    ThrottledEvent &refusedVisitors() { return m_refusedVisitors; }
    const ConnectionLimiter &visitors() const { return m_visitors; }

    // Binds a public port for a TCP tunnel: `requested` if given (and free, or reserved with
    // this key), else any port of the configured range.
    Listener *openTcpPort(quint16 requested, const QByteArray &resumeKey, QObject *owner,
                          QString *error);
    void releaseTcpPort(quint16 port);

Q_SIGNALS:
    void stopped();

private:
    void onControlConnection(qintptr descriptor);
    void watchAccepts(Listener *listener, const QString &what);
    Listener *tryBind(quint16 port, const QByteArray &resumeKey, QObject *owner, QString *error);

    ServerConfig m_config;
    EventLog m_log;
    TunnelRegistry m_names;
    TunnelRegistry m_ports;
    Listener *m_control;
    HttpEdge *m_http;
    QSet<ClientSession *> m_sessions;
    ConnectionLimiter m_visitors;
    ThrottledEvent m_refusedVisitors;
    ThrottledEvent m_droppedVisitors;
    ThrottledEvent m_acceptFailures;
    bool m_stopping = false;
};
