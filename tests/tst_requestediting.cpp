// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// RequestEditing: a logged request as text to edit and back, chunk framing, and curl commands.

#include "requestediting.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_RequestEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dechunked_data();
    void dechunked();
    void wholeBody();
    void editedFollowsTheBody();
    void editedRefusesWhatTheTunnelWouldRefuse_data();
    void editedRefusesWhatTheTunnelWouldRefuse();
    void curlCommand();
    void curlCommandRunsInAShell();
};

namespace {

RequestRecord posted(const QByteArray &body, const QByteArray &extraHeader = {})
{
    HttpParser parser(HttpParser::Kind::Request);
    const QByteArray head = "POST /api/items?x=1 HTTP/1.1\r\nHost: otter.example.com\r\n"
                            "Content-Type: application/json\r\nX-Forwarded-For: 203.0.113.7\r\n"
            + extraHeader + "\r\n";
    parser.feed(head);
    RequestRecord record;
    record.id = 7;
    record.method = "POST";
    record.path = "/api/items?x=1";
    record.requestHead = parser.head();
    record.requestBody = body;
    return record;
}

} // namespace

void tst_RequestEditing::dechunked_data()
{
    QTest::addColumn<QByteArray>("framed");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("two chunks") << "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"_ba << true
                                << "hello world"_ba;
    QTest::newRow("extension and trailer")
            << "5;name=x\r\nhello\r\n0\r\nExpires: never\r\n\r\n"_ba << true << "hello"_ba;
    QTest::newRow("upper-case hex") << "A\r\n0123456789\r\n0\r\n\r\n"_ba << true << "0123456789"_ba;
    QTest::newRow("cut short") << "5\r\nhel"_ba << false << QByteArray();
    QTest::newRow("no last chunk") << "5\r\nhello\r\n"_ba << false << QByteArray();
    QTest::newRow("not hex") << "zz\r\nhello\r\n0\r\n\r\n"_ba << false << QByteArray();
    QTest::newRow("size past the end") << "ffff\r\nhello\r\n0\r\n\r\n"_ba << false << QByteArray();
    QTest::newRow("no CRLF after data") << "5\r\nhelloXX0\r\n\r\n"_ba << false << QByteArray();
}

void tst_RequestEditing::dechunked()
{
    QFETCH(QByteArray, framed);
    QFETCH(bool, whole);
    QFETCH(QByteArray, body);
    const std::optional<QByteArray> result = RequestEditing::dechunked(framed);
    QCOMPARE(result.has_value(), whole);
    if (whole)
        QCOMPARE(*result, body);
}

void tst_RequestEditing::wholeBody()
{
    QCOMPARE(RequestEditing::wholeBody(posted("{}", "Content-Length: 2\r\n")), "{}"_ba);
    QVERIFY(!RequestEditing::wholeBody(posted("{", "Content-Length: 2\r\n"))); // cut
    QCOMPARE(RequestEditing::wholeBody(
                     posted("2\r\n{}\r\n0\r\n\r\n", "Transfer-Encoding: chunked\r\n")),
             "{}"_ba);
    RequestRecord truncated = posted("{");
    truncated.requestBodyTruncated = true;
    QVERIFY(!RequestEditing::wholeBody(truncated));
}

// The edited request goes out whole: Content-Length says the new body's size, the chunked
// framing and the forwarding headers rok-server added go, and it remembers its original.
void tst_RequestEditing::editedFollowsTheBody()
{
    const RequestRecord original = posted("2\r\n{}\r\n0\r\n\r\n", "Transfer-Encoding: chunked\r\n");
    const QString lines = RequestEditing::headerLines(original.requestHead);
    QVERIFY(lines.contains(u"Content-Type: application/json\n"_s));
    QString error;
    const std::optional<RequestRecord> edited =
            RequestEditing::edited(original, u"PUT"_s, u"/api/items/3"_s, lines + u"X-Debug: 1\n"_s,
                                   "{\"name\":\"zoë\"}"_ba, &error);
    QVERIFY2(edited, qPrintable(error));
    QCOMPARE(edited->method, "PUT"_ba);
    QCOMPARE(edited->path, "/api/items/3"_ba);
    QCOMPARE(edited->replayOf, original.id);
    QCOMPARE(edited->requestHead.value("Content-Length"), "15"_ba);
    QCOMPARE(edited->requestHead.value("X-Debug"), "1"_ba);
    QCOMPARE(edited->requestHead.value("Host"), "otter.example.com"_ba);
    QVERIFY(edited->requestHead.value("Transfer-Encoding").isEmpty());
    QVERIFY(edited->requestHead.value("X-Forwarded-For").isEmpty());
    QCOMPARE(edited->requestBody, "{\"name\":\"zoë\"}"_ba);
    QCOMPARE(RequestEditing::wholeBody(*edited), edited->requestBody); // Replayer accepts it
}

void tst_RequestEditing::editedRefusesWhatTheTunnelWouldRefuse_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("headers");
    QTest::newRow("space in the method") << u"GE T"_s << u"/"_s << u"Host: a\n"_s;
    QTest::newRow("no method") << u""_s << u"/"_s << u"Host: a\n"_s;
    QTest::newRow("path without /") << u"GET"_s << u"api"_s << u"Host: a\n"_s;
    QTest::newRow("space in the path") << u"GET"_s << u"/a b"_s << u"Host: a\n"_s;
    QTest::newRow("header without a colon") << u"GET"_s << u"/"_s << u"Host: a\nbroken\n"_s;
    QTest::newRow("no Host") << u"GET"_s << u"/"_s << u"Accept: */*\n"_s;
    QTest::newRow("not ASCII") << u"GET"_s << u"/"_s << u"Host: a\nX-Name: zoë\n"_s;
}

void tst_RequestEditing::editedRefusesWhatTheTunnelWouldRefuse()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, headers);
    QString error;
    QVERIFY(!RequestEditing::edited(posted({}), method, path, headers, {}, &error));
    QVERIFY(!error.isEmpty());
}

void tst_RequestEditing::curlCommand()
{
    const RequestRecord record = posted("{\"it's\":1}", "Content-Length: 10\r\n");
    const QString command = RequestEditing::curlCommand(record, u"https://otter.example.com/"_s);
    QCOMPARE(command,
             u"curl 'https://otter.example.com/api/items?x=1' -H 'Content-Type: application/json' "
             u"--data-binary '{\"it'\\''s\":1}'"_s);

    RequestRecord head = posted({});
    head.requestHead.method = "HEAD";
    QVERIFY(RequestEditing::curlCommand(head, u"http://a"_s).startsWith(u"curl --head "_s));
    RequestRecord del = posted({});
    del.requestHead.method = "DELETE";
    QVERIFY(RequestEditing::curlCommand(del, u"http://a"_s).startsWith(u"curl -X DELETE "_s));
    RequestRecord cut = posted("{");
    cut.requestBodyTruncated = true;
    const QString withoutBody = RequestEditing::curlCommand(cut, u"http://a"_s);
    QVERIFY(!withoutBody.contains(u"--data-binary"_s));
    QVERIFY2(withoutBody.contains(u"  # the body was not kept"_s), qPrintable(withoutBody));
}

// What the shell hands curl is exactly what was recorded, quotes and all: sh runs a command
// with `printf` in curl's place.
void tst_RequestEditing::curlCommandRunsInAShell()
{
    const RequestRecord record =
            posted("a'b\"c $HOME `x` \\n", "Content-Length: 18\r\nX-Quote: it's \"so\"\r\n");
    QString command = RequestEditing::curlCommand(record, u"http://a.localhost:8080"_s);
    QVERIFY(command.startsWith(u"curl "_s));
    command.replace(0, 4, u"printf '%s\\n'"_s);
    QProcess sh;
    sh.start(u"/bin/sh"_s, {u"-c"_s, command});
    QVERIFY(sh.waitForFinished());
    const QList<QByteArray> arguments = sh.readAllStandardOutput().split('\n');
    QVERIFY(arguments.contains("X-Quote: it's \"so\""_ba));
    QVERIFY(arguments.contains("a'b\"c $HOME `x` \\n"_ba));
    QVERIFY(arguments.contains("http://a.localhost:8080/api/items?x=1"_ba));
}

QTEST_MAIN(tst_RequestEditing)
#include "tst_requestediting.moc"
