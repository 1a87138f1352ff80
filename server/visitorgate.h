// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "connectionlimiter.h"
#include "throttledevent.h"

#include <QObject>

class EventLog;
class Metrics;
class TcpConnection;
struct ServerConfig;

// Where every visitor connection comes in, HTTP or TCP: counts it against --max-connections
// and --max-connections-per-ip, and logs (throttled) the visitors refused or dropped.
class VisitorGate : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisitorGate)

public:
    enum class Kind { Http, Tcp };

    VisitorGate(const ServerConfig &config, EventLog &log, Metrics &metrics,
                QObject *parent = nullptr);

    // Refused: logs why and returns false; the caller answers and closes. `entry` names where
    // the visitor came in (the HTTP port, a tunnel's URL) for the log.
    bool admit(TcpConnection *connection, Kind kind, const QString &entry,
               ConnectionLimiter::Verdict *verdict = nullptr);
    // A refusal decided elsewhere (a busy tunnel, a tunnel's access rules): counted by its
    // "reason" field and logged, throttled.
    void refuse(const QJsonObject &fields, const QString &text);
    Metrics &metrics() { return m_metrics; }
    const ConnectionLimiter &limiter() const { return m_limiter; }
    void applyLimits(); // the config's limits changed (SIGHUP)

private:
    void watchSendTimeout(TcpConnection *connection, const QString &entry);

    const ServerConfig &m_config;
    Metrics &m_metrics;
    ConnectionLimiter m_limiter;
    ThrottledEvent m_refused;
    ThrottledEvent m_dropped;
};
