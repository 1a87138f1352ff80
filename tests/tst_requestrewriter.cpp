// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include "requestrewriter.h"

using namespace Qt::StringLiterals;

class tst_RequestRewriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rewrite_data();
    void rewrite();
    void rewriteSplitInTwo_data() { rewrite_data(); }
    void rewriteSplitInTwo();
    void rewriteByteByByte_data() { rewrite_data(); }
    void rewriteByteByByte();
    void bodyChunkPassesWithoutCopy();
    void httpsVisitorsGetProtoHttps();
    void acceptedUpgradeGoesRaw();
    void refusedUpgradeCannotSmuggleARequest_data();
    void refusedUpgradeCannotSmuggleARequest();
    void unaskedSwitchIsRefused();
    void forgeableHeadersGo_data();
    void forgeableHeadersGo();
    void forgedTrailersGo();
    void hostRules_data();
    void hostRules();
    void absoluteFormWinsOverHost();
    void forwardedHostIsCanonical();
    void laterRequestForAnotherTunnel();
    void invalidResponseHeadIs502();
    void idleOnlyBetweenExchanges();
    void malformed_data();
    void malformed();
    void malformedAfterAGoodRequest();
    void firstHead();
};

namespace {

// The three headers the edge appends (or puts in place of the visitor's own).
QByteArray forwarded(const char *visitor, const char *host)
{
    return "X-Forwarded-For: "_ba + visitor
            + "\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: " + host + "\r\n";
}

const QByteArray Host = "brave-otter.localhost:8080"_ba;
const QString Domain = u"localhost"_s;

bool run(RequestRewriter &rewriter, const QByteArrayList &chunks, QByteArray *out)
{
    for (QByteArray chunk : chunks) {
        if (!rewriter.filterRequest(chunk))
            return false;
        out->append(chunk);
    }
    return true;
}

} // namespace

void tst_RequestRewriter::rewrite_data()
{
    QTest::addColumn<QString>("visitor");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray get = "GET /a?b=c HTTP/1.1\r\nHost: " + Host + "\r\nAccept: */*\r\n\r\n";
    const QByteArray getOut = "GET /a?b=c HTTP/1.1\r\nHost: " + Host + "\r\nAccept: */*\r\n"
            + forwarded("127.0.0.1", Host) + "\r\n";

    QTest::newRow("IPv4") << u"127.0.0.1"_s << get << getOut;
    QTest::newRow("IPv4 public") << u"203.0.113.9"_s << get
                                 << "GET /a?b=c HTTP/1.1\r\nHost: " + Host + "\r\nAccept: */*\r\n"
                    + forwarded("203.0.113.9", Host) + "\r\n";
    QTest::newRow("IPv4-mapped IPv6") << u"::ffff:192.0.2.7"_s << get
                                      << "GET /a?b=c HTTP/1.1\r\nHost: " + Host
                    + "\r\nAccept: */*\r\n" + forwarded("192.0.2.7", Host) + "\r\n";
    QTest::newRow("IPv6") << u"2001:db8::1"_s << get
                          << "GET /a?b=c HTTP/1.1\r\nHost: " + Host + "\r\nAccept: */*\r\n"
                    + forwarded("2001:db8::1", Host) + "\r\n";
    QTest::newRow("IPv6 loopback") << u"::1"_s << get
                                   << "GET /a?b=c HTTP/1.1\r\nHost: " + Host + "\r\nAccept: */*\r\n"
                    + forwarded("::1", Host) + "\r\n";

    QTest::newRow("HTTP/1.0 keeps its version")
            << u"127.0.0.1"_s << "GET / HTTP/1.0\r\nHost: a.localhost\r\n\r\n"_ba
            << "GET / HTTP/1.0\r\nHost: a.localhost\r\n" + forwarded("127.0.0.1", "a.localhost")
                    + "\r\n";

    // whatever the visitor claims is replaced, in place, and duplicates go
    QTest::newRow("visitor X-Forwarded-* replaced")
            << u"198.51.100.2"_s
            << "GET / HTTP/1.1\r\nX-Forwarded-For: 6.6.6.6\r\nHost: " + Host
                    + "\r\nx-forwarded-for: 7.7.7.7, 8.8.8.8\r\nX-Forwarded-Proto: https\r\n"
                      "X-Forwarded-Host: bank.example\r\n\r\n"
            << "GET / HTTP/1.1\r\nHost: " + Host + "\r\n" + forwarded("198.51.100.2", Host)
                    + "\r\n";

    QTest::newRow("pipelined") << u"127.0.0.1"_s
                               << "GET /1 HTTP/1.1\r\nHost: " + Host
                    + "\r\n\r\nGET /2 HTTP/1.1\r\nHost: " + Host
                    + "\r\n\r\nHEAD /3 HTTP/1.1\r\nHost: " + Host + "\r\n\r\n"
                               << "GET /1 HTTP/1.1\r\nHost: " + Host + "\r\n"
                    + forwarded("127.0.0.1", Host) + "\r\nGET /2 HTTP/1.1\r\nHost: " + Host + "\r\n"
                    + forwarded("127.0.0.1", Host) + "\r\nHEAD /3 HTTP/1.1\r\nHost: " + Host
                    + "\r\n" + forwarded("127.0.0.1", Host) + "\r\n";

    // a body that looks like a request head must not be touched
    const QByteArray body = "GET /not-a-request HTTP/1.1\r\nHost: x\r\n\r\n"_ba;
    QTest::newRow("Content-Length body, then another request")
            << u"127.0.0.1"_s
            << "POST /form HTTP/1.1\r\nHost: " + Host
                    + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body
                    + "GET /next HTTP/1.1\r\nHost: " + Host + "\r\n\r\n"
            << "POST /form HTTP/1.1\r\nHost: " + Host + "\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n" + forwarded("127.0.0.1", Host)
                    + "\r\n" + body + "GET /next HTTP/1.1\r\nHost: " + Host + "\r\n"
                    + forwarded("127.0.0.1", Host) + "\r\n";

    const QByteArray chunked = "5\r\nhello\r\n1a;ext=1\r\n" + QByteArray(0x1a, 'b')
            + "\r\n0\r\nTrailer-Field: x\r\n\r\n";
    QTest::newRow("chunked body with trailer, then another request")
            << u"127.0.0.1"_s
            << "PUT /up HTTP/1.1\r\nHost: " + Host + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunked + "GET /next HTTP/1.1\r\nHost: " + Host + "\r\n\r\n"
            << "PUT /up HTTP/1.1\r\nHost: " + Host + "\r\nTransfer-Encoding: chunked\r\n"
                    + forwarded("127.0.0.1", Host) + "\r\n" + chunked
                    + "GET /next HTTP/1.1\r\nHost: " + Host + "\r\n" + forwarded("127.0.0.1", Host)
                    + "\r\n";

    QTest::newRow("empty Content-Length body")
            << u"127.0.0.1"_s
            << "POST / HTTP/1.1\r\nHost: " + Host + "\r\nContent-Length: 0\r\n\r\n"
            << "POST / HTTP/1.1\r\nHost: " + Host + "\r\nContent-Length: 0\r\n"
                    + forwarded("127.0.0.1", Host) + "\r\n";
}

void tst_RequestRewriter::rewrite()
{
    QFETCH(QString, visitor);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    RequestRewriter rewriter{QHostAddress(visitor), Domain};
    QByteArray chunk = input;
    QVERIFY(rewriter.filterRequest(chunk));
    QCOMPARE(chunk, expected);
}

void tst_RequestRewriter::rewriteSplitInTwo()
{
    QFETCH(QString, visitor);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    for (qsizetype at = 1; at < input.size(); ++at) {
        RequestRewriter rewriter{QHostAddress(visitor), Domain};
        QByteArray out;
        QVERIFY2(run(rewriter, {input.first(at), input.sliced(at)}, &out),
                 qPrintable(u"split at %1"_s.arg(at)));
        if (out != expected)
            QCOMPARE(out, expected); // only print the first difference
    }
}

void tst_RequestRewriter::rewriteByteByByte()
{
    QFETCH(QString, visitor);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    QByteArrayList bytes;
    for (const char c : input)
        bytes.append(QByteArray(1, c));
    RequestRewriter rewriter{QHostAddress(visitor), Domain};
    QByteArray out;
    QVERIFY(run(rewriter, bytes, &out));
    QCOMPARE(out, expected);
}

void tst_RequestRewriter::httpsVisitorsGetProtoHttps()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain,
                             RequestRewriter::Scheme::Https};
    QByteArray head = "GET / HTTP/1.1\r\nHost: " + Host + "\r\nX-Forwarded-Proto: http\r\n\r\n";
    QVERIFY(rewriter.filterRequest(head));
    QVERIFY2(head.contains("X-Forwarded-Proto: https\r\n"), head.constData());
    QCOMPARE(head.count("X-Forwarded-Proto"), 1);
}

void tst_RequestRewriter::bodyChunkPassesWithoutCopy()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray head = "POST / HTTP/1.1\r\nHost: " + Host + "\r\nContent-Length: 20000\r\n\r\n";
    QVERIFY(rewriter.filterRequest(head));
    QVERIFY(head.contains("X-Forwarded-For: 127.0.0.1\r\n"));

    const QByteArray body(10000, 'x');
    QByteArray chunk = body;
    QVERIFY(rewriter.filterRequest(chunk));
    QCOMPARE(chunk, body);
    QCOMPARE(quintptr(chunk.constData()), quintptr(body.constData())); // forwarded as it is

    chunk = body;
    QVERIFY(rewriter.filterRequest(chunk)); // the last body bytes
    QCOMPARE(chunk, body);

    QByteArray next = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(next));
    QVERIFY(next.contains("X-Forwarded-For: 127.0.0.1\r\n"));
}

void tst_RequestRewriter::acceptedUpgradeGoesRaw()
{
    RequestRewriter rewriter{QHostAddress(u"2001:db8::5"_s), Domain};
    QByteArray head = "GET /socket HTTP/1.1\r\nHost: " + Host
            + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n\x81\x02hi";
    QVERIFY(rewriter.filterRequest(head));
    QVERIFY(head.contains("X-Forwarded-For: 2001:db8::5\r\n"));
    QVERIFY(head.endsWith("\r\n\r\n")); // the frame waits for the service's answer
    QVERIFY(!rewriter.isSwitched());

    QByteArray answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\n\r\n\x81\x02ok"_ba;
    const QByteArray sent = answer;
    QVERIFY(rewriter.filterResponse(answer));
    QCOMPARE(answer, sent);
    QVERIFY(rewriter.isSwitched());
    QByteArray held; // what the splice's refilter() collects
    QVERIFY(rewriter.filterRequest(held));
    QCOMPARE(held, "\x81\x02hi"_ba);

    for (const QByteArray &raw :
         {"\x81\x05hello"_ba, "GET / HTTP/1.1\r\n\r\n"_ba, "garbage \x01\x02"_ba}) {
        QByteArray chunk = raw;
        QVERIFY(rewriter.filterRequest(chunk));
        QCOMPARE(chunk, raw);
        QCOMPARE(quintptr(chunk.constData()), quintptr(raw.constData()));
        QVERIFY(rewriter.filterResponse(chunk));
        QCOMPARE(quintptr(chunk.constData()), quintptr(raw.constData()));
    }
}

void tst_RequestRewriter::refusedUpgradeCannotSmuggleARequest_data()
{
    QTest::addColumn<QByteArray>("asking");
    QTest::addColumn<QByteArray>("answer");

    QTest::newRow("h2c, answered 200")
            << "GET / HTTP/1.1\r\nHost: " + Host + "\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
            << "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba;
    QTest::newRow("websocket, answered 426")
            << "GET /ws HTTP/1.1\r\nHost: " + Host
                    + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
            << "HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\n\r\n"_ba;
    QTest::newRow("CONNECT, answered 405")
            << "CONNECT " + Host + " HTTP/1.1\r\nHost: " + Host + "\r\n\r\n"
            << "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"_ba;
}

void tst_RequestRewriter::refusedUpgradeCannotSmuggleARequest()
{
    // Before: the edge went raw at the request, so the second request reached the service with
    // the visitor's own X-Forwarded-For. Now it waits for the answer and parses on.
    QFETCH(QByteArray, asking);
    QFETCH(QByteArray, answer);
    RequestRewriter rewriter{QHostAddress(u"198.51.100.7"_s), Domain};
    QByteArray chunk = asking + "GET /admin HTTP/1.1\r\nHost: " + Host
            + "\r\nX-Forwarded-For: 6.6.6.6\r\nX-Real-IP: 6.6.6.6\r\n\r\n";
    QVERIFY(rewriter.filterRequest(chunk));
    QVERIFY(!chunk.contains("/admin"));

    QVERIFY(rewriter.filterResponse(answer));
    QVERIFY(!rewriter.isSwitched());
    QByteArray held;
    QVERIFY(rewriter.filterRequest(held));
    QCOMPARE(held,
             "GET /admin HTTP/1.1\r\nHost: " + Host + "\r\n" + forwarded("198.51.100.7", Host)
                     + "\r\n");
}

void tst_RequestRewriter::unaskedSwitchIsRefused()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray request = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(request));
    QByteArray answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n"_ba;
    QVERIFY(!rewriter.filterResponse(answer));
}

void tst_RequestRewriter::forgeableHeadersGo_data()
{
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("Forwarded") << "Forwarded: for=6.6.6.6;proto=https"_ba;
    QTest::newRow("X-Real-IP") << "X-Real-IP: 6.6.6.6"_ba;
    QTest::newRow("X-Forwarded-Port") << "X-Forwarded-Port: 443"_ba;
    QTest::newRow("X-Forwarded-Ssl") << "X-Forwarded-Ssl: on"_ba;
    QTest::newRow("underscores") << "X_Forwarded_For: 6.6.6.6"_ba;
    QTest::newRow("underscores, lowercase") << "x_real_ip: 6.6.6.6"_ba;
    QTest::newRow("mixed") << "X-Forwarded_Proto: https"_ba;
    QTest::newRow("True-Client-IP") << "True-Client-IP: 6.6.6.6"_ba;
}

void tst_RequestRewriter::forgeableHeadersGo()
{
    QFETCH(QByteArray, header);
    RequestRewriter rewriter{QHostAddress(u"203.0.113.1"_s), Domain};
    QByteArray chunk =
            "GET / HTTP/1.1\r\nHost: " + Host + "\r\n" + header + "\r\nAccept: */*\r\n\r\n";
    QVERIFY(rewriter.filterRequest(chunk));
    QCOMPARE(chunk,
             "GET / HTTP/1.1\r\nHost: " + Host + "\r\nAccept: */*\r\n"
                     + forwarded("203.0.113.1", Host) + "\r\n");
}

void tst_RequestRewriter::forgedTrailersGo()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray chunk = "POST / HTTP/1.1\r\nHost: " + Host
            + "\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Forwarded-For: 6.6.6.6\r\n"
              "X_Real_IP: 6.6.6.6\r\nHost: evil.com\r\nX-Checksum: 1\r\n\r\n";
    QVERIFY(rewriter.filterRequest(chunk));
    QVERIFY(chunk.endsWith("\r\n\r\n2\r\nok\r\n0\r\nX-Checksum: 1\r\n\r\n"));
    QVERIFY(!chunk.contains("6.6.6.6"));
    QVERIFY(!chunk.contains("evil.com"));
}

void tst_RequestRewriter::hostRules_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");

    const QByteArray get = "GET / HTTP/1.1\r\n"_ba;
    QTest::newRow("no Host") << get + "Accept: */*\r\n\r\n" << 400;
    QTest::newRow("two Hosts") << get + "Host: " + Host + "\r\nHost: evil.com\r\n\r\n" << 400;
    QTest::newRow("two Hosts, same value") << get + "Host: " + Host + "\r\nhost: " + Host
                    + "\r\n\r\n" << 400;
    QTest::newRow("a list") << get + "Host: brave-otter.localhost:1, evil.com\r\n\r\n" << 400;
    QTest::newRow("user info") << get + "Host: brave-otter.localhost:@evil.com\r\n\r\n" << 400;
    QTest::newRow("space") << get + "Host: brave-otter.localhost evil.com\r\n\r\n" << 400;
    QTest::newRow("absolute-form with user info")
            << "GET http://evil.com@brave-otter.localhost/ HTTP/1.1\r\nHost: " + Host + "\r\n\r\n"
            << 400;
    QTest::newRow("absolute-form, other scheme")
            << "GET ftp://brave-otter.localhost/ HTTP/1.1\r\nHost: " + Host + "\r\n\r\n"
            << 400;
    QTest::newRow("HTTP/2.0") << "GET / HTTP/2.0\r\nHost: " + Host + "\r\n\r\n" << 505;
    QTest::newRow("HTTP/2 preface") << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"_ba << 505;
    QTest::newRow("HTTP/1.0 with Transfer-Encoding") << "POST / HTTP/1.0\r\nHost: " + Host
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                                     << 400;
    QTest::newRow("head too large")
            << get + "Host: " + Host + "\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n"
            << 431;
    QTest::newRow("10,000 headers in 64 KiB")
            << get + "Host: " + Host + "\r\n" + "a:b\r\n"_ba.repeated(10'000) + "\r\n"
            << 431;
}

void tst_RequestRewriter::hostRules()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray chunk = head;
    QVERIFY(!rewriter.filterRequest(chunk)); // the edge answers a first request itself
    QVERIFY(rewriter.refusal());
    QCOMPARE(rewriter.refusal()->status, status);
    QVERIFY(!rewriter.refusal()->detail.isEmpty());
}

void tst_RequestRewriter::absoluteFormWinsOverHost()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray chunk = "GET http://Brave-Otter.localhost:8080/a?b HTTP/1.1\r\n"
                       "Host: other.localhost\r\n\r\n"_ba;
    QVERIFY(rewriter.filterRequest(chunk));
    QCOMPARE(rewriter.tunnelName(), u"brave-otter"_s);
    QCOMPARE(chunk,
             "GET /a?b HTTP/1.1\r\nHost: " + Host + "\r\n" + forwarded("127.0.0.1", Host) + "\r\n");

    RequestRewriter noPath{QHostAddress(QHostAddress::LocalHost), Domain};
    chunk = "OPTIONS http://brave-otter.localhost:8080?x HTTP/1.1\r\nHost: x.localhost\r\n\r\n"_ba;
    QVERIFY(noPath.filterRequest(chunk));
    QVERIFY(chunk.startsWith("OPTIONS /?x HTTP/1.1\r\nHost: " + Host + "\r\n"));
}

void tst_RequestRewriter::forwardedHostIsCanonical()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray chunk = "GET / HTTP/1.1\r\nHost: BRAVE-otter.LocalHost.:08080\r\n\r\n"_ba;
    QVERIFY(rewriter.filterRequest(chunk));
    QCOMPARE(rewriter.firstHead()->value("X-Forwarded-Host"), "brave-otter.localhost:8080"_ba);
    QCOMPARE(rewriter.firstHead()->value("Host"), "brave-otter.localhost:8080"_ba);
}

void tst_RequestRewriter::laterRequestForAnotherTunnel()
{
    // The page for the refused request goes out after the response to the one before it.
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray chunk = "GET /1 HTTP/1.1\r\nHost: " + Host
            + "\r\n\r\nGET /2 HTTP/1.1\r\nHost: other.localhost\r\nAccept: text/html\r\n\r\n"
              "GET /3 HTTP/1.1\r\nHost: "
            + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(chunk));
    QVERIFY(chunk.startsWith("GET /1 "));
    QVERIFY(!chunk.contains("/2") && !chunk.contains("/3"));
    QVERIFY(rewriter.refusal());
    QCOMPARE(rewriter.refusal()->status, 400);
    QVERIFY(rewriter.refusal()->detail.contains(u"other.localhost"_s));
    QVERIFY(rewriter.refusal()->html);
    QVERIFY(!rewriter.refusalSent());

    QByteArray later = "GET /4 HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(later));
    QVERIFY(later.isEmpty()); // dropped

    const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba;
    QByteArray answer = response;
    QVERIFY(rewriter.filterResponse(answer));
    QVERIFY(answer.startsWith(response + "HTTP/1.1 400 Bad Request\r\n"));
    QVERIFY(rewriter.refusalSent());
}

void tst_RequestRewriter::invalidResponseHeadIs502()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray request = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(request));
    QByteArray answer = "HTTP/1.1 200 OK\r\nBad Header\r\n\r\n"_ba;
    QVERIFY(rewriter.filterResponse(answer));
    QVERIFY(answer.startsWith("HTTP/1.1 502 Bad Gateway\r\n"));
    QVERIFY(rewriter.refusalSent());
}

void tst_RequestRewriter::idleOnlyBetweenExchanges()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QVERIFY(rewriter.idleSince());
    QByteArray request = "POST / HTTP/1.1\r\nHost: " + Host + "\r\nContent-Length: 4\r\n\r\nab";
    QVERIFY(rewriter.filterRequest(request));
    QVERIFY(!rewriter.idleSince()); // a request in flight
    QByteArray rest = "cd"_ba;
    QVERIFY(rewriter.filterRequest(rest));
    QVERIFY(!rewriter.idleSince()); // its response still due
    QByteArray answer = "HTTP/1.1 204 No Content\r\n\r\n"_ba;
    QVERIFY(rewriter.filterResponse(answer));
    QVERIFY(rewriter.idleSince());
}

void tst_RequestRewriter::malformed_data()
{
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("TLS client hello") << "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"_ba;
    QTest::newRow("no spaces") << "garbage\r\n\r\n"_ba;
    QTest::newRow("HTTP/2 preface") << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"_ba;
    QTest::newRow("bare LF") << "GET / HTTP/1.1\nHost: a\n\n"_ba;
    QTest::newRow("space before colon") << "GET / HTTP/1.1\r\nHost : a\r\n\r\n"_ba;
    QTest::newRow("obsolete folding") << "GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n"_ba;
    QTest::newRow("Content-Length and chunked")
            << "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
               "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba;
    QTest::newRow("bad Content-Length")
            << "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n"_ba;
    QTest::newRow("bad chunk size")
            << "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba;
    QTest::newRow("head too large")
            << "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n";
}

void tst_RequestRewriter::malformed()
{
    QFETCH(QByteArray, input);

    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray chunk = input;
    // false when the first head is bad (the edge answers); else the page follows the response
    const bool passed = rewriter.filterRequest(chunk);
    QCOMPARE(passed, rewriter.firstHead().has_value());
    QVERIFY(rewriter.refusal());

    // split into small pieces it is refused too, at the latest on the last one
    RequestRewriter split{QHostAddress(QHostAddress::LocalHost), Domain};
    for (qsizetype at = 0; at < input.size() && !split.refusal(); at += 7) {
        QByteArray piece = input.sliced(at, qMin<qsizetype>(7, input.size() - at));
        split.filterRequest(piece);
    }
    QVERIFY(split.refusal());
}

void tst_RequestRewriter::malformedAfterAGoodRequest()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost), Domain};
    QByteArray first = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(first));
    QByteArray second = "\x01\x02\x03"_ba;
    QVERIFY(rewriter.filterRequest(second)); // the page waits for the first response
    QVERIFY(second.isEmpty());
    QCOMPARE(rewriter.refusal()->status, 400);
    // and it stays refused: nothing more reaches the tunnel
    QByteArray third = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(third));
    QVERIFY(third.isEmpty());
}

void tst_RequestRewriter::firstHead()
{
    RequestRewriter rewriter{QHostAddress(u"::ffff:10.1.2.3"_s), Domain};
    QVERIFY(!rewriter.firstHead());

    QByteArray part = "GET /first HTTP/1.1\r\nHo"_ba;
    QVERIFY(rewriter.filterRequest(part));
    QVERIFY(part.isEmpty()); // a partial head is held back
    QVERIFY(!rewriter.firstHead());

    QByteArray rest = "st: " + Host + "\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n";
    QVERIFY(rewriter.filterRequest(rest));
    QVERIFY(rewriter.firstHead().has_value());
    const HttpHead head = *rewriter.firstHead();
    QCOMPARE(head.method, "GET"_ba);
    QCOMPARE(head.target, "/first"_ba);
    QCOMPARE(head.value("Host"), Host);
    QCOMPARE(head.value("X-Forwarded-For"), "10.1.2.3"_ba);
    QCOMPARE(head.value("X-Forwarded-Proto"), "http"_ba);
    QCOMPARE(head.value("X-Forwarded-Host"), Host);
    QCOMPARE(rest, head.serialize());

    QByteArray second = "DELETE /second HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filterRequest(second));
    QCOMPARE(rewriter.firstHead()->target, "/first"_ba); // still the first one
    QCOMPARE(rewriter.firstHead()->method, "GET"_ba);
}

QTEST_APPLESS_MAIN(tst_RequestRewriter)

#include "tst_requestrewriter.moc"
