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
    void upgradedBytesPassWithoutCopy();
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

bool run(RequestRewriter &rewriter, const QByteArrayList &chunks, QByteArray *out)
{
    for (QByteArray chunk : chunks) {
        if (!rewriter.filter(chunk))
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
            << "GET / HTTP/1.1\r\nX-Forwarded-For: 198.51.100.2\r\nHost: " + Host
                    + "\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: " + Host + "\r\n\r\n";

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

    // after the upgrade request every byte is the new protocol's, however much it looks like HTTP
    const QByteArray raw = "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"
                           "GET /evil HTTP/1.1\r\nHost: x\r\n\r\n\x00\xff"_ba;
    QTest::newRow("websocket upgrade") << u"127.0.0.1"_s
                                       << "GET /ws HTTP/1.1\r\nHost: " + Host
                    + "\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      "Sec-WebSocket-Version: 13\r\n\r\n"
                    + raw
                                       << "GET /ws HTTP/1.1\r\nHost: " + Host
                    + "\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      "Sec-WebSocket-Version: 13\r\n"
                    + forwarded("127.0.0.1", Host) + "\r\n" + raw;
}

void tst_RequestRewriter::rewrite()
{
    QFETCH(QString, visitor);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    RequestRewriter rewriter{QHostAddress(visitor)};
    QByteArray chunk = input;
    QVERIFY(rewriter.filter(chunk));
    QCOMPARE(chunk, expected);
}

void tst_RequestRewriter::rewriteSplitInTwo()
{
    QFETCH(QString, visitor);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    for (qsizetype at = 1; at < input.size(); ++at) {
        RequestRewriter rewriter{QHostAddress(visitor)};
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
    RequestRewriter rewriter{QHostAddress(visitor)};
    QByteArray out;
    QVERIFY(run(rewriter, bytes, &out));
    QCOMPARE(out, expected);
}

void tst_RequestRewriter::bodyChunkPassesWithoutCopy()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost)};
    QByteArray head = "POST / HTTP/1.1\r\nHost: " + Host + "\r\nContent-Length: 20000\r\n\r\n";
    QVERIFY(rewriter.filter(head));
    QVERIFY(head.contains("X-Forwarded-For: 127.0.0.1\r\n"));

    const QByteArray body(10000, 'x');
    QByteArray chunk = body;
    QVERIFY(rewriter.filter(chunk));
    QCOMPARE(chunk, body);
    QCOMPARE(quintptr(chunk.constData()), quintptr(body.constData())); // forwarded as it is

    chunk = body;
    QVERIFY(rewriter.filter(chunk)); // the last body bytes
    QCOMPARE(chunk, body);

    QByteArray next = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filter(next));
    QVERIFY(next.contains("X-Forwarded-For: 127.0.0.1\r\n"));
}

void tst_RequestRewriter::upgradedBytesPassWithoutCopy()
{
    RequestRewriter rewriter{QHostAddress(u"2001:db8::5"_s)};
    QByteArray head = "GET /socket HTTP/1.1\r\nHost: " + Host
            + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n";
    QVERIFY(rewriter.filter(head));
    QVERIFY(head.contains("X-Forwarded-For: 2001:db8::5\r\n"));
    QVERIFY(rewriter.parser().isPassthrough());

    for (const QByteArray &raw :
         {"\x81\x05hello"_ba, "GET / HTTP/1.1\r\n\r\n"_ba, "garbage \x01\x02"_ba}) {
        QByteArray chunk = raw;
        QVERIFY(rewriter.filter(chunk));
        QCOMPARE(chunk, raw);
        QCOMPARE(quintptr(chunk.constData()), quintptr(raw.constData()));
    }
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

    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost)};
    QByteArray chunk = input;
    QVERIFY(!rewriter.filter(chunk));
    QVERIFY(rewriter.parser().error() != HttpParser::Error::None);

    // split into small pieces it is refused too, at the latest on the last one
    RequestRewriter split{QHostAddress(QHostAddress::LocalHost)};
    bool refused = false;
    for (qsizetype at = 0; at < input.size() && !refused; at += 7) {
        QByteArray piece = input.sliced(at, qMin<qsizetype>(7, input.size() - at));
        refused = !split.filter(piece);
    }
    QVERIFY(refused);
}

void tst_RequestRewriter::malformedAfterAGoodRequest()
{
    RequestRewriter rewriter{QHostAddress(QHostAddress::LocalHost)};
    QByteArray first = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(rewriter.filter(first));
    QByteArray second = "\x01\x02\x03"_ba;
    QVERIFY(!rewriter.filter(second));
    // and it stays refused
    QByteArray third = "GET / HTTP/1.1\r\nHost: " + Host + "\r\n\r\n";
    QVERIFY(!rewriter.filter(third));
}

void tst_RequestRewriter::firstHead()
{
    RequestRewriter rewriter{QHostAddress(u"::ffff:10.1.2.3"_s)};
    QVERIFY(!rewriter.firstHead());

    QByteArray part = "GET /first HTTP/1.1\r\nHo"_ba;
    QVERIFY(rewriter.filter(part));
    QVERIFY(part.isEmpty()); // a partial head is held back
    QVERIFY(!rewriter.firstHead());

    QByteArray rest = "st: " + Host + "\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n";
    QVERIFY(rewriter.filter(rest));
    QVERIFY(rewriter.firstHead().has_value());
    const HttpHead head = *rewriter.firstHead();
    QCOMPARE(head.method, "GET"_ba);
    QCOMPARE(head.target, "/first"_ba);
    QCOMPARE(head.value("Host"), Host);
    QCOMPARE(head.value("X-Forwarded-For"), "10.1.2.3"_ba);
    QCOMPARE(head.value("X-Forwarded-Proto"), "http"_ba);
    QCOMPARE(head.value("X-Forwarded-Host"), Host);
    QCOMPARE(rest, head.serialize());

    QByteArray second = "DELETE /second HTTP/1.1\r\nHost: other.localhost\r\n\r\n"_ba;
    QVERIFY(rewriter.filter(second));
    QCOMPARE(rewriter.firstHead()->target, "/first"_ba); // still the first one
    QCOMPARE(rewriter.firstHead()->method, "GET"_ba);
}

QTEST_APPLESS_MAIN(tst_RequestRewriter)

#include "tst_requestrewriter.moc"
