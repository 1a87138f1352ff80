// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// RedisClient against a real redis-server on loopback: URLs, replies of every type, answers
// only from the event loop, a password and a database, failing at once without a connection,
// and an outage: pending commands fail, the client says so, and it comes back on its own.

#include "cluster/redisclient.h"
#include "redisserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_RedisClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls_data();
    void parsesUrls();
    void refusesWhatIsNotAUrl_data();
    void refusesWhatIsNotAUrl();
    void repliesOfEveryType();
    void answersComeFromTheEventLoop();
    void withoutAConnectionACommandFailsAtOnce();
    void passwordAndDatabase();
    void aWrongPasswordSaysSo();
    void anOutageFailsWhatWaitsAndHeals();
    void aHostNameIsResolvedFirst();

private:
    // The reply to one command, waited for.
    static RedisReply run(RedisClient &client, const QList<QByteArray> &command);
    static RedisClient::Settings settingsFor(const RedisServer &server);
};

RedisReply tst_RedisClient::run(RedisClient &client, const QList<QByteArray> &command)
{
    std::optional<RedisReply> answer;
    client.command(command, [&answer](const RedisReply &reply) { answer = reply; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
        return RedisReply::error("<no answer>");
    return *answer;
}

RedisClient::Settings tst_RedisClient::settingsFor(const RedisServer &server)
{
    RedisClient::Settings settings;
    settings.port = server.port();
    settings.firstRetry = std::chrono::milliseconds(50);
    settings.maxRetry = std::chrono::milliseconds(200);
    return settings;
}

void tst_RedisClient::parsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<int>("db");
    QTest::newRow("host only") << u"redis://redis.internal"_s << u"redis.internal"_s << 6379
                               << QByteArray() << QByteArray() << 0;
    QTest::newRow("password, port, db") << u"redis://:s3cr%40t@10.0.0.5:6380/2"_s << u"10.0.0.5"_s
                                        << 6380 << QByteArray() << "s3cr@t"_ba << 2;
    QTest::newRow("ACL user, IPv6")
            << u"redis://rok:pw@[::1]:7000/1"_s << u"::1"_s << 7000 << "rok"_ba
            << "pw"_ba << 1;
    QTest::newRow("trailing slash")
            << u"redis://h/"_s << u"h"_s << 6379 << QByteArray() << QByteArray() << 0;
}

void tst_RedisClient::parsesUrls()
{
    QFETCH(QString, url);
    QString error;
    const std::optional<RedisClient::Settings> settings = RedisClient::parseUrl(url, &error);
    QVERIFY2(settings, qPrintable(error));
    QTEST(settings->host, "host");
    QTEST(int(settings->port), "port");
    QTEST(settings->user, "user");
    QTEST(settings->password, "password");
    QTEST(settings->db, "db");
    QVERIFY(!settings->toString().contains(u"pw") && !settings->toString().contains(u"s3cr"));
}

void tst_RedisClient::refusesWhatIsNotAUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("saying");
    QTest::newRow("another scheme") << u"http://h:6379"_s << u"not a Redis URL"_s;
    QTest::newRow("no host") << u"redis://"_s << u"not a Redis URL"_s;
    QTest::newRow("a bad port") << u"redis://h:99999"_s << u"not a Redis URL"_s;
    QTest::newRow("a bad database") << u"redis://h/abc"_s << u"database must be a number"_s;
    QTest::newRow("TLS") << u"rediss://h:6380"_s << u"stunnel"_s;
}

void tst_RedisClient::refusesWhatIsNotAUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, saying);
    QString error;
    QVERIFY(!RedisClient::parseUrl(url, &error));
    QVERIFY2(error.contains(saying), qPrintable(error));
}

void tst_RedisClient::repliesOfEveryType()
{
    RedisServer server;
    QVERIFY(server.start());
    RedisClient client(settingsFor(server));
    QSignalSpy connected(&client, &RedisClient::connected);
    client.start();
    QVERIFY(connected.wait());
    QVERIFY(client.isConnected());

    // A lease, as cluster mode takes one: only the first SET NX wins.
    QVERIFY(run(client, {"SET", "rok:name:otter", "node-a", "NX", "PX", "10000"}).isOk());
    QCOMPARE(run(client, {"SET", "rok:name:otter", "node-b", "NX", "PX", "10000"}).type,
             RedisReply::Type::Nil);
    const RedisReply owner = run(client, {"GET", "rok:name:otter"});
    QCOMPARE(owner.type, RedisReply::Type::String);
    QCOMPARE(owner.string, "node-a"_ba);

    const QByteArray binary("a\0b\r\n", 5);
    QVERIFY(run(client, {"SET", "bin", binary}).isOk());
    QCOMPARE(run(client, {"GET", "bin"}).string, binary);
    const RedisReply counted = run(client, {"INCR", "counter"});
    QCOMPARE(counted.type, RedisReply::Type::Integer);
    QCOMPARE(counted.integer, 1);

    const RedisReply array = run(client, {"EVAL", "return {1, 'two', {3}}", "0"});
    QCOMPARE(array.type, RedisReply::Type::Array);
    QCOMPARE(array.elements.size(), 3);
    QCOMPARE(array.elements.at(0).integer, 1);
    QCOMPARE(array.elements.at(1).string, "two"_ba);
    QCOMPARE(array.elements.at(2).elements.at(0).integer, 3);

    const RedisReply error = run(client, {"NO-SUCH-COMMAND"});
    QVERIFY(error.isError());
    QVERIFY2(error.string.contains("unknown command"), error.string.constData());
    QVERIFY(run(client, {"PING"}).type == RedisReply::Type::Status); // the connection lives on
}

void tst_RedisClient::answersComeFromTheEventLoop()
{
    RedisServer server;
    QVERIFY(server.start());
    RedisClient client(settingsFor(server));
    QSignalSpy connected(&client, &RedisClient::connected);
    client.start();
    QVERIFY(connected.wait());
    int answers = 0;
    client.command({"PING"}, [&answers](const RedisReply &) { ++answers; });
    QCOMPARE(answers, 0);
    QTRY_COMPARE(answers, 1);
}

void tst_RedisClient::withoutAConnectionACommandFailsAtOnce()
{
    RedisServer server; // never started: nothing listens on its port
    RedisClient client(settingsFor(server));
    client.start();
    const RedisReply reply = run(client, {"GET", "x"});
    QVERIFY(reply.isError());
    QCOMPARE(reply.string, "not connected to Redis"_ba);
    QVERIFY(!client.isConnected());
}

void tst_RedisClient::passwordAndDatabase()
{
    RedisServer server({u"--requirepass"_s, u"s3cret"_s});
    QVERIFY(server.start());
    RedisClient::Settings settings = settingsFor(server);
    settings.password = "s3cret";
    settings.db = 2;
    RedisClient inTwo(settings);
    settings.db = 0;
    RedisClient inZero(settings);
    QSignalSpy two(&inTwo, &RedisClient::connected);
    QSignalSpy zero(&inZero, &RedisClient::connected);
    inTwo.start();
    inZero.start();
    QVERIFY(two.wait());
    QTRY_COMPARE(zero.size(), 1);
    QVERIFY(run(inTwo, {"SET", "where", "two"}).isOk());
    QCOMPARE(run(inTwo, {"GET", "where"}).string, "two"_ba);
    QCOMPARE(run(inZero, {"GET", "where"}).type, RedisReply::Type::Nil);
}

void tst_RedisClient::aWrongPasswordSaysSo()
{
    RedisServer server({u"--requirepass"_s, u"s3cret"_s});
    QVERIFY(server.start());
    RedisClient::Settings settings = settingsFor(server);
    settings.password = "wrong";
    RedisClient client(settings);
    QSignalSpy connected(&client, &RedisClient::connected);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused the password"_s));
    client.start();
    QTRY_VERIFY(!client.lastError().isEmpty());
    QVERIFY2(client.lastError().contains(u"refused the password"), qPrintable(client.lastError()));
    QVERIFY(connected.isEmpty());
    QVERIFY(run(client, {"PING"}).isError());
}

void tst_RedisClient::anOutageFailsWhatWaitsAndHeals()
{
    RedisServer server;
    QVERIFY(server.start());
    RedisClient client(settingsFor(server));
    QSignalSpy connected(&client, &RedisClient::connected);
    QSignalSpy disconnected(&client, &RedisClient::disconnected);
    client.start();
    QVERIFY(connected.wait());

    // A command that will not be answered before Redis goes: it fails, it is not lost.
    std::optional<RedisReply> blocked;
    client.command({"BLPOP", "nothing-comes", "0"},
                   [&blocked](const RedisReply &reply) { blocked = reply; });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"lost redis://"_s));
    server.stop();
    QVERIFY(disconnected.wait());
    QTRY_VERIFY(blocked.has_value());
    QVERIFY(blocked->isError());
    QVERIFY(!client.isConnected());
    QVERIFY(run(client, {"PING"}).isError()); // at once, not queued behind the outage

    QVERIFY(server.start());
    QVERIFY(connected.wait()); // on its own, with backoff
    QCOMPARE(connected.size(), 2);
    QCOMPARE(disconnected.size(), 1);
    QVERIFY(run(client, {"PING"}).type == RedisReply::Type::Status);
}

void tst_RedisClient::aHostNameIsResolvedFirst()
{
    RedisServer server;
    QVERIFY(server.start());
    RedisClient::Settings settings = settingsFor(server);
    settings.host = u"localhost"_s; // resolved with QHostInfo, not in hiredis's getaddrinfo
    RedisClient client(settings);
    QSignalSpy connected(&client, &RedisClient::connected);
    client.start();
    QVERIFY(connected.wait());
}

QTEST_GUILESS_MAIN(tst_RedisClient)
#include "tst_redisclient.moc"
