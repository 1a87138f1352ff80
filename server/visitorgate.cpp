#include "visitorgate.h"

#include "serverconfig.h"
#include "tcpconnection.h"

VisitorGate::VisitorGate(const ServerConfig &config, EventLog &log, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_limiter(config.maxConnections, config.maxConnectionsPerIp)
    , m_refused(log, QStringLiteral("visitor_refused"))
    , m_dropped(log, QStringLiteral("visitor_dropped"))
{
}

bool VisitorGate::admit(TcpConnection *connection, const QString &entry,
                        ConnectionLimiter::Verdict *verdict)
{
    const QHostAddress address = connection->peerAddress();
    const ConnectionLimiter::Verdict result = m_limiter.admit(address, connection);
    if (verdict)
        *verdict = result;
    if (result == ConnectionLimiter::Verdict::Admitted) {
        watchSendTimeout(connection, entry);
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
    m_refused.record({{QStringLiteral("visitor"), address.toString()},
                      {QStringLiteral("entry"), entry},
                      {QStringLiteral("reason"),
                       perAddress ? QStringLiteral("max_connections_per_ip")
                                  : QStringLiteral("max_connections")}},
                     text);
    return false;
}

void VisitorGate::watchSendTimeout(TcpConnection *connection, const QString &entry)
{
    connect(connection, &TcpConnection::sendTimedOut, this,
            [this, address = connection->peerAddress(), entry] {
                m_dropped.record({{QStringLiteral("visitor"), address.toString()},
                                  {QStringLiteral("entry"), entry},
                                  {QStringLiteral("reason"), QStringLiteral("send_timeout")}},
                                 tr("dropped a visitor of %1 from %2: it read nothing for %3 s "
                                    "(--send-timeout)")
                                         .arg(entry, address.toString())
                                         .arg(m_config.sendTimeout.count() / 1000.0));
            });
}

void VisitorGate::applyLimits()
{
    m_limiter.setLimits(m_config.maxConnections, m_config.maxConnectionsPerIp);
}
