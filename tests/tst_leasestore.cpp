// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// LeaseStore: several nodes' leases in one real redis-server on loopback. One node gets a key;
// a lease outlives its TTL while its node renews it; a release reserves it for its client; a
// client takes its key back through another node, from a live node or a dead one; a dead
// node's keys are free after the TTL and the reservation; a key another node took is lost; a
// node id in use elsewhere is refused; a Redis outage fails new claims, keeps what is held, and
// the nodes take their leases back when a Redis that lost everything returns.

#include "cluster/leasestore.h"
#include "cluster/redisclient.h"
#include "redisserver.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using Outcome = LeaseStore::Claim::Outcome;

class tst_LeaseStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneNodeGetsAKey();
    void aLeaseOutlivesItsTtlWhileRenewed();
    void aReleaseReservesTheKeyForItsClient();
    void aClientTakesItsKeyBackFromALiveNode();
    void aDeadNodesKeysWaitForTheirClientsThenAreFree();
    void aKeyAnotherNodeTookIsLost();
    void aNodeIdInUseElsewhereIsRefused();
    void findNamesTheHolder();
    void findNodesListsTheLiveOnes();
    void anOutageFailsClaimsKeepsLeasesAndHeals();
    void findPortsListsTheHeldOnes();
    void aTokensTunnelsAreCountedAcrossNodes();

private:
    struct Node
    {
        std::unique_ptr<RedisClient> redis;
        std::unique_ptr<LeaseStore> leases;
    };
    // An announced node; its address is "127.0.0.1:" + the digits of its id.
    Node node(const QString &id, std::chrono::milliseconds ttl = 300ms,
              std::chrono::milliseconds reservation = 0ms);
    static std::pair<Outcome, QString> claim(LeaseStore &leases, const QString &key,
                                             const QByteArray &resumeKey = "client-1",
                                             const LeaseStore::Quota &quota = {});
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

tst_LeaseStore::Node tst_LeaseStore::node(const QString &id, std::chrono::milliseconds ttl,
                                          std::chrono::milliseconds reservation)
{
    Node node;
    node.redis = std::make_unique<RedisClient>(m_raw->settings());
    const QString address = u"127.0.0.1:"_s + QString(id).remove(QRegularExpression(u"\\D"_s));
    node.leases = std::make_unique<LeaseStore>(node.redis.get(), id, address, ttl, reservation);
    QSignalSpy announced(node.leases.get(), &LeaseStore::announced);
    node.redis->start();
    node.leases->announce();
    if (!announced.wait())
        qFatal("node %s was not announced", qPrintable(id));
    return node;
}

std::pair<Outcome, QString> tst_LeaseStore::claim(LeaseStore &leases, const QString &key,
                                                  const QByteArray &resumeKey,
                                                  const LeaseStore::Quota &quota)
{
    std::optional<LeaseStore::Claim> answer;
    leases.claim(key, resumeKey, quota,
                 [&answer](const LeaseStore::Claim &claim) { answer = claim; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        return {Outcome::Unavailable, u"<no answer>"_s};
    return {answer->outcome,
            answer->outcome == Outcome::Unavailable ? answer->detail : answer->node};
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
    Node a = node(u"node-1"_s);
    Node b = node(u"node-2"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s), std::pair(Outcome::Granted, QString()));
    QCOMPARE(claim(*b.leases, u"name:otter"_s, "client-2"), std::pair(Outcome::Held, u"node-1"_s));
    QCOMPARE(claim(*a.leases, u"name:otter"_s), std::pair(Outcome::Granted, QString())); // its own
    QVERIFY(a.leases->holds(u"name:otter"_s));
    QVERIFY(!b.leases->holds(u"name:otter"_s));
    QCOMPARE(claim(*b.leases, u"port:10001"_s, "client-2"), std::pair(Outcome::Granted, QString()));
    // Redis has the node, its address and a tag, not the resume key itself.
    const QByteArray value = raw({"GET", "rok:name:otter"}).string;
    QCOMPARE(value, "node-1 127.0.0.1:1 " + LeaseStore::tag("client-1"));
    QVERIFY(!value.contains("client-1"));
    QCOMPARE(LeaseStore::tag("client-1").size(), 32);
    QCOMPARE(raw({"GET", "rok:node:node-1"}).string, "node-1 127.0.0.1:1"_ba);
    const RedisReply ttl = raw({"PTTL", "rok:name:otter"});
    QVERIFY2(ttl.integer > 0 && ttl.integer <= 300, QByteArray::number(ttl.integer));
}

// Time is what this tests: the lease must still be there after three TTLs, and Redis's PTTL
// must have gone back up at least once (a renewal), not merely counted down.
void tst_LeaseStore::aLeaseOutlivesItsTtlWhileRenewed()
{
    Node a = node(u"node-1"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
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
    QVERIFY(raw({"GET", "rok:name:otter"}).string.startsWith("node-1 "));
    QVERIFY(raw({"PTTL", "rok:node:node-1"}).integer > 0);
}

void tst_LeaseStore::aReleaseReservesTheKeyForItsClient()
{
    Node a = node(u"node-1"_s, 60s, 60s);
    Node b = node(u"node-2"_s, 60s, 60s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    QCOMPARE(claim(*a.leases, u"name:seal"_s, "client-3").first, Outcome::Granted);
    a.leases->release(u"name:otter"_s);
    QVERIFY(!a.leases->holds(u"name:otter"_s));
    QCOMPARE(claim(*b.leases, u"name:otter"_s, "client-2"), std::pair(Outcome::Reserved, u"-"_s));
    QCOMPARE(claim(*b.leases, u"name:otter"_s, "client-1"), std::pair(Outcome::Granted, QString()));
    b.leases->release(u"name:seal"_s); // not b's: nothing happens
    QVERIFY(raw({"GET", "rok:name:seal"}).string.startsWith("node-1 "));
    a.leases->releaseAll();
    QTRY_VERIFY(raw({"GET", "rok:name:seal"}).string.startsWith("- - "));
    QCOMPARE(raw({"EXISTS", "rok:node:node-1"}).integer, 0); // it left cleanly
    QVERIFY(raw({"GET", "rok:name:otter"}).string.startsWith("node-2 ")); // b's, so a left it
    // Without a reservation a release frees the key.
    Node c = node(u"node-3"_s, 60s, 0s);
    QCOMPARE(claim(*c.leases, u"name:walrus"_s).first, Outcome::Granted);
    c.leases->release(u"name:walrus"_s);
    QTRY_COMPARE(raw({"EXISTS", "rok:name:walrus"}).integer, 0);
}

// The client lost its connection to node-1 before node-1 noticed, and came back through node-2:
// it gets its key at once, and node-1 learns at its next renewal that it lost it.
void tst_LeaseStore::aClientTakesItsKeyBackFromALiveNode()
{
    Node a = node(u"node-1"_s);
    Node b = node(u"node-2"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    QSignalSpy lost(a.leases.get(), &LeaseStore::lost);
    QTest::ignoreMessage(QtWarningMsg, "node-1 lost name:otter to node-2");
    QCOMPARE(claim(*b.leases, u"name:otter"_s), std::pair(Outcome::Granted, u"node-1"_s));
    QVERIFY(lost.wait());
    QCOMPARE(lost.at(0).at(0).toString(), u"name:otter"_s);
    QCOMPARE(lost.at(0).at(1).toString(), u"node-2"_s);
    QVERIFY(!a.leases->holds(u"name:otter"_s));
    QVERIFY(b.leases->holds(u"name:otter"_s));
}

void tst_LeaseStore::aDeadNodesKeysWaitForTheirClientsThenAreFree()
{
    Node b = node(u"node-2"_s, 300ms, 600ms);
    {
        Node a = node(u"node-1"_s, 300ms, 600ms);
        QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
        QCOMPARE(claim(*a.leases, u"name:seal"_s, "client-3").first, Outcome::Granted);
    } // node-1 dies: no release, no renewal
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(claim(*b.leases, u"name:otter"_s, "client-2"), std::pair(Outcome::Held, u"node-1"_s));
    // Within the TTL node-1 counts as dead: its keys wait for their own clients.
    QTRY_COMPARE_WITH_TIMEOUT(claim(*b.leases, u"name:otter"_s, "client-2").first,
                              Outcome::Reserved, 2000);
    QVERIFY2(clock.elapsed() < 300 + 200, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(claim(*b.leases, u"name:seal"_s, "client-3").first, Outcome::Granted);
    // After the reservation anyone may have the rest.
    QTRY_COMPARE_WITH_TIMEOUT(claim(*b.leases, u"name:otter"_s, "client-2").first, Outcome::Granted,
                              3000);
    QVERIFY2(clock.elapsed() < 900 + 200, qPrintable(QString::number(clock.elapsed())));
}

void tst_LeaseStore::aKeyAnotherNodeTookIsLost()
{
    Node a = node(u"node-1"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    QSignalSpy lost(a.leases.get(), &LeaseStore::lost);
    QTest::ignoreMessage(QtWarningMsg, "node-1 lost name:otter to node-x");
    QVERIFY(raw({"SET", "rok:name:otter", "node-x 10.0.0.9:1 abc", "PX", "60000"}).isOk());
    QVERIFY(lost.wait());
    QCOMPARE(lost.at(0).at(0).toString(), u"name:otter"_s);
    QCOMPARE(lost.at(0).at(1).toString(), u"node-x"_s);
    QVERIFY(!a.leases->holds(u"name:otter"_s));
    QCOMPARE(raw({"GET", "rok:name:otter"}).string, "node-x 10.0.0.9:1 abc"_ba); // Redis wins
}

void tst_LeaseStore::aNodeIdInUseElsewhereIsRefused()
{
    Node a = node(u"node-1"_s, 60s);
    RedisClient redis(m_raw->settings());
    LeaseStore other(&redis, u"node-1"_s, u"127.0.0.1:9"_s, 60s, 0s);
    QSignalSpy conflict(&other, &LeaseStore::conflict);
    redis.start();
    other.announce();
    QVERIFY(conflict.wait());
    QVERIFY2(conflict.at(0).at(0).toString().contains(u"node id node-1 is in use by the node at "
                                                      "127.0.0.1:1"_s),
             qPrintable(conflict.at(0).at(0).toString()));
    QVERIFY(!other.isAnnounced());
    // The same node started again (same id, same address) takes its key back.
    Node again = node(u"node-1"_s, 60s);
    QVERIFY(again.leases->isAnnounced());
}

void tst_LeaseStore::findNamesTheHolder()
{
    Node a = node(u"node-7"_s, 60s, 60s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    const auto find = [&a](const QString &key) {
        std::optional<std::optional<LeaseStore::Holder>> answer;
        a.leases->find(key, [&answer](const std::optional<LeaseStore::Holder> &holder) {
            answer = holder;
        });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return LeaseStore::Holder{u"<no answer>"_s, {}};
        return answer->value_or(LeaseStore::Holder{u"<Redis away>"_s, {}});
    };
    const LeaseStore::Holder holder = find(u"name:otter"_s);
    QCOMPARE(holder.node, u"node-7"_s);
    QCOMPARE(holder.address, u"127.0.0.1:7"_s);
    QCOMPARE(find(u"name:nobody"_s).node, QString());
    a.leases->release(u"name:otter"_s);
    QCOMPARE(find(u"name:otter"_s).node, QString()); // only reserved
    m_server->stop();
    QTRY_VERIFY(!a.redis->isConnected());
    QCOMPARE(find(u"name:otter"_s).node, u"<Redis away>"_s);
}

void tst_LeaseStore::findNodesListsTheLiveOnes()
{
    Node a = node(u"node-1"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    QCOMPARE(claim(*a.leases, u"port:10001"_s, "client-2").first, Outcome::Granted);
    const auto nodes = [&a] {
        std::optional<std::optional<QList<LeaseStore::Node>>> answer;
        a.leases->findNodes(
                [&answer](const std::optional<QList<LeaseStore::Node>> &nodes) { answer = nodes; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return QString(u"<no answer>"_s);
        if (!*answer)
            return QString(u"<Redis away>"_s);
        QStringList listed;
        for (const LeaseStore::Node &node : **answer)
            listed.append(u"%1 %2 %3"_s.arg(node.id, node.address).arg(node.leases));
        return listed.join(u", "_s);
    };
    {
        Node b = node(u"node-2"_s);
        // Each node's count is as of its last renewal.
        QTRY_COMPARE(nodes(), u"node-1 127.0.0.1:1 2, node-2 127.0.0.1:2 0"_s);
    } // node-2 dies: gone from the view once its key has expired
    QTRY_COMPARE_WITH_TIMEOUT(nodes(), u"node-1 127.0.0.1:1 2"_s, 3000);
    a.leases->releaseAll(); // a clean stop leaves at once
    QTRY_COMPARE(nodes(), QString());
    m_server->stop();
    QTRY_VERIFY(!a.redis->isConnected());
    QCOMPARE(nodes(), u"<Redis away>"_s);
}

void tst_LeaseStore::anOutageFailsClaimsKeepsLeasesAndHeals()
{
    Node a = node(u"node-1"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    QSignalSpy down(a.redis.get(), &RedisClient::disconnected);
    QSignalSpy up(a.redis.get(), &RedisClient::connected);
    m_server->stop();
    QVERIFY(down.wait());
    const auto [outcome, reason] = claim(*a.leases, u"name:seal"_s);
    QCOMPARE(outcome, Outcome::Unavailable);
    QVERIFY2(reason.contains(u"cannot be reached"), qPrintable(reason));
    QVERIFY(a.leases->holds(u"name:otter"_s)); // its tunnel keeps working

    QVERIFY(m_server->start()); // empty: it saved nothing
    QVERIFY(up.wait());
    QTRY_VERIFY(raw({"GET", "rok:name:otter"}).string.startsWith("node-1 ")); // taken back
    QTRY_VERIFY(raw({"EXISTS", "rok:node:node-1"}).integer == 1);
    QVERIFY(a.leases->holds(u"name:otter"_s));
}

// The TCP ports held, for the nodes that listen on them for their holders (RemotePorts): a
// released port is not listed, and leaves rok:ports once its reservation is over; a Redis that
// lost everything has them back with the leases.
void tst_LeaseStore::findPortsListsTheHeldOnes()
{
    Node a = node(u"node-1"_s, 300ms, 600ms);
    Node b = node(u"node-2"_s);
    QCOMPARE(claim(*a.leases, u"port:10001"_s).first, Outcome::Granted);
    QCOMPARE(claim(*a.leases, u"name:otter"_s).first, Outcome::Granted);
    QCOMPARE(claim(*b.leases, u"port:10002"_s, "client-2").first, Outcome::Granted);
    // What a look finds: the ports held, "unchanged", or "<Redis away>". `version`: what the
    // caller saw last (empty: look in full), and afterwards the version now.
    const auto look = [&a](QByteArray *version) {
        std::optional<std::optional<LeaseStore::Ports>> answer;
        a.leases->findPorts(*version, [&answer](const std::optional<LeaseStore::Ports> &ports) {
            answer = ports;
        });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return QString(u"<no answer>"_s);
        if (!*answer)
            return QString(u"<Redis away>"_s);
        *version = (*answer)->version;
        if (!(*answer)->held)
            return QString(u"unchanged"_s);
        QStringList listed;
        for (const LeaseStore::Port &each : *(*answer)->held)
            listed.append(u"%1 %2 %3"_s.arg(each.port).arg(each.holder.node, each.holder.address));
        listed.sort();
        return listed.join(u", "_s);
    };
    const auto ports = [&look] {
        QByteArray inFull;
        return look(&inFull);
    };
    QCOMPARE(ports(), u"10001 node-1 127.0.0.1:1, 10002 node-2 127.0.0.1:2"_s);
    // While no port changes hands, a look with the version seen costs one GET.
    QByteArray version;
    QCOMPARE(look(&version), u"10001 node-1 127.0.0.1:1, 10002 node-2 127.0.0.1:2"_s);
    QCOMPARE(claim(*a.leases, u"name:seal"_s).first, Outcome::Granted); // a name: no change
    QTRY_COMPARE(raw({"HGET", "rok:node-leases", "node-1"}).string, "3"); // renewed since
    QCOMPARE(look(&version), u"unchanged"_s);
    a.leases->release(u"port:10001"_s);
    QCOMPARE(look(&version), u"10002 node-2 127.0.0.1:2"_s);
    QCOMPARE(ports(), u"10002 node-2 127.0.0.1:2"_s);
    // In the set while reserved for its client; a look after its reservation takes it out.
    const auto inSetAfterALook = [&](const QByteArray &port) {
        ports();
        return raw({"SISMEMBER", "rok:ports", port}).integer == 1;
    };
    QVERIFY(inSetAfterALook("10001"));
    QTRY_VERIFY(!inSetAfterALook("10001"));

    QSignalSpy up(b.redis.get(), &RedisClient::connected);
    m_server->stop();
    QTRY_COMPARE(ports(), u"<Redis away>"_s);
    QVERIFY(m_server->start()); // empty
    QVERIFY(up.wait());
    QTRY_COMPARE(ports(), u"10002 node-2 127.0.0.1:2"_s);
}

// --max-tunnels-per-token across the cluster: each node's count of a token's tunnels is in
// Redis, the live nodes' counts are summed at each claim, a tunnel taken over moves its count,
// and a dead node's count stops counting.
void tst_LeaseStore::aTokensTunnelsAreCountedAcrossNodes()
{
    const LeaseStore::Quota two{u"token sha256:0123456789ab"_s, 2};
    Node a = node(u"node-1"_s);
    Node b = node(u"node-2"_s);
    QCOMPARE(claim(*a.leases, u"name:otter"_s, "client-1", two).first, Outcome::Granted);
    QCOMPARE(claim(*b.leases, u"name:seal"_s, "client-2", two).first, Outcome::Granted);
    QCOMPARE(claim(*b.leases, u"port:10001"_s, "client-3", two).first, Outcome::TokenFull);
    QCOMPARE(claim(*b.leases, u"port:10001"_s, "client-3", {u"another"_s, 2}).first,
             Outcome::Granted);
    a.leases->release(u"name:otter"_s);
    QCOMPARE(claim(*b.leases, u"name:puffin"_s, "client-4", two).first, Outcome::Granted);
    // seal's client comes back through node-1: its tunnel moves there, with its count.
    QCOMPARE(claim(*a.leases, u"name:seal"_s, "client-2", two).first, Outcome::Granted);
    const QByteArray counts = "rok:token:" + LeaseStore::tag("token sha256:0123456789ab");
    QCOMPARE(raw({"HGET", counts, "node-1"}).string, "1");
    QCOMPARE(raw({"HGET", counts, "node-2"}).string, "1"); // and a renewal counts only its own
    QCOMPARE(claim(*a.leases, u"name:walrus"_s, "client-5", two).first, Outcome::TokenFull);

    const LeaseStore::Quota one{u"token sha256:ba9876543210"_s, 1};
    {
        Node c = node(u"node-3"_s);
        QCOMPARE(claim(*c.leases, u"name:gull"_s, "client-6", one).first, Outcome::Granted);
        QCOMPARE(claim(*a.leases, u"name:tern"_s, "client-7", one).first, Outcome::TokenFull);
    } // node-3 dies without a word: its tunnel no longer counts once its node key is gone
    QVERIFY(QTest::qWaitFor(
            [&] {
                return claim(*a.leases, u"name:tern"_s, "client-7", one).first == Outcome::Granted;
            },
            5000));
}

QTEST_GUILESS_MAIN(tst_LeaseStore)
#include "tst_leasestore.moc"
