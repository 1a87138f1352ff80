#pragma once

#include "connectionlimiter.h"
#include "throttledevent.h"

#include <QObject>

class EventLog;
class TcpConnection;
struct ServerConfig;

// Where every visitor connection comes in, HTTP or TCP: counts it against --max-connections
// and --max-connections-per-ip, and logs (throttled) the visitors refused or dropped.
class VisitorGate : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisitorGate)

public:
    VisitorGate(const ServerConfig &config, EventLog &log, QObject *parent = nullptr);

    // Refused: logs why and returns false; the caller answers and closes. `entry` names where
    // the visitor came in (the HTTP port, a tunnel's URL) for the log.
    bool admit(TcpConnection *connection, const QString &entry,
               ConnectionLimiter::Verdict *verdict = nullptr);
    ThrottledEvent &refused() { return m_refused; } // for refusals decided elsewhere
    const ConnectionLimiter &limiter() const { return m_limiter; }
    void applyLimits(); // the config's limits changed (SIGHUP)

private:
    void watchSendTimeout(TcpConnection *connection, const QString &entry);

    const ServerConfig &m_config;
    ConnectionLimiter m_limiter;
    ThrottledEvent m_refused;
    ThrottledEvent m_dropped;
};
