// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <memory>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "httpparser.h"
#include "httpsservice.h"
#include "replayer.h"
#include "requestlog.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray Created = "HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\n"
                           "Content-Length: 2\r\n\r\nok"_ba;

// A local service on 127.0.0.1: keeps the raw bytes of each connection, and once a whole
// request has arrived answers according to its mode.
class LocalService : public QObject
{
public:
    enum class Mode {
        Created, // the 201 above, then close
        UntilClose, // 200 with no length: the body ends with the connection
        Garbage, // something that is not HTTP
        Silent, // never answers
    };

    explicit LocalService(Mode mode)
        : m_mode(mode)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &LocalService::onNewConnection);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return int(m_received.size()); }
    QByteArray received(int connection) const { return m_received.value(connection); }
    int answered() const { return m_answered; }

private:
    void onNewConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            const int index = int(m_received.size());
            m_received.append(QByteArray());
            auto parser = std::make_shared<HttpParser>(HttpParser::Kind::Request);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, index, parser] {
                QByteArray data = socket->readAll();
                m_received[index] += data;
                QByteArrayView rest = data;
                while (!rest.isEmpty() || parser->hasPendingEvent()) {
                    const HttpParser::Step step = parser->feed(rest);
                    rest = rest.sliced(step.consumed);
                    if (step.event == HttpParser::Event::MessageComplete) {
                        answer(socket);
                        return;
                    }
                    if (step.event == HttpParser::Event::Error)
                        return;
                }
            });
        }
    }

    void answer(QTcpSocket *socket)
    {
        switch (m_mode) {
        case Mode::Created:
            socket->write(Created);
            break;
        case Mode::UntilClose:
            socket->write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close");
            break;
        case Mode::Garbage:
            socket->write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
            break;
        case Mode::Silent:
            return;
        }
        ++m_answered;
        socket->disconnectFromHost();
    }

    Mode m_mode;
    QTcpServer m_server;
    QByteArrayList m_received;
    int m_answered = 0;
};

HttpHead head(const QByteArray &method, const QByteArray &target, const QList<HttpHeader> &fields)
{
    HttpHead head;
    head.method = method;
    head.target = target;
    head.headers = fields;
    head.size = head.serialize().size();
    return head;
}

// A POST as the tunnel's log records it, keep-alive and all.
RequestRecord recordedPost()
{
    RequestRecord record;
    record.started = QDateTime::currentDateTime();
    record.method = "POST";
    record.path = "/items?x=1";
    record.requestBody = R"({"name":"ü"})"_ba;
    record.requestHead = head(record.method, record.path,
                              {{"Host", "brave-otter.localhost:8080"},
                               {"Connection", "keep-alive"},
                               {"Content-Type", "application/json"},
                               {"Content-Length", QByteArray::number(record.requestBody.size())},
                               {"X-Forwarded-Proto", "http"}});
    record.status = 200;
    record.responseHead.status = 200;
    return record;
}

RequestRecord recordedGet(const QByteArray &path)
{
    RequestRecord record;
    record.method = "GET";
    record.path = path;
    record.requestHead = head("GET", path, {{"Host", "a.localhost"}});
    return record;
}

RequestRecord resultOf(QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<RequestRecord>();
}

} // namespace

class tst_Replayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<RequestRecord>(); }
    void sendsTheRecordedRequest();
    void localhostTriesIpv6ThenIpv4();
    void responseUntilClose();
    void deadPortIsRefused();
    void truncatedBodyIsRefusedWithoutConnecting();
    void bodyShorterThanContentLengthIsRefused();
    void garbageAnswerIsAnError();
    void silentServiceTimesOut();
    void twoReplaysInARow();
    void twoReplaysAtOnce();
    void deletingTheReplayerAbandonsReplays();
    void anHttpsServiceIsReplayedOverTls();
};

void tst_Replayer::sendsTheRecordedRequest()
{
    LocalService service(LocalService::Mode::Created);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);

    const RequestRecord original = recordedPost();
    replayer.replay(original);
    QCOMPARE(finished.count(), 0); // never from inside replay()
    QCOMPARE(replayer.runningCount(), 1);
    QVERIFY(finished.count() || finished.wait());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(replayer.runningCount(), 0);

    const QByteArray expected = "POST /items?x=1 HTTP/1.1\r\n"
                                "Host: brave-otter.localhost:8080\r\n"
                                "Connection: close\r\n"
                                "Content-Type: application/json\r\n"
                                "Content-Length: 13\r\n"
                                "X-Forwarded-Proto: http\r\n"
                                "\r\n"
                                R"({"name":"ü"})"_ba;
    QCOMPARE(service.connectionCount(), 1);
    QCOMPARE(service.received(0), expected);

    const RequestRecord result = resultOf(finished, 0);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.kind == RequestRecord::Kind::Http);
    QCOMPARE(result.status, 201);
    QCOMPARE(result.responseHead.reason, "Created"_ba);
    QCOMPARE(result.responseHead.value("Content-Type"), "text/plain"_ba);
    QCOMPARE(result.responseBody, "ok"_ba);
    QVERIFY(!result.responseBodyTruncated);
    QCOMPARE(result.responseBytes, Created.size());
    QCOMPARE(result.requestBytes, expected.size());
    QVERIFY(result.durationMs >= 0);
    QVERIFY(result.firstByteMs >= 0);
    QVERIFY(result.firstByteMs <= result.durationMs);
    QVERIFY(result.started.isValid());
    QCOMPARE(result.method, original.method);
    QCOMPARE(result.path, original.path);
    QCOMPARE(result.requestBody, original.requestBody);
    QCOMPARE(result.requestHead.value("Connection"), "close"_ba);
    QCOMPARE(result.requestHead.serialize() + result.requestBody, expected);
}

void tst_Replayer::localhostTriesIpv6ThenIpv4()
{
    LocalService service(LocalService::Mode::Created); // on 127.0.0.1 only
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"localhost"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/"));
    QVERIFY(finished.count() || finished.wait());
    const RequestRecord result = resultOf(finished, 0);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 201);
    QCOMPARE(service.connectionCount(), 1);
}

void tst_Replayer::responseUntilClose()
{
    LocalService service(LocalService::Mode::UntilClose);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/stream"));
    QVERIFY(finished.count() || finished.wait());
    const RequestRecord result = resultOf(finished, 0);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.responseHead.versionMinor, 0);
    QCOMPARE(result.responseBody, "until close"_ba);
}

void tst_Replayer::deadPortIsRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago, and is closed again
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, port}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/"));
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.count() || finished.wait());
    const RequestRecord result = resultOf(finished, 0);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.error.contains(u"refused", Qt::CaseInsensitive), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(result.error));
    QCOMPARE(result.method, "GET"_ba);
    QCOMPARE(result.path, "/"_ba);
}

void tst_Replayer::truncatedBodyIsRefusedWithoutConnecting()
{
    LocalService service(LocalService::Mode::Created);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    RequestRecord record = recordedPost();
    record.requestBodyTruncated = true;
    replayer.replay(record);
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.count() || finished.wait());
    const RequestRecord result = resultOf(finished, 0);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.error,
             u"The request body was not recorded in full, so it cannot be replayed."_s);
    QTest::qWait(200); // and no connection follows
    QCOMPARE(service.connectionCount(), 0);
    QCOMPARE(finished.count(), 1);
}

void tst_Replayer::bodyShorterThanContentLengthIsRefused()
{
    LocalService service(LocalService::Mode::Created);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    RequestRecord record = recordedPost();
    record.requestBody.chop(3); // the flag says complete, the length says otherwise
    replayer.replay(record);
    QVERIFY(finished.count() || finished.wait());
    QCOMPARE(resultOf(finished, 0).status, 0);
    QVERIFY(resultOf(finished, 0).error.contains(u"not recorded in full"));
    QCOMPARE(service.connectionCount(), 0);
}

void tst_Replayer::garbageAnswerIsAnError()
{
    LocalService service(LocalService::Mode::Garbage);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/"));
    QVERIFY(finished.count() || finished.wait());
    const RequestRecord result = resultOf(finished, 0);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.error.contains(u"malformed"), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("127.0.0.1:%1").arg(service.port())),
             qPrintable(result.error));
    QCOMPARE(service.connectionCount(), 1);
}

void tst_Replayer::silentServiceTimesOut()
{
    LocalService service(LocalService::Mode::Silent);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QCOMPARE(replayer.timeout(), 30'000ms);
    replayer.setTimeout(300ms);
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/slow"));
    QVERIFY(finished.count() || finished.wait());
    const RequestRecord result = resultOf(finished, 0);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.error.contains(u"did not answer"), qPrintable(result.error));
    QVERIFY(result.durationMs >= 150); // about the timeout, from the connection on
    QTRY_COMPARE(service.connectionCount(), 1);
    QVERIFY(service.received(0).startsWith("GET /slow HTTP/1.1\r\n"));
}

void tst_Replayer::twoReplaysInARow()
{
    LocalService service(LocalService::Mode::Created);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/first"));
    QVERIFY(finished.count() || finished.wait());
    replayer.replay(recordedGet("/second"));
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(resultOf(finished, 0).status, 201);
    QCOMPARE(resultOf(finished, 0).path, "/first"_ba);
    QCOMPARE(resultOf(finished, 1).status, 201);
    QCOMPARE(resultOf(finished, 1).path, "/second"_ba);
    QCOMPARE(service.connectionCount(), 2);
    QVERIFY(service.received(0).startsWith("GET /first HTTP/1.1\r\n"));
    QVERIFY(service.received(1).startsWith("GET /second HTTP/1.1\r\n"));
}

void tst_Replayer::twoReplaysAtOnce()
{
    LocalService service(LocalService::Mode::Created);
    QVERIFY(service.listen());
    Replayer replayer(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.replay(recordedGet("/a"));
    replayer.replay(recordedGet("/b"));
    QCOMPARE(replayer.runningCount(), 2);
    QTRY_COMPARE(finished.count(), 2);
    QByteArrayList paths;
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(resultOf(finished, i).status, 201);
        QCOMPARE(resultOf(finished, i).responseBody, "ok"_ba);
        paths.append(resultOf(finished, i).path);
    }
    std::sort(paths.begin(), paths.end());
    QCOMPARE(paths, QByteArrayList({"/a", "/b"}));
    QCOMPARE(service.answered(), 2);
}

void tst_Replayer::deletingTheReplayerAbandonsReplays()
{
    LocalService service(LocalService::Mode::Silent);
    QVERIFY(service.listen());
    auto replayer = std::make_unique<Replayer>(LocalTarget{{u"127.0.0.1"_s, service.port()}});
    QSignalSpy finished(replayer.get(), &Replayer::finished);
    replayer->replay(recordedGet("/never"));
    QTRY_COMPARE(service.connectionCount(), 1);
    replayer.reset();
    QTest::qWait(100); // nothing fires into the deleted Replayer (ASan would tell)
    QCOMPARE(finished.count(), 0);
}

// An https:// local service: replayed over TLS, its certificate checked as the tunnel checks it
// (a self-signed one is refused and the error names --local-insecure, which accepts it).
void tst_Replayer::anHttpsServiceIsReplayedOverTls()
{
    HttpsService service(TestCertificates::issue(u"localhost"_s, nullptr)); // self-signed
    QVERIFY(service.listen(QHostAddress::LocalHost, 0));
    const LocalTarget target{{u"localhost"_s, service.serverPort()}, true};
    Replayer replayer(target);
    QSignalSpy finished(&replayer, &Replayer::finished);

    replayer.replay(recordedGet("/"));
    QVERIFY(finished.wait());
    RequestRecord result = resultOf(finished, 0);
    QCOMPARE(result.status, 0);
    QVERIFY2(result.error.contains(u"not trusted") && result.error.contains(u"--local-insecure"),
             qPrintable(result.error));

    replayer.setLocal(target, true);
    replayer.replay(recordedGet("/"));
    QVERIFY(finished.wait());
    result = resultOf(finished, 1);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 200);
    QVERIFY(result.responseBytes > 0);
}

QTEST_GUILESS_MAIN(tst_Replayer)
#include "tst_replayer.moc"
