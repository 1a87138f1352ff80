// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <memory>

#include <QSignalSpy>
#include <QTest>

#include "httptap.h"
#include "requestlog.h"

using namespace Qt::StringLiterals;

using Kind = RequestRecord::Kind;

// for QCOMPARE; RequestRecord lives in the global namespace
char *toString(RequestRecord::Kind kind)
{
    switch (kind) {
    case RequestRecord::Kind::Http:
        return qstrdup("Http");
    case RequestRecord::Kind::Upgrade:
        return qstrdup("Upgrade");
    case RequestRecord::Kind::UpgradeClosed:
        return qstrdup("UpgradeClosed");
    }
    return qstrdup("?");
}

class tst_HttpTap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneExchange_data();
    void oneExchange();
    void oneExchangeByteByByte_data() { oneExchange_data(); }
    void oneExchangeByteByByte();
    void keepAlive();
    void pipelined();
    void headResponseHasNoBody();
    void continueThenFinal();
    void upgradeIsLoggedAtThe101();
    void upgradeCloseIsLoggedWithItsBytes();
    void connectTunnelIsLoggedAsUpgrade();
    void readUntilClose_data();
    void readUntilClose();
    void requestWithoutResponse();
    void answeredBeforeTheBodyEnds();
    void answeredBeforeTheHeadEnds();
    void truncatedResponse();
    void garbageResponseStopsLogging();
    void garbageRequestIsNotLogged();
    void responseWithoutRequest();
    void logDeletedBeforeTap();
    void bodyPreviews_data();
    void bodyPreviews();
};

namespace {

QList<RequestRecord> recordsOf(RequestLog &log)
{
    log.flush();
    return log.records();
}

qint64 totalSize(const QByteArrayList &chunks)
{
    qint64 size = 0;
    for (const QByteArray &chunk : chunks)
        size += chunk.size();
    return size;
}

QByteArrayList bytewise(const QByteArrayList &chunks)
{
    QByteArrayList out;
    for (const QByteArray &chunk : chunks) {
        for (const char c : chunk)
            out.append(QByteArray(1, c));
    }
    return out;
}

const QByteArray Get = "GET /hello?x=1 HTTP/1.1\r\nHost: brave-otter.localhost\r\n\r\n"_ba;
const QByteArray Ok = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"_ba;

QByteArray get(const char *path)
{
    return "GET "_ba + path + " HTTP/1.1\r\nHost: a.localhost\r\n\r\n";
}

QByteArray ok(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
            + body;
}

const QByteArray UpgradeRequest = "GET /chat HTTP/1.1\r\nHost: a.localhost\r\n"
                                  "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                  "Sec-WebSocket-Version: 13\r\n\r\n"_ba;
const QByteArray SwitchingProtocols =
        "HTTP/1.1 101 Switching Protocols\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"_ba;

} // namespace

void tst_HttpTap::oneExchange_data()
{
    QTest::addColumn<QByteArrayList>("request");
    QTest::addColumn<QByteArrayList>("response");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");

    QTest::newRow("GET 200") << QByteArrayList{Get} << QByteArrayList{Ok} << "GET"_ba
                             << "/hello?x=1"_ba << 200;
    QTest::newRow("split chunks") << QByteArrayList{Get.first(10), Get.sliced(10)}
                                  << QByteArrayList{Ok.first(20), Ok.sliced(20, 20), Ok.sliced(40)}
                                  << "GET"_ba
                                  << "/hello?x=1"_ba << 200;
    QTest::newRow("POST with body")
            << QByteArrayList{"POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n"_ba,
                              "a=1&b=2"_ba}
            << QByteArrayList{"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"_ba} << "POST"_ba
            << "/form"_ba << 201;
    QTest::newRow("chunked both ways")
            << QByteArrayList{"PUT /f HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "3\r\nabc\r\n0\r\n\r\n"_ba}
            << QByteArrayList{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "4\r\nwiki\r\n5\r\npedia\r\n0\r\nX-Trailer: 1\r\n\r\n"_ba}
            << "PUT"_ba
            << "/f"_ba << 200;
    QTest::newRow("404 with body")
            << QByteArrayList{get("/missing")}
            << QByteArrayList{"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"_ba}
            << "GET"_ba
            << "/missing"_ba << 404;
    QTest::newRow("204 no body") << QByteArrayList{"DELETE /x HTTP/1.1\r\nHost: a\r\n\r\n"_ba}
                                 << QByteArrayList{"HTTP/1.1 204 No Content\r\n\r\n"_ba}
                                 << "DELETE"_ba
                                 << "/x"_ba << 204;
    QTest::newRow("304 no body") << QByteArrayList{get(
            "/cached")} << QByteArrayList{"HTTP/1.1 304 Not Modified\r\nETag: \"1\"\r\n\r\n"_ba}
                                 << "GET"_ba
                                 << "/cached"_ba << 304;
    QTest::newRow("HTTP/1.0") << QByteArrayList{"GET /old HTTP/1.0\r\n\r\n"_ba}
                              << QByteArrayList{"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi"_ba}
                              << "GET"_ba
                              << "/old"_ba << 200;
}

void tst_HttpTap::oneExchange()
{
    QFETCH(QByteArrayList, request);
    QFETCH(QByteArrayList, response);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);

    RequestLog log;
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    const QDateTime before = QDateTime::currentDateTime();
    auto tap = std::make_unique<HttpTap>(&log);
    for (const QByteArray &chunk : request)
        tap->requestBytes(chunk);
    QCOMPARE(recordsOf(log).size(), 0); // nothing until the response ends
    for (const QByteArray &chunk : response)
        tap->responseBytes(chunk);

    QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(added.count(), 1);
    const RequestRecord &record = records.at(0);
    QCOMPARE(record.kind, Kind::Http);
    QCOMPARE(record.method, method);
    QCOMPARE(record.path, path);
    QCOMPARE(record.status, status);
    QCOMPARE(record.requestBytes, totalSize(request));
    QCOMPARE(record.responseBytes, totalSize(response));
    QCOMPARE_GE(record.durationMs, 0.0);
    QCOMPARE_GE(record.firstByteMs, 0.0);
    QCOMPARE_LE(record.firstByteMs, record.durationMs);
    QVERIFY2(record.error.isEmpty(), qPrintable(record.error));
    QVERIFY(record.started.isValid());
    QCOMPARE_GE(record.started, before);
    QCOMPARE(record.requestHead.method, method);
    QCOMPARE(record.responseHead.status, status);
    QCOMPARE_GT(record.id, quint64(0));

    tap.reset(); // nothing left open: no further record
    QCOMPARE(recordsOf(log).size(), 1);
}

void tst_HttpTap::oneExchangeByteByByte()
{
    QFETCH(QByteArrayList, request);
    QFETCH(QByteArrayList, response);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);

    RequestLog log;
    {
        HttpTap tap(&log);
        for (const QByteArray &byte : bytewise(request))
            tap.requestBytes(byte);
        for (const QByteArray &byte : bytewise(response))
            tap.responseBytes(byte);
        QCOMPARE(recordsOf(log).size(), 1);
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).method, method);
    QCOMPARE(records.at(0).path, path);
    QCOMPARE(records.at(0).status, status);
    QCOMPARE(records.at(0).requestBytes, totalSize(request));
    QCOMPARE(records.at(0).responseBytes, totalSize(response));
    QVERIFY(records.at(0).error.isEmpty());
}

void tst_HttpTap::keepAlive()
{
    RequestLog log;
    HttpTap tap(&log);
    const QByteArray response1 = ok("first");
    const QByteArray response2 = ok("the second body");

    tap.requestBytes(get("/1"));
    tap.responseBytes(response1);
    QCOMPARE(recordsOf(log).size(), 1);
    tap.requestBytes(get("/2"));
    tap.responseBytes(response2);

    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).path, "/1"_ba);
    QCOMPARE(records.at(1).path, "/2"_ba);
    QCOMPARE_LT(records.at(0).id, records.at(1).id);
    QCOMPARE(records.at(0).requestBytes, get("/1").size());
    QCOMPARE(records.at(1).requestBytes, get("/2").size());
    QCOMPARE(records.at(0).responseBytes, response1.size());
    QCOMPARE(records.at(1).responseBytes, response2.size());
    QCOMPARE(records.at(1).status, 200);
    QCOMPARE_LE(records.at(0).started, records.at(1).started);
}

void tst_HttpTap::pipelined()
{
    RequestLog log;
    HttpTap tap(&log);
    const QByteArray requests = get("/a") + "HEAD /b HTTP/1.1\r\nHost: a\r\n\r\n" + get("/c");
    const QByteArray responseA = ok("aaaa");
    const QByteArray responseB = "HTTP/1.1 200 OK\r\nContent-Length: 999\r\n\r\n"_ba; // HEAD
    const QByteArray responseC = "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno"_ba;

    tap.requestBytes(requests); // all three at once
    const QByteArray responses = responseA + responseB + responseC;
    tap.responseBytes(responses.first(responseA.size() + 5)); // a boundary inside a response
    QCOMPARE(recordsOf(log).size(), 1);
    tap.responseBytes(responses.sliced(responseA.size() + 5));

    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).path, "/a"_ba);
    QCOMPARE(records.at(1).path, "/b"_ba);
    QCOMPARE(records.at(1).method, "HEAD"_ba);
    QCOMPARE(records.at(2).path, "/c"_ba);
    QCOMPARE(records.at(0).status, 200);
    QCOMPARE(records.at(1).status, 200);
    QCOMPARE(records.at(2).status, 404);
    QCOMPARE(records.at(0).responseBytes, responseA.size());
    QCOMPARE(records.at(1).responseBytes, responseB.size());
    QCOMPARE(records.at(2).responseBytes, responseC.size());
    QCOMPARE(records.at(0).requestBytes + records.at(1).requestBytes + records.at(2).requestBytes,
             requests.size());
    QCOMPARE(records.at(0).requestBytes, get("/a").size());
    for (const RequestRecord &record : records)
        QVERIFY2(record.error.isEmpty(), qPrintable(record.error));
}

void tst_HttpTap::headResponseHasNoBody()
{
    RequestLog log;
    HttpTap tap(&log);
    const QByteArray head = "HEAD /big.iso HTTP/1.1\r\nHost: a\r\n\r\n"_ba;
    const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 1234567\r\n\r\n"_ba;
    tap.requestBytes(head);
    tap.responseBytes(response);

    QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1); // complete without waiting for 1234567 bytes
    QCOMPARE(records.at(0).method, "HEAD"_ba);
    QCOMPARE(records.at(0).status, 200);
    QCOMPARE(records.at(0).responseBytes, response.size());
    QCOMPARE(records.at(0).responseHead.value("Content-Length"), "1234567"_ba);

    // the next exchange on the connection is read as a response, not as body bytes
    tap.requestBytes(get("/next"));
    tap.responseBytes(ok("x"));
    records = recordsOf(log);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).path, "/next"_ba);
    QCOMPARE(records.at(1).responseBytes, ok("x").size());
}

void tst_HttpTap::continueThenFinal()
{
    RequestLog log;
    HttpTap tap(&log);
    const QByteArray head = "POST /upload HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                            "Content-Length: 5\r\n\r\n"_ba;
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n"_ba;
    const QByteArray final = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba;

    tap.requestBytes(head);
    tap.responseBytes(interim);
    QCOMPARE(recordsOf(log).size(), 0); // the 100 is not the answer
    tap.requestBytes("hello");
    tap.responseBytes(final);

    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).status, 200);
    QCOMPARE(records.at(0).responseHead.status, 200);
    QCOMPARE(records.at(0).requestBytes, head.size() + 5);
    QCOMPARE(records.at(0).responseBytes, interim.size() + final.size());
    QCOMPARE_GE(records.at(0).firstByteMs, 0.0);
    QVERIFY(records.at(0).error.isEmpty());
}

void tst_HttpTap::upgradeIsLoggedAtThe101()
{
    RequestLog log;
    HttpTap tap(&log);
    tap.requestBytes(UpgradeRequest);
    tap.responseBytes(SwitchingProtocols);

    // logged at once, while the connection is still open
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    const RequestRecord &record = records.at(0);
    QCOMPARE(record.kind, Kind::Upgrade);
    QCOMPARE(record.status, 101);
    QCOMPARE(record.method, "GET"_ba);
    QCOMPARE(record.path, "/chat"_ba);
    QCOMPARE(record.requestBytes, UpgradeRequest.size());
    QCOMPARE(record.responseBytes, SwitchingProtocols.size());
    QCOMPARE_GE(record.durationMs, 0.0);
    QVERIFY2(record.error.isEmpty(), qPrintable(record.error));
}

void tst_HttpTap::upgradeCloseIsLoggedWithItsBytes()
{
    RequestLog log;
    const QByteArray framesUp = "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"_ba;
    const QByteArray framesDown = "\x81\x05hello\x81\x05world"_ba;
    {
        HttpTap tap(&log);
        tap.requestBytes(UpgradeRequest);
        tap.responseBytes(SwitchingProtocols + framesDown.first(7)); // frames right after the head
        tap.requestBytes(framesUp);
        tap.requestBytes("GET / HTTP/1.1\r\n\r\n"); // raw bytes now, not a request
        tap.responseBytes(framesDown.sliced(7));
        tap.responseEnded();
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 2);

    const RequestRecord &upgrade = records.at(0);
    QCOMPARE(upgrade.kind, Kind::Upgrade);
    QCOMPARE(upgrade.status, 101);

    const RequestRecord &closed = records.at(1);
    QCOMPARE(closed.kind, Kind::UpgradeClosed);
    QCOMPARE(closed.status, 101);
    QCOMPARE(closed.path, "/chat"_ba);
    QCOMPARE(closed.requestBytes, UpgradeRequest.size() + framesUp.size() + 18);
    QCOMPARE(closed.responseBytes, SwitchingProtocols.size() + framesDown.size());
    QCOMPARE_GE(closed.durationMs, upgrade.durationMs);
    QVERIFY2(closed.error.isEmpty(), qPrintable(closed.error));
    QCOMPARE_GT(closed.id, upgrade.id);
}

void tst_HttpTap::connectTunnelIsLoggedAsUpgrade()
{
    RequestLog log;
    const QByteArray connect =
            "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"_ba;
    const QByteArray established = "HTTP/1.1 200 Connection Established\r\n\r\n"_ba;
    {
        HttpTap tap(&log);
        tap.requestBytes(connect);
        tap.responseBytes(established);
        QList<RequestRecord> records = recordsOf(log);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).kind, Kind::Upgrade);
        QCOMPARE(records.at(0).method, "CONNECT"_ba);
        QCOMPARE(records.at(0).status, 200);
        tap.requestBytes("\x16\x03\x01"_ba);
        tap.responseBytes("\x16\x03\x03\x00"_ba);
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).kind, Kind::UpgradeClosed);
    QCOMPARE(records.at(1).requestBytes, connect.size() + 3);
    QCOMPARE(records.at(1).responseBytes, established.size() + 4);
}

void tst_HttpTap::readUntilClose_data()
{
    QTest::addColumn<QByteArray>("response");

    QTest::newRow("no length") << "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nstream"_ba;
    QTest::newRow("Connection: close") << "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nab"_ba;
    QTest::newRow("HTTP/1.0") << "HTTP/1.0 200 OK\r\n\r\nold style body"_ba;
    QTest::newRow("empty body") << "HTTP/1.1 500 Internal Server Error\r\n\r\n"_ba;
}

void tst_HttpTap::readUntilClose()
{
    QFETCH(QByteArray, response);

    RequestLog log;
    HttpTap tap(&log);
    tap.requestBytes(Get);
    tap.responseBytes(response);
    tap.responseBytes("more body");
    QCOMPARE(recordsOf(log).size(), 0); // the body ends only with the connection
    tap.responseEnded();

    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).status, response.startsWith("HTTP/1.1 500") ? 500 : 200);
    QCOMPARE(records.at(0).responseBytes, response.size() + 9);
    QVERIFY2(records.at(0).error.isEmpty(), qPrintable(records.at(0).error));
}

void tst_HttpTap::requestWithoutResponse()
{
    RequestLog log;
    {
        HttpTap tap(&log);
        tap.requestBytes(Get);
        QCOMPARE(recordsOf(log).size(), 0);
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).method, "GET"_ba);
    QCOMPARE(records.at(0).path, "/hello?x=1"_ba);
    QCOMPARE(records.at(0).status, 0);
    QCOMPARE(records.at(0).firstByteMs, -1.0);
    QCOMPARE(records.at(0).requestBytes, Get.size());
    QCOMPARE(records.at(0).responseBytes, 0);
    QCOMPARE_GE(records.at(0).durationMs, 0.0);
    QVERIFY(!records.at(0).error.isEmpty());
}

// A server may answer before it has read the whole request (a 204 or 413 to an upload): the
// exchange is logged at the answer, and the rest of the body is passed on without a record.
void tst_HttpTap::answeredBeforeTheBodyEnds()
{
    RequestLog log;
    HttpTap tap(&log);
    const QByteArray head = "PUT /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n";
    const QByteArray noContent = "HTTP/1.1 204 No Content\r\n\r\n";
    tap.requestBytes(head + QByteArray(1000, 'u'));
    tap.responseBytes(noContent);
    QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).status, 204);
    QCOMPARE(records.at(0).requestBytes, head.size() + 1000);
    for (int i = 0; i < 99; ++i)
        tap.requestBytes(QByteArray(1000, 'u'));
    // the connection goes on: the next exchange is logged whole
    tap.requestBytes(get("/next"));
    tap.responseBytes(ok("next"));
    records = recordsOf(log);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).path, "/next"_ba);
    QCOMPARE(records.at(1).status, 200);
    QCOMPARE(records.at(1).requestBytes, get("/next").size());
    QVERIFY(records.at(1).error.isEmpty());
}

// A server that answers half a request head (400) before the rest arrives.
void tst_HttpTap::answeredBeforeTheHeadEnds()
{
    RequestLog log;
    {
        HttpTap tap(&log);
        tap.requestBytes("GET /slow HTTP/1.1\r\nHo");
        tap.responseBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        tap.requestBytes("st: a\r\n\r\n");
        tap.requestBytes("HEAD /then HTTP/1.1\r\nHost: a\r\n\r\n");
        // a HEAD answer has no body although it names a length: the tap knows it is for HEAD
        tap.responseBytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).status, 400);
    QCOMPARE(records.at(1).method, "HEAD"_ba);
    QCOMPARE(records.at(1).status, 200);
    QVERIFY2(records.at(1).error.isEmpty(), qPrintable(records.at(1).error));
}

void tst_HttpTap::truncatedResponse()
{
    RequestLog log;
    {
        HttpTap tap(&log);
        tap.requestBytes(get("/done"));
        tap.responseBytes(ok("complete"));
        tap.requestBytes(get("/cut"));
        tap.responseBytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part");
        tap.responseEnded(); // the server went away mid-body
        tap.requestBytes("GET /half"); // and a request that never ended
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 2); // "GET /half" never became a request head
    QCOMPARE(records.at(0).path, "/done"_ba);
    QVERIFY(records.at(0).error.isEmpty());
    QCOMPARE(records.at(1).path, "/cut"_ba);
    QCOMPARE(records.at(1).status, 200);
    QVERIFY(!records.at(1).error.isEmpty());
}

void tst_HttpTap::garbageResponseStopsLogging()
{
    RequestLog log;
    {
        HttpTap tap(&log);
        tap.requestBytes(get("/first"));
        tap.responseBytes("\x00\x01garbage that is not HTTP\r\n\r\n"_ba);
        // later traffic is still passed on by the splice, but no longer logged
        tap.requestBytes(get("/second"));
        tap.responseBytes(ok("fine"));
        tap.responseBytes("HTTP/1.1 200 OK\r\n\r\n");
        tap.responseEnded();
        QCOMPARE(recordsOf(log).size(), 0);
    }
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1); // the request that got garbage, with the reason
    QCOMPARE(records.at(0).path, "/first"_ba);
    QCOMPARE(records.at(0).status, 0);
    QVERIFY2(records.at(0).error.contains(u"response"_s), qPrintable(records.at(0).error));
}

void tst_HttpTap::garbageRequestIsNotLogged()
{
    RequestLog log;
    {
        HttpTap tap(&log);
        tap.requestBytes("\x16\x03\x01\x02\x00\x01\x00\x01\xfc"_ba); // TLS on the HTTP port
        tap.responseBytes(ok("?"));
        tap.responseEnded();
    }
    QCOMPARE(recordsOf(log).size(), 0);
}

void tst_HttpTap::responseWithoutRequest()
{
    RequestLog log;
    {
        HttpTap tap(&log);
        tap.responseBytes(ok("unsolicited"));
        tap.requestBytes(get("/after"));
        tap.responseBytes(ok("x"));
        tap.responseEnded();
    }
    // nothing sensible to log, and no crash; an unanswered request may be reported
    for (const RequestRecord &record : recordsOf(log))
        QCOMPARE(record.status, 0);
}

void tst_HttpTap::logDeletedBeforeTap()
{
    auto log = std::make_unique<RequestLog>();
    HttpTap tap(log.get());
    tap.requestBytes(Get);
    log.reset();
    tap.responseBytes(Ok); // publishes to nowhere
    tap.requestBytes(Get); // left open: the destructor must not touch the log either
}

void tst_HttpTap::bodyPreviews_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("preview");
    QTest::addColumn<bool>("truncated");
    const QByteArray big(RequestRecord::PreviewLimit + 10, 'x');
    QTest::newRow("json") << QByteArray("application/json") << QByteArray("{\"a\":1}")
                          << QByteArray("{\"a\":1}") << false;
    QTest::newRow("text") << QByteArray("text/plain; charset=utf-8") << QByteArray("hello")
                          << QByteArray("hello") << false;
    QTest::newRow("binary is not kept") << QByteArray("application/octet-stream")
                                        << QByteArray("\x89PNG") << QByteArray() << true;
    QTest::newRow("an image is kept")
            << QByteArray("image/png") << QByteArray("\x89PNG") << QByteArray("\x89PNG") << false;
    QTest::newRow("no type is not kept")
            << QByteArray() << QByteArray("data") << QByteArray() << true;
    QTest::newRow("capped at the limit")
            << QByteArray("text/html") << big << big.left(RequestRecord::PreviewLimit) << true;
}

void tst_HttpTap::bodyPreviews()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, preview);
    QFETCH(bool, truncated);
    const QByteArray type =
            contentType.isEmpty() ? QByteArray() : "Content-Type: " + contentType + "\r\n";
    const QByteArray head =
            "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + type + "\r\n";

    RequestLog log;
    auto tap = std::make_unique<HttpTap>(&log);
    tap->requestBytes("POST /in HTTP/1.1\r\nHost: a\r\n" + head + body);
    // The response body arrives in two pieces.
    tap->responseBytes("HTTP/1.1 200 OK\r\n" + head + body.left(3));
    tap->responseBytes(body.mid(3));
    const QList<RequestRecord> records = recordsOf(log);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).requestBody, preview);
    QCOMPARE(records.at(0).requestBodyTruncated, truncated);
    QCOMPARE(records.at(0).responseBody, preview);
    QCOMPARE(records.at(0).responseBodyTruncated, truncated);
}

QTEST_GUILESS_MAIN(tst_HttpTap)

#include "tst_httptap.moc"
