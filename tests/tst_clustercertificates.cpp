// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Certificates shared by a cluster's nodes through a real redis-server: SealedBox keeps the key
// from Redis and refuses another secret or a changed byte; what one node publishes reaches the
// others, and again after Redis restarted empty; AcmeCertificates takes in another node's
// certificate as its own, and not an older one.

#include "acme/acmecertificates.h"
#include "cluster/clustercertificates.h"
#include "cluster/redisclient.h"
#include "cluster/sealedbox.h"
#include "eventlog.h"
#include "redisserver.h"
#include "testcertificates.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_ClusterCertificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aSealedBoxOpensOnlyWithItsSecretAndPurpose();
    void whatOneNodePublishesReachesTheOthers();
    void anotherSecretCannotOpenIt();
    void aRestartedRedisIsReadAgain();
    void acmeAdoptsANewerCertificateOnly();

private:
    std::unique_ptr<RedisClient> client();

    std::unique_ptr<RedisServer> m_server;
};

void tst_ClusterCertificates::init()
{
    m_server = std::make_unique<RedisServer>();
    QVERIFY(m_server->start());
}

void tst_ClusterCertificates::cleanup()
{
    m_server.reset();
}

std::unique_ptr<RedisClient> tst_ClusterCertificates::client()
{
    RedisClient::Settings settings;
    settings.port = m_server->port();
    settings.firstRetry = 50ms;
    settings.maxRetry = 100ms;
    auto redis = std::make_unique<RedisClient>(settings);
    QSignalSpy connected(redis.get(), &RedisClient::connected);
    redis->start();
    if (!connected.wait())
        qFatal("no Redis");
    return redis;
}

void tst_ClusterCertificates::aSealedBoxOpensOnlyWithItsSecretAndPurpose()
{
    const SealedBox box("secret", "certificates");
    const QByteArray sealed = box.seal("-----BEGIN PRIVATE KEY-----");
    QVERIFY(!sealed.contains("PRIVATE"));
    QCOMPARE(box.open(sealed), "-----BEGIN PRIVATE KEY-----"_ba);
    QVERIFY(box.seal("same") != box.seal("same")); // a fresh nonce each time
    QCOMPARE(box.open(box.seal({})), QByteArray());
    QCOMPARE(SealedBox("other", "certificates").open(sealed), std::nullopt);
    QCOMPARE(SealedBox("secret", "other").open(sealed), std::nullopt);
    for (qsizetype i : {qsizetype(0), sealed.size() / 2, sealed.size() - 1}) {
        QByteArray changed = sealed;
        changed[i] = char(changed[i] ^ 1);
        QCOMPARE(box.open(changed), std::nullopt);
    }
    QCOMPARE(box.open(sealed.left(20)), std::nullopt);
    QCOMPARE(box.open({}), std::nullopt);
}

void tst_ClusterCertificates::whatOneNodePublishesReachesTheOthers()
{
    const auto redisA = client();
    const auto redisB = client();
    ClusterCertificates a(redisA.get(), "secret", 100ms);
    ClusterCertificates b(redisB.get(), "secret", 100ms);
    QSignalSpy arrived(&b, &ClusterCertificates::arrived);
    a.publish(u"otter.example.com"_s, "CHAIN", "-----BEGIN PRIVATE KEY-----");
    QVERIFY(arrived.wait());
    QCOMPARE(arrived.at(0).at(0).toString(), u"otter.example.com"_s);
    QCOMPARE(arrived.at(0).at(1).toByteArray(), "CHAIN"_ba);
    QCOMPARE(arrived.at(0).at(2).toByteArray(), "-----BEGIN PRIVATE KEY-----"_ba);
    // Redis has it sealed.
    std::optional<RedisReply> stored;
    redisA->command({"GET", "rok:cert:otter.example.com"},
                    [&stored](const RedisReply &reply) { stored = reply; });
    QTRY_VERIFY(stored.has_value());
    QVERIFY(!stored->string.contains("PRIVATE"));
    // Each round takes only what is new: the later ones come alone, the first not again.
    a.publish(u"seal.example.com"_s, "CHAIN2", "KEY2");
    QTRY_COMPARE(arrived.count(), 2);
    a.publish(u"walrus.example.com"_s, "CHAIN3", "KEY3");
    QTRY_COMPARE(arrived.count(), 3);
    QCOMPARE(arrived.at(1).at(0).toString(), u"seal.example.com"_s);
    QCOMPARE(arrived.at(2).at(0).toString(), u"walrus.example.com"_s);
}

void tst_ClusterCertificates::anotherSecretCannotOpenIt()
{
    const auto redisA = client();
    const auto redisC = client();
    ClusterCertificates a(redisA.get(), "secret", 100ms);
    ClusterCertificates c(redisC.get(), "guess", 100ms);
    QSignalSpy arrived(&c, &ClusterCertificates::arrived);
    QSignalSpy unreadable(&c, &ClusterCertificates::unreadable);
    a.publish(u"otter.example.com"_s, "CHAIN", "KEY");
    QVERIFY(unreadable.wait());
    QCOMPARE(unreadable.at(0).at(0).toString(), u"otter.example.com"_s);
    QCOMPARE(arrived.count(), 0);
}

void tst_ClusterCertificates::aRestartedRedisIsReadAgain()
{
    const auto redisA = client();
    const auto redisB = client();
    ClusterCertificates a(redisA.get(), "secret", 100ms);
    ClusterCertificates b(redisB.get(), "secret", 100ms);
    QSignalSpy arrived(&b, &ClusterCertificates::arrived);
    a.publish(u"otter.example.com"_s, "CHAIN", "KEY");
    a.publish(u"seal.example.com"_s, "CHAIN", "KEY");
    QTRY_COMPARE(arrived.count(), 2);
    QSignalSpy up(redisA.get(), &RedisClient::connected);
    QSignalSpy upB(redisB.get(), &RedisClient::connected);
    m_server->stop();
    QVERIFY(m_server->start()); // empty: its serials start at 1 again
    QTRY_VERIFY(up.count() == 1 && upB.count() == 1);
    a.publish(u"walrus.example.com"_s, "CHAIN", "KEY");
    QTRY_COMPARE(arrived.count(), 3);
    QCOMPARE(arrived.at(2).at(0).toString(), u"walrus.example.com"_s);
}

void tst_ClusterCertificates::acmeAdoptsANewerCertificateOnly()
{
    QTemporaryDir directory;
    EventLog log(EventLog::Format::Json, stderr);
    AcmeCertificates acme({.client = {}, .directory = directory.path(), .ordersPerHour = 20}, log);
    QString error;
    QVERIFY2(acme.start(&error), qPrintable(error));
    QSignalSpy ready(&acme, &AcmeCertificates::certificateReady);
    const auto ca = TestCertificates::issueCa(u"Test CA"_s);
    const auto older = TestCertificates::issue(u"otter.example.com"_s, &ca, -10, 20);
    const auto newer = TestCertificates::issue(u"otter.example.com"_s, &ca, -1, 60);
    acme.adopt(u"otter.example.com"_s, newer.certificate.toPem(), newer.key.toPem());
    QCOMPARE(ready.count(), 1);
    QVERIFY(acme.has(u"otter.example.com"_s));
    QVERIFY(QFile::exists(directory.filePath(u"certificates/otter.example.com.crt"_s)));
    acme.adopt(u"otter.example.com"_s, older.certificate.toPem(), older.key.toPem());
    acme.adopt(u"otter.example.com"_s, newer.certificate.toPem(), newer.key.toPem());
    QCOMPARE(ready.count(), 1); // neither the older nor the same one again
    acme.adopt(u"seal.example.com"_s, "not a certificate", "nor a key");
    QVERIFY(!acme.has(u"seal.example.com"_s));
}

QTEST_GUILESS_MAIN(tst_ClusterCertificates)
#include "tst_clustercertificates.moc"
