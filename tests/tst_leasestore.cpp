// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// LeaseStore: several nodes' leases in one real redis-server on loopback. One node gets a key;
// a lease outlives its TTL while its node renews it; a release or a dead node frees it; a key
// another node took is lost; a Redis outage fails new claims, keeps what is held, and the
// nodes take their leases back when a Redis that lost everything returns.

#include "cluster/leasestore.h"
#include "cluster/redisclient.h"
#include "redisserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_LeaseStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneNodeGetsAKey();
    void aLeaseOutlivesItsTtlWhileRenewed();
    void aReleaseFreesItAtOnce();
    void aDeadNodesKeysAreFreeWithinTheTtl();
    void aKeyAnotherNodeTookIsLost();
    void anOutageFailsClaimsKeepsLeasesAndHeals();

private:
    struct Node
    {
        std::unique_ptr<RedisClient> redis;
        std::unique_ptr<LeaseStore> leases;
    };
    Node node(const QString &id, std::chrono::milliseconds ttl = 300ms);
    static std::pair<bool, QString> claim(LeaseStore &leases, const QString &key);
    RedisReply raw(const QList<QByteArray> &command);

    std::unique_ptr<RedisServer> m_server;
    std::unique_ptr<RedisClient> m_raw; // the test's own look into Redis
};

void tst_LeaseStore::init()
{
    m_server = std::make_unique<RedisServer>();
    QVERIFY(m_server->start());
    RedisClient::Settings settings;
    settings.port = m_server->port();
    settings.firstRetry = 50ms;
    settings.maxRetry = 100ms;
    m_raw = std::make_unique<RedisClient>(settings);
    QSignalSpy connected(m_raw.get(), &RedisClient::connected);
    m_raw->start();
    QVERIFY(connected.wait());
}

void tst_LeaseStore::cleanup()
{
    m_raw.reset();
    m_server.reset();
}

tst_LeaseStore::Node tst_LeaseStore::node(const QString &id, std::chrono::milliseconds ttl)
{
    RedisClient::Settings settings = m_raw->settings();
    Node node;
    node.redis = std::make_unique<RedisClient>(settings);
    node.leases = std::make_unique<LeaseStore>(node.redis.get(), id, ttl);
    QSignalSpy connected(node.redis.get(), &RedisClient::connected);
    node.redis->start();
    if (!connected.wait())
        qFatal("node %s did not connect", qPrintable(id));
    return node;
}

std::pair<bool, QString> tst_LeaseStore::claim(LeaseStore &leases, const QString &key)
{
    std::optional<std::pair<bool, QString>> answer;
    leases.claim(key, [&answer](bool granted, const QString &reason) {
        answer = std::pair(granted, reason);
    });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        return {false, u"<no answer>"_s};
    return *answer;
}

RedisReply tst_LeaseStore::raw(const QList<QByteArray> &command)
{
    std::optional<RedisReply> answer;
    m_raw->command(command, [&answer](const RedisReply &reply) { answer = reply; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        return RedisReply::error("<no answer>");
    return *answer;
}

void tst_LeaseStore::oneNodeGetsAKey()
{
    Node a = node(u"node-a"_s);
    Node b = node(u"node-b"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s), std::pair(true, QString()));
    QCOMPARE(claim(*b.leases, u"name:otter"_s), std::pair(false, u"node-a"_s));
    QCOMPARE(claim(*a.leases, u"name:otter"_s), std::pair(true, QString())); // already its own
    QVERIFY(a.leases->holds(u"name:otter"_s));
    QVERIFY(!b.leases->holds(u"name:otter"_s));
    QCOMPARE(claim(*b.leases, u"port:10001"_s), std::pair(true, QString()));
    QCOMPARE(raw({"GET", "rok:name:otter"}).string, "node-a"_ba);
    const RedisReply ttl = raw({"PTTL", "rok:name:otter"});
    QVERIFY2(ttl.integer > 0 && ttl.integer <= 300, QByteArray::number(ttl.integer));
}

// Time is what this tests: the lease must still be there after three TTLs, and Redis's PTTL
// must have gone back up at least once (a renewal), not merely counted down.
void tst_LeaseStore::aLeaseOutlivesItsTtlWhileRenewed()
{
    Node a = node(u"node-a"_s);
    QVERIFY(claim(*a.leases, u"name:otter"_s).first);
    QElapsedTimer clock;
    clock.start();
    qint64 last = raw({"PTTL", "rok:name:otter"}).integer;
    bool renewed = false;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const qint64 now = raw({"PTTL", "rok:name:otter"}).integer;
                if (now <= 0)
                    qFatal("the lease expired after %lld ms", clock.elapsed());
                renewed = renewed || now > last;
                last = now;
                return renewed && clock.elapsed() > 900;
            }(),
            5000);
    QCOMPARE(raw({"GET", "rok:name:otter"}).string, "node-a"_ba);
}

void tst_LeaseStore::aReleaseFreesItAtOnce()
{
    Node a = node(u"node-a"_s, 60s);
    Node b = node(u"node-b"_s, 60s);
    QVERIFY(claim(*a.leases, u"name:otter"_s).first);
    QVERIFY(claim(*a.leases, u"name:seal"_s).first);
    a.leases->release(u"name:otter"_s);
    QVERIFY(!a.leases->holds(u"name:otter"_s));
    QCOMPARE(claim(*b.leases, u"name:otter"_s), std::pair(true, QString()));
    b.leases->release(u"name:seal"_s); // not b's: nothing happens
    QCOMPARE(raw({"GET", "rok:name:seal"}).string, "node-a"_ba);
    a.leases->releaseAll();
    QTRY_COMPARE(raw({"EXISTS", "rok:name:seal"}).integer, 0);
    QCOMPARE(raw({"GET", "rok:name:otter"}).string, "node-b"_ba); // b's, so a left it
}

void tst_LeaseStore::aDeadNodesKeysAreFreeWithinTheTtl()
{
    Node b = node(u"node-b"_s);
    {
        Node a = node(u"node-a"_s);
        QVERIFY(claim(*a.leases, u"name:otter"_s).first);
    } // node-a dies: no release, no renewal
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(claim(*b.leases, u"name:otter"_s).first, 3000);
    QVERIFY2(clock.elapsed() < 300 + 200, qPrintable(QString::number(clock.elapsed())));
}

void tst_LeaseStore::aKeyAnotherNodeTookIsLost()
{
    Node a = node(u"node-a"_s);
    QVERIFY(claim(*a.leases, u"name:otter"_s).first);
    QSignalSpy lost(a.leases.get(), &LeaseStore::lost);
    QTest::ignoreMessage(QtWarningMsg, "node-a lost name:otter to node-x");
    QVERIFY(raw({"SET", "rok:name:otter", "node-x", "PX", "60000"}).isOk());
    QVERIFY(lost.wait());
    QCOMPARE(lost.at(0).at(0).toString(), u"name:otter"_s);
    QCOMPARE(lost.at(0).at(1).toString(), u"node-x"_s);
    QVERIFY(!a.leases->holds(u"name:otter"_s));
    QCOMPARE(raw({"GET", "rok:name:otter"}).string, "node-x"_ba); // the holder in Redis wins
}

void tst_LeaseStore::anOutageFailsClaimsKeepsLeasesAndHeals()
{
    Node a = node(u"node-a"_s);
    QVERIFY(claim(*a.leases, u"name:otter"_s).first);
    QSignalSpy down(a.redis.get(), &RedisClient::disconnected);
    QSignalSpy up(a.redis.get(), &RedisClient::connected);
    m_server->stop();
    QVERIFY(down.wait());
    const auto [granted, reason] = claim(*a.leases, u"name:seal"_s);
    QVERIFY(!granted);
    QVERIFY2(reason.contains(u"cannot be reached"), qPrintable(reason));
    QVERIFY(a.leases->holds(u"name:otter"_s)); // its tunnel keeps working

    QVERIFY(m_server->start()); // empty: it saved nothing
    QVERIFY(up.wait());
    QTRY_COMPARE(raw({"GET", "rok:name:otter"}).string, "node-a"_ba); // taken back
    QVERIFY(a.leases->holds(u"name:otter"_s));
}

QTEST_GUILESS_MAIN(tst_LeaseStore)
#include "tst_leasestore.moc"
