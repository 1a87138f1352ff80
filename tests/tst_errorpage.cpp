// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include "errorpage.h"
#include "httpparser.h"

using namespace Qt::StringLiterals;

class tst_ErrorPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reasonPhrase_data();
    void reasonPhrase();
    void response_data();
    void response();
    void htmlEscapesDetail();
    void plainTextIsNotEscaped();
    void placeholdersInTextStayLiteral_data();
    void placeholdersInTextStayLiteral();
    void prefersHtml_data();
    void prefersHtml();
};

namespace {

struct Parsed
{
    HttpHead head;
    QByteArray body;
    bool ok = false;
};

// Reads a response the way a client would, with the project's own parser.
Parsed parseResponse(const QByteArray &bytes)
{
    Parsed parsed;
    HttpParser parser(HttpParser::Kind::Response);
    QByteArrayView data(bytes);
    qsizetype bodyStart = -1;
    while (!data.isEmpty() || parser.hasPendingEvent()) {
        const HttpParser::Step step = parser.feed(data);
        data = data.sliced(step.consumed);
        if (step.event == HttpParser::Event::Error)
            return parsed;
        if (step.event == HttpParser::Event::HeadComplete) {
            parsed.head = parser.head();
            bodyStart = bytes.size() - data.size();
        }
        if (step.event == HttpParser::Event::MessageComplete) {
            // the whole input is one message, nothing after it
            parsed.ok = data.isEmpty() && bodyStart >= 0;
            const qsizetype end = bytes.size() - data.size();
            parsed.body = bytes.sliced(bodyStart, end - bodyStart);
            return parsed;
        }
    }
    return parsed;
}

} // namespace

void tst_ErrorPage::reasonPhrase_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");

    QTest::newRow("400") << 400 << "Bad Request"_ba;
    QTest::newRow("404") << 404 << "Not Found"_ba;
    QTest::newRow("408") << 408 << "Request Timeout"_ba;
    QTest::newRow("431") << 431 << "Request Header Fields Too Large"_ba;
    QTest::newRow("502") << 502 << "Bad Gateway"_ba;
    QTest::newRow("503") << 503 << "Service Unavailable"_ba;
}

void tst_ErrorPage::reasonPhrase()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);

    QCOMPARE(ErrorPage::reasonPhrase(status), reason);
    const QByteArray response = ErrorPage::response(status, u"Title"_s, u"Detail"_s, false);
    QVERIFY2(response.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"),
             response.constData());
}

void tst_ErrorPage::response_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("html");

    for (const bool html : {false, true}) {
        const char *kind = html ? "html" : "text";
        QTest::addRow("404 %s", kind)
                << 404 << u"No tunnel here"_s
                << u"No tunnel is open at brave-otter.localhost. Start one with: rok http 3000"_s
                << html;
        QTest::addRow("502 %s", kind) << 502 << u"Tunnel unavailable"_s
                                      << u"The tunnel's client is disconnecting."_s << html;
        QTest::addRow("408 %s", kind) << 408 << u"Too slow"_s << QString() << html;
        QTest::addRow("non-ASCII %s", kind)
                << 503 << u"Überlastet"_s << u"Bitte später erneut versuchen — 🦦"_s << html;
        QTest::addRow("unknown status %s", kind) << 500 << u"Oops"_s << u"detail"_s << html;
    }
}

void tst_ErrorPage::response()
{
    QFETCH(int, status);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(bool, html);

    const QByteArray response = ErrorPage::response(status, title, detail, html);
    const Parsed parsed = parseResponse(response);
    QVERIFY2(parsed.ok, response.constData());
    QCOMPARE(parsed.head.status, status);
    QCOMPARE(parsed.head.versionMinor, 1);
    QCOMPARE(parsed.head.reason, ErrorPage::reasonPhrase(status));
    QVERIFY(!parsed.head.reason.isEmpty());

    // Content-Length is the body's size in bytes (UTF-8), and the body is exactly that long
    bool numeric = false;
    const qsizetype length = parsed.head.value("Content-Length").toLongLong(&numeric);
    QVERIFY(numeric);
    QCOMPARE(length, parsed.body.size());
    QVERIFY(response.endsWith(parsed.body));
    QCOMPARE(response.indexOf("\r\n\r\n") + 4 + length, response.size());

    QVERIFY(parsed.head.hasToken("Connection", "close"));
    QCOMPARE(parsed.head.value("Cache-Control"), "no-store"_ba);

    const QString body = QString::fromUtf8(parsed.body);
    QVERIFY2(body.contains(QString::number(status)), qPrintable(body));
    if (html) {
        QCOMPARE(parsed.head.value("Content-Type"), "text/html; charset=utf-8"_ba);
        QVERIFY(body.startsWith(u"<!doctype html>"_s, Qt::CaseInsensitive));
        QVERIFY(body.contains(u"</html>"_s));
        QVERIFY2(body.contains(title.toHtmlEscaped()), qPrintable(body));
        QVERIFY2(body.contains(detail.toHtmlEscaped()), qPrintable(body));
        QVERIFY(body.contains(u"<title>%1 %2</title>"_s.arg(status).arg(title.toHtmlEscaped())));
    } else {
        QCOMPARE(parsed.head.value("Content-Type"), "text/plain; charset=utf-8"_ba);
        QVERIFY(!body.contains(u'<'));
        QCOMPARE(body, u"%1 %2\n%3\n"_s.arg(status).arg(title, detail));
    }
}

void tst_ErrorPage::htmlEscapesDetail()
{
    const QString detail = u"<script>alert(\"x\")</script> & more"_s;
    const QString title = u"<b>Bold</b>"_s;
    const QByteArray response = ErrorPage::response(404, title, detail, true);
    const Parsed parsed = parseResponse(response);
    QVERIFY(parsed.ok);
    const QByteArray body = parsed.body;
    QVERIFY2(!body.contains("<script>"), body.constData());
    QVERIFY2(!body.contains("<b>Bold"), body.constData());
    QVERIFY2(body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"),
             body.constData());
    QVERIFY2(body.contains("&lt;b&gt;Bold&lt;/b&gt;"), body.constData());
    QCOMPARE(parsed.head.value("Content-Length").toLongLong(), body.size());
}

void tst_ErrorPage::plainTextIsNotEscaped()
{
    const QString detail = u"<script>alert(1)</script> & more"_s;
    const QByteArray response = ErrorPage::response(400, u"Bad"_s, detail, false);
    const Parsed parsed = parseResponse(response);
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.body, "400 Bad\n<script>alert(1)</script> & more\n"_ba);
}

void tst_ErrorPage::placeholdersInTextStayLiteral_data()
{
    QTest::addColumn<bool>("html");
    QTest::newRow("text") << false;
    QTest::newRow("html") << true;
}

void tst_ErrorPage::placeholdersInTextStayLiteral()
{
    QFETCH(bool, html);

    // user-controlled text (a Host header, say) must not be taken for %N placeholders
    const QString title = u"100%1 %2"_s;
    const QString detail = u"at %1.localhost %3 %9"_s;
    const Parsed parsed = parseResponse(ErrorPage::response(404, title, detail, html));
    QVERIFY(parsed.ok);
    const QString body = QString::fromUtf8(parsed.body);
    QVERIFY2(body.contains(title), qPrintable(body));
    QVERIFY2(body.contains(detail), qPrintable(body));
}

void tst_ErrorPage::prefersHtml_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<bool>("html");

    QTest::newRow("Firefox") << "text/html,application/xhtml+xml,application/xml;q=0.9,"
                                "image/avif,image/webp,*/*;q=0.8"_ba
                             << true;
    QTest::newRow("Chrome") << "text/html,application/xhtml+xml,application/xml;q=0.9,"
                               "image/avif,image/webp,image/apng,*/*;q=0.8,"
                               "application/signed-exchange;v=b3;q=0.7"_ba
                            << true;
    QTest::newRow("text/html alone") << "text/html"_ba << true;
    QTest::newRow("curl") << "*/*"_ba << false;
    QTest::newRow("none") << QByteArray() << false;
    QTest::newRow("JSON API") << "application/json"_ba << false;
    QTest::newRow("plain text") << "text/plain"_ba << false;
}

void tst_ErrorPage::prefersHtml()
{
    QFETCH(QByteArray, accept);
    QFETCH(bool, html);
    QCOMPARE(ErrorPage::prefersHtml(accept), html);
}

QTEST_APPLESS_MAIN(tst_ErrorPage)

#include "tst_errorpage.moc"
