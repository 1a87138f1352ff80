// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class RedisClient;

// What one rok-server node holds of the cluster's namespace (tunnel names, TCP ports), as
// leases in Redis (docs/SCALE-OUT.md):
//
// - rok:node:ID = "ID ADDRESS", expiring after the TTL: the node is alive while it renews it.
// - rok:KEY = "ID ADDRESS TAG", TAG naming the client's resume key, expiring after the TTL plus
//   the reservation. A claim with another TAG is refused while ID is alive (held) or for the
//   rest of the time (reserved for its client); a claim with the same TAG takes the key over at
//   once, from a live node too: the client came back through another node. A release leaves
//   "- - TAG" for the reservation.
// - Every lease held is renewed every TTL/3, the node key with them, in one script round trip.
// - rok:token:TAG: per node, how many tunnels a token holds, for --max-tunnels-per-token
//   across the cluster; a dead node's count no longer counts.
// - rok:ports: the TCP ports with a lease, for the nodes that listen on them for their holders;
//   rok:ports:version counts its changes, so that a look at an unchanged set costs one GET.
//
// When Redis is away, claims fail (the caller refuses the tunnel with a clear error) and the
// leases held stay held here: the tunnels keep working. When Redis is back, the renewal it
// triggers takes back what expired meanwhile (a restarted Redis has lost everything). A key
// another node now holds is lost(): Redis wins, and the caller closes its tunnel.
class LeaseStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseStore)

public:
    // `address`: where the other nodes reach this one (host:port), given to whoever looks up a
    // key this node holds.
    LeaseStore(RedisClient *redis, const QString &node, const QString &address,
               std::chrono::milliseconds ttl, std::chrono::milliseconds reservation,
               QObject *parent = nullptr);
    ~LeaseStore() override;

    // Writes the node key, as soon as Redis answers, and keeps renewing it; claims need it.
    // An ID another live node (at another address) has is refused: conflict().
    void announce();
    bool isAnnounced() const { return m_announced; }

    struct Claim
    {
        // TokenFull: the token has its limit of tunnels in the cluster.
        enum class Outcome { Granted, Held, Reserved, TokenFull, Unavailable };
        Outcome outcome;
        QString node; // Held: who holds it; Granted: whose it was, if another node's
        QString detail; // Unavailable: why Redis could not be asked
        bool granted() const { return outcome == Outcome::Granted; }
    };
    using Done = std::function<void(const Claim &claim)>;
    // `resumeKey`: the client's secret; only its hash goes to Redis.
    void claim(const QString &key, const QByteArray &resumeKey, Done done);
    // The token's tunnels, counted across the cluster: refused when the live nodes hold `max`.
    struct Quota
    {
        QString token; // as the session names it; only its hash goes to Redis. Empty: none
        int max = 0;
    };
    void claim(const QString &key, const QByteArray &resumeKey, const Quota &quota, Done done);
    void release(const QString &key); // reserved for its client for the reservation
    void releaseAll(); // a clean shutdown: clients get their names back through other nodes
    bool holds(const QString &key) const { return m_held.contains(key); }
    qsizetype heldCount() const { return m_held.size(); }

    struct Holder
    {
        QString node; // empty: nobody (free, or only reserved)
        QString address;
    };
    // Who holds `key` now, from Redis: an empty holder when nobody does, nothing when Redis
    // could not be asked.
    void find(const QString &key, std::function<void(const std::optional<Holder> &holder)> done);

    struct Node
    {
        QString id;
        QString address;
        qint64 leases = 0; // names and ports it holds, at its last renewal
    };
    // The live nodes of the cluster, by id; nothing when Redis could not be asked.
    void findNodes(std::function<void(const std::optional<QList<Node>> &nodes)> done);

    struct Port
    {
        quint16 port;
        Holder holder;
    };
    struct Ports
    {
        QByteArray version; // of rok:ports, for the next call
        std::optional<QList<Port>> held; // nothing: unchanged since the version asked with
    };
    // Every TCP port a node holds (rok:ports), with its holder, unless nothing has changed since
    // version `known` (empty: in any case); nothing when Redis could not be asked.
    void findPorts(const QByteArray &known,
                   std::function<void(const std::optional<Ports> &ports)> done);

    QString node() const { return m_node; }
    QString address() const { return m_address; }
    std::chrono::milliseconds ttl() const { return m_ttl; }

    static QByteArray redisKey(const QString &key) { return "rok:" + key.toUtf8(); }
    static QByteArray tag(const QByteArray &resumeKey); // what Redis keeps of a resume key

Q_SIGNALS:
    void lost(const QString &key, const QString &holder); // another node holds it now
    void announced();
    void conflict(const QString &error); // this node's ID is another node's

private:
    void tryAnnounce();
    void renew(); // and take back, in the same script, what expired while Redis was away
    QByteArray value(const QByteArray &tag) const; // "ID ADDRESS TAG"
    QByteArray nodeValue() const;

    RedisClient *m_redis;
    QString m_node;
    QString m_address;
    std::chrono::milliseconds m_ttl;
    std::chrono::milliseconds m_reservation;
    QHash<QString, QByteArray> m_held; // key -> its value in Redis
    QHash<QString, QByteArray> m_tokenOf; // key -> its token's tag, for keys counted
    QTimer m_renewal;
    bool m_announcing = false; // announce() was called
    bool m_announced = false; // and Redis took the node key
    bool m_renewing = false; // a renewal round is on its way
    int m_claimsInFlight = 0; // sent, not answered
};
