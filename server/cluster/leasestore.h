// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

class RedisClient;

// What one rok-server node holds of the cluster's namespace (tunnel names, TCP ports), as
// leases in Redis: a claim is `SET rok:KEY NODE NX PX TTL`, so exactly one node gets a key;
// every lease held is renewed every TTL/3, all in one script round trip; a release deletes
// only a lease this node still holds. A node that dies stops renewing, and its keys are free
// within the TTL.
//
// When Redis is away, claims fail (the caller refuses the tunnel with a clear error) and the
// leases held stay held here: the tunnels keep working. When Redis is back, the renewal it
// triggers takes back what expired meanwhile (a restarted Redis has lost everything). A key
// another node now holds is lost(): the holder in Redis wins, and the caller closes its tunnel.
class LeaseStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseStore)

public:
    LeaseStore(RedisClient *redis, const QString &node, std::chrono::milliseconds ttl,
               QObject *parent = nullptr);
    ~LeaseStore() override;

    // granted; else `reason`: the node holding it, or why Redis could not be asked.
    using Done = std::function<void(bool granted, const QString &reason)>;
    void claim(const QString &key, Done done); // a key this node holds already is granted
    void release(const QString &key);
    void releaseAll(); // a clean shutdown: the other nodes need not wait for the TTL
    bool holds(const QString &key) const { return m_held.contains(key); }
    QSet<QString> held() const { return m_held; }
    QString node() const { return m_node; }
    std::chrono::milliseconds ttl() const { return m_ttl; }

    static QByteArray redisKey(const QString &key) { return "rok:" + key.toUtf8(); }

Q_SIGNALS:
    void lost(const QString &key, const QString &holder); // another node holds it now

private:
    void renew(); // and take back, in the same script, what expired while Redis was away

    RedisClient *m_redis;
    QString m_node;
    std::chrono::milliseconds m_ttl;
    QSet<QString> m_held;
    QTimer m_renewal;
    bool m_renewing = false; // a renewal round is on its way
};
