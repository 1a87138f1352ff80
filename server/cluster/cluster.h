// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

#include "leasestore.h"

class AcmeCertificates;
class QSslConfiguration;
class EventLog;
class MuxStream;
class NodeLinks;
class RedisClient;
struct ForwardedVisitor;
struct ServerConfig;

// This node's part in a cluster (--redis, docs/SCALE-OUT.md): its Redis connection, the leases
// on the names and ports its tunnels hold, and its links to the other nodes, over which a
// visitor for another node's tunnel goes to that node.
class Cluster : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Cluster)

public:
    Cluster(const ServerConfig &config, EventLog &log, QObject *parent = nullptr);
    ~Cluster() override;

    // Listens at --node-address, then connects to Redis and announces the node (in the
    // background: a node starts while Redis is away, and refuses tunnels until it is back).
    bool start(QString *error);
    // Links to the other nodes over TLS, with this node's certificate (NodeLinks::setTls).
    void useTls(const QSslConfiguration &server);
    void shutdown(); // hands every lease back, for the clients to take through other nodes

    QString node() const { return m_node; }
    QString address() const; // where the other nodes reach this one
    LeaseStore &leases() const { return *m_leases; }
    bool isRedisUp() const;
    int linkCount() const;
    // The cluster as this node last read it from Redis (every TTL/3): the live nodes, their
    // addresses and how many names and ports each holds. For /metrics and /api/cluster.
    const QList<LeaseStore::Node> &nodes() const { return m_nodes; }
    QJsonObject viewJson() const;

    // With --acme-email: each certificate a node gets is every node's (ClusterCertificates).
    void shareCertificates(AcmeCertificates *acme);

    static QString nameKey(const QString &name) { return QStringLiteral("name:") + name; }
    static QString portKey(quint16 port) { return QStringLiteral("port:") + QString::number(port); }

    // Where a visitor for the tunnel with lease `key` (nameKey(), portKey()) goes: a stream to
    // the node that holds it (its ForwardedVisitor still to be written), or why there is none.
    // A holder that cannot be reached is most often a node that just died, whose clients are
    // coming back through other nodes: it is asked for again, a little later each time, for up
    // to RetryFor, while `requester` lives. So a failover costs the visitors of the dead node's
    // tunnels a wait, not an error.
    // Here: the tunnel is this node's now (its client came back through this node while the
    // visitor waited), for the requester to serve as its own.
    enum class Route { Found, Here, NoTunnel, NodeUnreachable, RedisUnreachable };
    using Forwarded = std::function<void(MuxStream *stream, Route route)>;
    void forward(const QString &key, const QObject *requester, Forwarded done);
    static constexpr std::chrono::milliseconds FirstRetry{50};
    static constexpr std::chrono::milliseconds LongestRetry{1000};
    static constexpr std::chrono::seconds RetryFor{8};
    // Who held a key is remembered this long, and for as long as Redis is away: a Redis
    // restart does not cut visitors off from tunnels they could reach before.
    static constexpr std::chrono::seconds HolderFresh{1};
    static constexpr qsizetype MaxKnownHolders = 100'000;

Q_SIGNALS:
    void visitorArrived(MuxStream *stream, const ForwardedVisitor &visitor);
    void lost(const QString &key, const QString &holder); // close the tunnel that had it
    void failed(const QString &error); // this node cannot take part (its id is in use)

private:
    using Clock = std::chrono::steady_clock;
    struct Attempt
    {
        QString key;
        QPointer<const QObject> requester;
        Forwarded done;
        Clock::time_point since;
        std::chrono::milliseconds nextWait = FirstRetry;
    };
    void route(Attempt attempt);
    void forwardTo(const LeaseStore::Holder &holder, Attempt attempt);
    void retry(Attempt attempt); // or give up

    struct KnownHolder
    {
        LeaseStore::Holder holder;
        std::chrono::steady_clock::time_point seen;
    };

    const ServerConfig &m_config;
    EventLog &m_log;
    QString m_node;
    RedisClient *m_redis;
    NodeLinks *m_links;
    LeaseStore *m_leases = nullptr; // once the node's address is known
    QHash<QString, KnownHolder> m_holders; // by lease key
    QList<LeaseStore::Node> m_nodes;
    QTimer m_viewTimer;
};
