// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "visitorgate.h"

#include "metrics.h"
#include "serverconfig.h"
#include "tcpconnection.h"

VisitorGate::VisitorGate(const ServerConfig &config, EventLog &log, Metrics &metrics,
                         QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_metrics(metrics)
    , m_limiter(config.maxConnections, config.maxConnectionsPerIp)
    , m_refused(log, QStringLiteral("visitor_refused"))
    , m_dropped(log, QStringLiteral("visitor_dropped"))
{
}

bool VisitorGate::admit(TcpConnection *connection, Kind kind, const QString &entry,
                        ConnectionLimiter::Verdict *verdict)
{
    const QHostAddress address = connection->peerAddress();
    const ConnectionLimiter::Verdict result = m_limiter.admit(address, connection);
    if (verdict)
        *verdict = result;
    if (result == ConnectionLimiter::Verdict::Admitted) {
        m_metrics.countVisitor(kind == Kind::Tcp);
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
    refuse({{QStringLiteral("visitor"), address.toString()},
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

void VisitorGate::refuse(const QJsonObject &fields, const QString &text)
{
    m_metrics.countRefusal(fields.value(QStringLiteral("reason")).toString());
    m_refused.record(fields, text);
}
