// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "consoleprinter.h"
#include "requestlog.h"
#include "tempfile.h"
#include "tunnelclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

RequestRecord sampleRecord()
{
    RequestRecord record;
    record.kind = RequestRecord::Kind::Http;
    record.started = QDateTime(QDate(2024, 5, 1), QTime(12, 34, 56, 789));
    record.method = "POST";
    record.path = "/api/items?x=1";
    record.status = 201;
    record.durationMs = 12.25;
    record.firstByteMs = 10;
    record.requestBytes = 345;
    record.responseBytes = 6789;
    return record;
}

RequestRecord upgradeRecord(RequestRecord::Kind kind)
{
    RequestRecord record = sampleRecord();
    record.kind = kind;
    record.method = "GET";
    record.path = "/socket";
    record.status = 101;
    record.responseHead.status = 101;
    record.responseHead.headers = {{"Connection", "Upgrade"}, {"Upgrade", "WebSocket"}};
    return record;
}

} // namespace

class tst_ConsolePrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void jsonRequest();
    void jsonUpgrade();
    void jsonUpgradeClosed();
    void jsonError();
    void timeKeepsTheRecordsOffset_data();
    void timeKeepsTheRecordsOffset();
    void textRequest();
    void textWithoutResponse();
    void textUpgradeClosed();
    void textKeepsPercentEncodedPath_data();
    void textKeepsPercentEncodedPath();
    void textCutsLongPathsToTheTerminal();
    void textColoursStatusOnlyWhenAsked_data();
    void textColoursStatusOnlyWhenAsked();
    void printsBatchesOfTheRequestLog();
    void printsClientEventsAsJson();
    void printsClientEventsAsText();
    void severalTunnelsNameTheirLines();
    void heldRequestsSayTheyWaitAndHowLong();

private:
    std::unique_ptr<TunnelClient> m_client; // never started
    TempFile m_out;

    QJsonObject jsonOf(const RequestRecord &record);
};

void tst_ConsolePrinter::init()
{
    m_client = std::make_unique<TunnelClient>(TunnelOptions());
    m_out.reset(std::tmpfile());
    QVERIFY(m_out);
}

void tst_ConsolePrinter::cleanup()
{
    m_client.reset();
    m_out.reset();
}

QJsonObject tst_ConsolePrinter::jsonOf(const RequestRecord &record)
{
    ConsolePrinter printer(m_client.get(), true, m_out.get());
    const QByteArray line = printer.recordLine(record);
    if (!line.endsWith('\n') || line.count('\n') != 1)
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

void tst_ConsolePrinter::jsonRequest()
{
    const RequestRecord record = sampleRecord();
    const QJsonObject object = jsonOf(record);
    QVERIFY(!object.isEmpty());
    QCOMPARE(object.value(u"event"_s).toString(), u"request"_s);
    QCOMPARE(object.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(object.value(u"path"_s).toString(), u"/api/items?x=1"_s);
    QCOMPARE(object.value(u"status"_s).toInt(), 201);
    QCOMPARE(object.value(u"duration_ms"_s).toDouble(), 12.25);
    QCOMPARE(object.value(u"request_bytes"_s).toInteger(), 345);
    QCOMPARE(object.value(u"response_bytes"_s).toInteger(), 6789);
    QCOMPARE(QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs),
             record.started);
    QVERIFY(!object.contains(u"upgrade"_s));
    QVERIFY(!object.contains(u"closed"_s));
    QVERIFY(!object.contains(u"error"_s));
}

void tst_ConsolePrinter::timeKeepsTheRecordsOffset_data()
{
    QTest::addColumn<QDateTime>("started");
    QTest::addColumn<QString>("iso");
    QTest::addColumn<QString>("clock");
    const QDate day(2024, 5, 1);
    const QTime time(12, 34, 56, 789);
    QTest::newRow("UTC") << QDateTime(day, time, Qt::UTC) << u"2024-05-01T12:34:56.789Z"_s
                         << u"12:34:56.789"_s;
    QTest::newRow("ahead, half hour") << QDateTime(day, time, Qt::OffsetFromUTC, 5 * 3600 + 1800)
                                      << u"2024-05-01T12:34:56.789+05:30"_s << u"12:34:56.789"_s;
    QTest::newRow("behind") << QDateTime(day, time, Qt::OffsetFromUTC, -3 * 3600)
                            << u"2024-05-01T12:34:56.789-03:00"_s << u"12:34:56.789"_s;
    QTest::newRow("leap day, midnight")
            << QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::OffsetFromUTC, 3600)
            << u"2024-02-29T00:00:00.000+01:00"_s << u"00:00:00.000"_s;
    QTest::newRow("before 1970") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999),
                                              Qt::OffsetFromUTC, -3600)
                                 << u"1969-12-31T23:59:59.999-01:00"_s << u"23:59:59.999"_s;
}

// The time is the record's own wall clock, written as Qt::ISODateWithMs would write it.
void tst_ConsolePrinter::timeKeepsTheRecordsOffset()
{
    QFETCH(QDateTime, started);
    QFETCH(QString, iso);
    QFETCH(QString, clock);
    RequestRecord record = sampleRecord();
    record.started = started;
    QCOMPARE(jsonOf(record).value(u"time"_s).toString(), iso);
    QCOMPARE(QDateTime::fromString(iso, Qt::ISODateWithMs), started);
    ConsolePrinter text(m_client.get(), false, m_out.get());
    QVERIFY2(text.recordLine(record).startsWith(clock.toLatin1() + "  "), text.recordLine(record));
}

void tst_ConsolePrinter::jsonUpgrade()
{
    const QJsonObject object = jsonOf(upgradeRecord(RequestRecord::Kind::Upgrade));
    QVERIFY(!object.isEmpty());
    QCOMPARE(object.value(u"event"_s).toString(), u"request"_s);
    QCOMPARE(object.value(u"status"_s).toInt(), 101);
    QCOMPARE(object.value(u"upgrade"_s).toString(), u"websocket"_s);
    QVERIFY(!object.contains(u"closed"_s));
}

void tst_ConsolePrinter::jsonUpgradeClosed()
{
    const QJsonObject object = jsonOf(upgradeRecord(RequestRecord::Kind::UpgradeClosed));
    QVERIFY(!object.isEmpty());
    QCOMPARE(object.value(u"upgrade"_s).toString(), u"websocket"_s);
    QVERIFY(object.value(u"closed"_s).isBool());
    QCOMPARE(object.value(u"closed"_s).toBool(), true);
}

void tst_ConsolePrinter::jsonError()
{
    RequestRecord record = sampleRecord();
    record.status = 0;
    record.error = u"the local service refused the connection"_s;
    const QJsonObject object = jsonOf(record);
    QVERIFY(!object.isEmpty());
    QCOMPARE(object.value(u"status"_s).toInt(-1), 0);
    QCOMPARE(object.value(u"error"_s).toString(), record.error);
}

void tst_ConsolePrinter::textRequest()
{
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    const QString line = QString::fromUtf8(printer.recordLine(sampleRecord()));
    QVERIFY(line.endsWith(u'\n'));
    QCOMPARE(line.count(u'\n'), 1);
    QVERIFY2(line.startsWith(u"12:34:56.789  POST "_s), qPrintable(line));
    QVERIFY2(line.contains(u"/api/items?x=1"_s), qPrintable(line));
    QVERIFY2(line.contains(u" 201 "_s), qPrintable(line));
    QVERIFY2(line.contains(u" 12 ms "_s), qPrintable(line)); // Units::duration(12.25)
    QVERIFY2(line.contains(u"345 B in, 6.6 KiB out"_s), qPrintable(line));
    QVERIFY(!line.contains(u'{')); // not JSON
}

void tst_ConsolePrinter::textWithoutResponse()
{
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    RequestRecord record = sampleRecord();
    record.status = 0;
    record.error = u"timed out"_s;
    const QString line = QString::fromUtf8(printer.recordLine(record));
    QVERIFY2(line.contains(u" --- "_s), qPrintable(line));
    QVERIFY2(line.endsWith(u"  (timed out)\n"_s), qPrintable(line));
}

void tst_ConsolePrinter::textUpgradeClosed()
{
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    const QString line = QString::fromUtf8(
            printer.recordLine(upgradeRecord(RequestRecord::Kind::UpgradeClosed)));
    QVERIFY2(line.contains(u"/socket"_s), qPrintable(line));
    QVERIFY2(line.contains(u" closed "_s), qPrintable(line));
    QVERIFY2(!line.contains(u"101"_s), qPrintable(line));
}

// On a 120-column terminal a 200-character path ends in an ellipsis and the line fits; on an
// 80-column one the sizes go first, the time split stays; piped (no width), the whole path
// stays, for grep.
void tst_ConsolePrinter::textCutsLongPathsToTheTerminal()
{
    RequestRecord record = sampleRecord();
    record.path = "/very/long/" + QByteArray(200, 'x');
    record.tunnelMs = 0.41;
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    printer.setTerminal({120, false});
    QString line = QString::fromUtf8(printer.recordLine(record));
    line.chop(1);
    QVERIFY2(line.size() <= 120, qPrintable(line));
    QVERIFY2(line.contains(u"/very/long/xxx"_s) && line.contains(QChar(0x2026)), qPrintable(line));
    QVERIFY2(line.contains(u"12 ms app + 0.41 ms tunnel"_s), qPrintable(line));
    QVERIFY2(line.endsWith(u"345 B in, 6.6 KiB out"_s), qPrintable(line));

    printer.setTerminal({80, false});
    line = QString::fromUtf8(printer.recordLine(record));
    line.chop(1);
    QVERIFY2(line.size() <= 80, qPrintable(line));
    QVERIFY2(line.contains(u"/very/long/xxx"_s) && line.contains(QChar(0x2026)), qPrintable(line));
    QVERIFY2(line.endsWith(u"12 ms app + 0.41 ms tunnel"_s), qPrintable(line));

    record.path = "/short";
    const QString shortLine = QString::fromUtf8(printer.recordLine(record));
    QVERIFY2(shortLine.contains(u"/short "_s) && !shortLine.contains(QChar(0x2026)),
             qPrintable(shortLine));

    printer.setTerminal({0, false});
    record.path = "/very/long/" + QByteArray(200, 'x');
    QVERIFY(printer.recordLine(record).contains(record.path));
}

void tst_ConsolePrinter::textColoursStatusOnlyWhenAsked_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("escape");
    QTest::newRow("2xx green") << 201 << "\x1b[32m"_ba;
    QTest::newRow("3xx cyan") << 302 << "\x1b[36m"_ba;
    QTest::newRow("4xx yellow") << 404 << "\x1b[33m"_ba;
    QTest::newRow("5xx red") << 502 << "\x1b[31m"_ba;
    QTest::newRow("no response red") << 0 << "\x1b[31m"_ba;
}

void tst_ConsolePrinter::textColoursStatusOnlyWhenAsked()
{
    QFETCH(int, status);
    QFETCH(QByteArray, escape);
    RequestRecord record = sampleRecord();
    record.status = status;
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    printer.setTerminal({0, true});
    const QByteArray colored = printer.recordLine(record);
    const QByteArray shown = status ? QByteArray::number(status) : "---"_ba;
    QVERIFY2(colored.contains(escape + "   " + shown + "\x1b[0m"), colored.constData());
    printer.setTerminal({0, false}); // piped, or NO_COLOR
    QVERIFY(!printer.recordLine(record).contains('\x1b'));
    // the colours take no room: the plain line is the coloured one without its escapes
    QByteArray stripped = colored;
    stripped.replace(escape, "").replace("\x1b[0m", "");
    QCOMPARE(stripped, printer.recordLine(record));
}

void tst_ConsolePrinter::textKeepsPercentEncodedPath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("%20") << "/my%20file.txt"_ba;
    QTest::newRow("%2F") << "/files/a%2Fb"_ba;
    QTest::newRow("%3A and %2F") << "/login?next=https%3A%2F%2Fexample.com%2F"_ba;
    QTest::newRow("%2B") << "/search?q=c%2B%2B"_ba;
}

// The path is text from the visitor: it must be printed as it came, whatever it contains.
void tst_ConsolePrinter::textKeepsPercentEncodedPath()
{
    QFETCH(QByteArray, path);
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    RequestRecord record = sampleRecord();
    record.method = "GET";
    record.path = path;
    record.status = 404;
    const QString line = QString::fromUtf8(printer.recordLine(record));
    QVERIFY2(line.contains(QString::fromLatin1(path)), qPrintable(line));
    QVERIFY2(line.contains(u" 404 "_s), qPrintable(line));
    QVERIFY2(line.endsWith(u"345 B in, 6.6 KiB out\n"_s), qPrintable(line));
}

void tst_ConsolePrinter::printsBatchesOfTheRequestLog()
{
    QVERIFY(m_client->requestLog());
    ConsolePrinter printer(m_client.get(), true, m_out.get());
    RequestRecord first = sampleRecord();
    RequestRecord second = sampleRecord();
    second.path = "/second";
    m_client->requestLog()->add(first);
    m_client->requestLog()->add(second);
    m_client->requestLog()->flush();

    const QByteArray all = contents(m_out.get());
    QCOMPARE(all, printer.recordLine(first) + printer.recordLine(second));
}

void tst_ConsolePrinter::printsClientEventsAsJson()
{
    ConsolePrinter printer(m_client.get(), true, m_out.get());
    Q_EMIT m_client->stateChanged(TunnelClient::State::Connecting);
    Q_EMIT m_client->tunnelOpened(u"https://calm-river.example.com"_s, false, 0);
    Q_EMIT m_client->errorOccurred(u"the token was refused"_s, true);

    const QList<QByteArray> lines = contents(m_out.get()).chopped(1).split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject state = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(state.value(u"event"_s).toString(), u"state"_s);
    QCOMPARE(state.value(u"state"_s).toString(), u"connecting"_s);
    const QJsonObject opened = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(opened.value(u"event"_s).toString(), u"tunnel_opened"_s);
    QCOMPARE(opened.value(u"url"_s).toString(), u"https://calm-river.example.com"_s);
    QCOMPARE(opened.value(u"protocol"_s).toString(), u"http"_s);
    QCOMPARE(opened.value(u"local"_s).toString(), m_client->options().local.toString());
    QCOMPARE(opened.value(u"same_url"_s).toBool(true), false);
    const QJsonObject error = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(error.value(u"event"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"message"_s).toString(), u"the token was refused"_s);
    QCOMPARE(error.value(u"fatal"_s).toBool(false), true);
}

void tst_ConsolePrinter::printsClientEventsAsText()
{
    ConsolePrinter printer(m_client.get(), false, m_out.get());
    Q_EMIT m_client->stateChanged(TunnelClient::State::Connecting);
    Q_EMIT m_client->tunnelOpened(u"https://calm-river.example.com"_s, false, 0);
    Q_EMIT m_client->errorOccurred(u"server went away"_s, false);
    Q_EMIT m_client->errorOccurred(u"the token was refused"_s, true);

    const QString all = QString::fromUtf8(contents(m_out.get()));
    QVERIFY2(all.contains(u"Connecting to rok-server at localhost:7835"_s), qPrintable(all));
    QVERIFY2(all.contains(u"https://calm-river.example.com  ->  localhost:0"_s), qPrintable(all));
    QVERIFY2(all.contains(u"\nServer went away\n"_s), qPrintable(all));
    QVERIFY2(all.endsWith(u"\nError: the token was refused\n"_s), qPrintable(all));
    QVERIFY(!all.contains(u'{'));
}

void tst_ConsolePrinter::severalTunnelsNameTheirLines()
{
    TunnelOptions web;
    web.label = u"web"_s;
    web.local = {{u"localhost"_s, 3000}};
    TunnelOptions db;
    db.protocol = TunnelOptions::Protocol::Tcp;
    db.local = {{u"localhost"_s, 5432}}; // no label: its target names it
    TunnelClient client({web, db});
    ConsolePrinter text(&client, false, m_out.get());
    Q_EMIT client.tunnelOpened(u"http://web.example.com"_s, false, 0);
    Q_EMIT client.tunnelOpened(u"tcp://example.com:10001"_s, false, 1);
    const QString all = QString::fromUtf8(contents(m_out.get()));
    QVERIFY2(all.contains(u"web: Online: http://web.example.com  ->  localhost:3000\n"_s),
             qPrintable(all));
    QVERIFY2(all.contains(
                     u"localhost:5432: Online: tcp://example.com:10001  ->  localhost:5432\n"_s),
             qPrintable(all));
    const QString line = QString::fromUtf8(text.recordLine(sampleRecord(), 0));
    QVERIFY2(line.mid(14).startsWith(u"web        POST"_s), qPrintable(line));

    ConsolePrinter json(&client, true, m_out.get());
    const QJsonObject record = QJsonDocument::fromJson(json.recordLine(sampleRecord(), 0)).object();
    QCOMPARE(record.value(u"tunnel"_s).toString(), u"web"_s);
    // One tunnel: no name in its lines, as before.
    QVERIFY(!jsonOf(sampleRecord()).contains(u"tunnel"_s));
}

// --hold: a line as a request starts to wait for the local service, and its record says how
// long it waited; in text and in JSON.
void tst_ConsolePrinter::heldRequestsSayTheyWaitAndHowLong()
{
    {
        ConsolePrinter printer(m_client.get(), false, m_out.get());
        m_client->requestLog()->addWaiting("GET", "/api");
        RequestRecord record = sampleRecord();
        record.heldMs = 2300;
        const QString line = QString::fromUtf8(printer.recordLine(record));
        QVERIFY2(line.contains(u"(held 2.30 s)"_s), qPrintable(line));
    }
    const QString text = QString::fromUtf8(contents(m_out.get()));
    QVERIFY2(text.contains(u"GET     /api  waiting for localhost:0 (up to 10 s)"_s),
             qPrintable(text));

    m_out.reset(std::tmpfile());
    ConsolePrinter json(m_client.get(), true, m_out.get());
    m_client->requestLog()->addWaiting("POST", "/form");
    const QJsonObject waiting = QJsonDocument::fromJson(contents(m_out.get())).object();
    QCOMPARE(waiting.value(u"event"_s).toString(), u"waiting"_s);
    QCOMPARE(waiting.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(waiting.value(u"path"_s).toString(), u"/form"_s);
    QCOMPARE(waiting.value(u"hold_ms"_s).toInteger(), 10000);
    RequestRecord record = sampleRecord();
    record.heldMs = 2300;
    QCOMPARE(jsonOf(record).value(u"held_ms"_s).toDouble(), 2300.0);
    QVERIFY(!jsonOf(sampleRecord()).contains(u"held_ms"_s));
}

QTEST_GUILESS_MAIN(tst_ConsolePrinter)
#include "tst_consoleprinter.moc"
