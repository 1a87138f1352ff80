// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <chrono>
#include <optional>

// What rok-server counts for /metrics, in Prometheus' text format (version 0.0.4). Counters
// are bumped where things happen; what is true right now (tunnels, clients, open visitors,
// certificates) is read from the server when scraped and handed to render().
class Metrics
{
public:
    // Bytes through every tunnel, in (visitors to the local services) and out.
    struct Traffic
    {
        qint64 in = 0;
        qint64 out = 0;
        qint64 requests = 0; // HTTP responses that went back to visitors
    };
    struct Certificate
    {
        QString host;
        QDateTime expires;
    };
    struct Now
    {
        int httpTunnels = 0;
        int tcpTunnels = 0;
        int clients = 0; // connected, with or without a tunnel
        int visitors = 0; // visitor connections open
        Traffic openTunnels; // what the open tunnels have carried so far
        QList<Certificate> certificates;
        struct Cluster
        {
            QString node;
            QString address;
            bool redisUp = false;
            int links = 0; // to other nodes, up
            qsizetype leases = 0; // names and ports this node holds in Redis
            QList<std::pair<QString, qint64>> nodes; // the live nodes, and the leases of each
            qsizetype remotePorts = 0; // other nodes' TCP ports listened on here too
        };
        std::optional<Cluster> cluster; // with --redis
    };
    // Upper bounds of the request-duration histogram's buckets, in seconds.
    static constexpr std::array<double, 12> DurationBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                            0.5,   1,    2.5,   5,    10,  30};

    void countVisitor(bool tcp) { ++(tcp ? m_tcpVisitors : m_httpVisitors); }
    void countResponse(int status, std::chrono::nanoseconds duration);
    void countRefusal(const QString &reason) { ++m_refusals[reason]; }
    // port: "control" or "https"; reason: a word such as "timeout" or "plain_http".
    void countHandshakeFailure(const QString &port, const QString &reason);
    void addClosedTunnel(const Traffic &traffic); // its bytes stay in the totals
    // A visitor handed to the node holding its tunnel (out), or from another node (in).
    void countForwarded(bool out) { ++(out ? m_forwardedOut : m_forwardedIn); }

    QByteArray render(const Now &now) const;

private:
    void renderCluster(QByteArray &out, const Now::Cluster &cluster) const;

    qint64 m_httpVisitors = 0;
    qint64 m_tcpVisitors = 0;
    std::array<qint64, 5> m_responsesByClass{}; // 1xx to 5xx
    std::array<qint64, DurationBuckets.size()> m_durationBuckets{}; // each bucket on its own
    qint64 m_durationCount = 0;
    double m_durationSum = 0;
    QMap<QString, qint64> m_refusals;
    QMap<std::pair<QString, QString>, qint64> m_handshakeFailures;
    qint64 m_forwardedOut = 0;
    qint64 m_forwardedIn = 0;
    Traffic m_closed; // in and out of the tunnels closed so far (their requests are in the classes)
};
