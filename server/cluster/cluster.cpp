// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "cluster.h"

#include "acme/acmecertificates.h"
#include "clustercertificates.h"
#include "endpoint.h"
#include "eventlog.h"
#include "leasestore.h"
#include "muxstream.h"
#include "nodelinks.h"
#include "redisclient.h"
#include "serverconfig.h"

#include <QJsonArray>
#include <QTimer>

Cluster::Cluster(const ServerConfig &config, EventLog &log, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_log(log)
    , m_redis(new RedisClient(*config.redis, this))
    , m_links(new NodeLinks({}, config.clusterSecret, this))
{
    const QString redis = config.redis->toString();
    connect(m_redis, &RedisClient::connected, this, [this, redis] {
        m_log.event(QStringLiteral("cluster_redis_up"), {{QStringLiteral("redis"), redis}},
                    tr("cluster: connected to %1").arg(redis));
    });
    const auto down = [this, redis](const QString &reason) {
        m_log.event(QStringLiteral("cluster_redis_down"),
                    {{QStringLiteral("redis"), redis}, {QStringLiteral("reason"), reason}},
                    tr("cluster: %1 cannot be reached (%2); open tunnels keep working, new ones "
                       "are refused until it is back")
                            .arg(redis, reason));
    };
    connect(m_redis, &RedisClient::disconnected, this, down);
    connect(m_redis, &RedisClient::unreachable, this, down);
    connect(m_links, &NodeLinks::visitorArrived, this, &Cluster::visitorArrived);
    connect(m_links, &NodeLinks::linkUp, this, [this](const QString &node, const QString &peer) {
        m_log.event(QStringLiteral("node_link_up"), {{QStringLiteral("node"), node}},
                    tr("cluster: linked with node %1%2")
                            .arg(node, peer.isEmpty() ? QString() : QStringLiteral(" at ") + peer));
    });
    connect(m_links, &NodeLinks::linkDown, this,
            [this](const QString &node, const QString &reason) {
                m_log.event(QStringLiteral("node_link_down"),
                            {{QStringLiteral("node"), node}, {QStringLiteral("reason"), reason}},
                            tr("cluster: link with node %1 ended: %2").arg(node, reason));
            });
}

Cluster::~Cluster() = default;

bool Cluster::start(QString *error)
{
    const auto &[host, port] = *m_config.nodeAddress;
    if (!m_links->listen(host, port, error)) {
        *error = tr("cannot listen at --node-address %1: %2")
                         .arg(Endpoint::toString(host, port), *error);
        return false;
    }
    m_node = m_config.nodeIdOrDefault(m_links->port());
    m_links->setNode(m_node);
    m_leases = new LeaseStore(m_redis, m_node, address(), m_config.leaseTtl, m_config.reservation,
                              this);
    connect(m_leases, &LeaseStore::lost, this, [this](const QString &key, const QString &holder) {
        m_log.event(
                QStringLiteral("cluster_lease_lost"),
                {{QStringLiteral("key"), key}, {QStringLiteral("holder"), holder}},
                tr("cluster: %1 is now held by node %2; closing its tunnel here").arg(key, holder));
        Q_EMIT lost(key, holder);
    });
    connect(m_leases, &LeaseStore::conflict, this, [this](const QString &error) {
        m_log.event(QStringLiteral("cluster_failed"), {{QStringLiteral("reason"), error}},
                    tr("cluster: %1").arg(error));
        Q_EMIT failed(error);
    });
    connect(m_leases, &LeaseStore::announced, this, [this] {
        m_log.event(QStringLiteral("cluster_joined"),
                    {{QStringLiteral("node"), m_node},
                     {QStringLiteral("address"), address()},
                     {QStringLiteral("tls"), m_links->usesTls()}},
                    tr("cluster: node %1 at %2 joined%3")
                            .arg(m_node, address(),
                                 m_links->usesTls() ? tr(" (links over TLS)") : QString()));
    });
    m_viewTimer.setInterval(m_config.leaseTtl / 3);
    connect(&m_viewTimer, &QTimer::timeout, this, [this] {
        m_leases->findNodes([this](const std::optional<QList<LeaseStore::Node>> &nodes) {
            if (nodes)
                m_nodes = *nodes;
        });
    });
    m_viewTimer.start();
    m_redis->start();
    m_leases->announce();
    return true;
}

void Cluster::useTls(const QSslConfiguration &server)
{
    m_links->setTls(server);
}

QJsonObject Cluster::viewJson() const
{
    QJsonArray nodes;
    for (const LeaseStore::Node &node : m_nodes) {
        nodes.append(QJsonObject{{QStringLiteral("id"), node.id},
                                 {QStringLiteral("address"), node.address},
                                 {QStringLiteral("leases"), node.leases},
                                 {QStringLiteral("self"), node.id == m_node}});
    }
    return {{QStringLiteral("node"), m_node},
            {QStringLiteral("address"), address()},
            {QStringLiteral("redis"), m_config.redis->toString()},
            {QStringLiteral("redis_up"), isRedisUp()},
            {QStringLiteral("links"), linkCount()},
            {QStringLiteral("links_tls"), m_links->usesTls()},
            {QStringLiteral("leases"), m_leases->heldCount()},
            {QStringLiteral("nodes"), nodes}};
}

void Cluster::shareCertificates(AcmeCertificates *acme)
{
    auto *shared =
            new ClusterCertificates(m_redis, m_config.clusterSecret, m_config.leaseTtl / 3, this);
    connect(acme, &AcmeCertificates::issued, shared, &ClusterCertificates::publish);
    connect(shared, &ClusterCertificates::arrived, acme, &AcmeCertificates::adopt);
    connect(shared, &ClusterCertificates::unreadable, this, [this](const QString &host) {
        m_log.event(QStringLiteral("certificate_unusable"),
                    {{QStringLiteral("host"), host},
                     {QStringLiteral("error"), QStringLiteral("sealed with another secret")}},
                    tr("cluster: cannot open the certificate for %1 in Redis: it was sealed "
                       "with another --cluster-secret, or damaged")
                            .arg(host));
    });
}

void Cluster::shutdown()
{
    if (m_leases)
        m_leases->releaseAll();
    m_links->closeAll();
}

QString Cluster::address() const
{
    return Endpoint::toString(m_config.nodeAddress->first, m_links->port());
}

bool Cluster::isRedisUp() const
{
    return m_redis->isConnected();
}

int Cluster::linkCount() const
{
    return m_links->linkCount();
}

void Cluster::forward(const QString &key, const QObject *requester, Forwarded done)
{
    route({key, requester, std::move(done), Clock::now()});
}

void Cluster::route(Attempt attempt)
{
    const auto known = m_holders.constFind(attempt.key);
    if (known != m_holders.cend() && (Clock::now() - known->seen < HolderFresh || !isRedisUp())) {
        forwardTo(known->holder, std::move(attempt));
        return;
    }
    const QString key = attempt.key;
    m_leases->find(
            key,
            [this, attempt = std::move(attempt)](const std::optional<LeaseStore::Holder> &holder) {
                if (!holder) {
                    const auto known = m_holders.constFind(attempt.key);
                    if (known == m_holders.cend())
                        attempt.done(nullptr, Route::RedisUnreachable);
                    else
                        forwardTo(known->holder, attempt);
                    return;
                }
                if (holder->node.isEmpty() || holder->node == m_node) {
                    m_holders.remove(attempt.key);
                    attempt.done(nullptr, holder->node.isEmpty() ? Route::NoTunnel : Route::Here);
                    return;
                }
                if (m_holders.size() >= MaxKnownHolders)
                    m_holders.clear(); // a flood of names: start again, rather than keep them all
                m_holders.insert(attempt.key, {*holder, Clock::now()});
                forwardTo(*holder, attempt);
            });
}

void Cluster::forwardTo(const LeaseStore::Holder &holder, Attempt attempt)
{
    m_links->openStream(holder.node, holder.address,
                        [this, attempt = std::move(attempt)](MuxStream *stream) {
                            if (stream) {
                                attempt.done(stream, Route::Found);
                                return;
                            }
                            m_holders.remove(attempt.key); // ask Redis next time
                            retry(attempt);
                        });
}

void Cluster::retry(Attempt attempt)
{
    if (!attempt.requester || Clock::now() + attempt.nextWait - attempt.since > RetryFor) {
        attempt.done(nullptr, Route::NodeUnreachable);
        return;
    }
    const auto wait = attempt.nextWait;
    attempt.nextWait = std::min(wait * 2, LongestRetry);
    QTimer::singleShot(wait, this, [this, attempt = std::move(attempt)] { route(attempt); });
}
