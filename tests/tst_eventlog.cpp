// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "eventlog.h"
#include "tempfile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cstdio>
#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

// Seconds between two times of day, across midnight too.
int secondsApart(QTime a, QTime b)
{
    const int d = qAbs(a.secsTo(b));
    return qMin(d, 24 * 3600 - d);
}

} // namespace

class tst_EventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonLines();
    void jsonFieldsKeepTheirTypes();
    void textLines();
    void textEscapesWhatPeersSent();
    void levels();
    void journaldGetsPrefixesAndNoTime();
};

void tst_EventLog::jsonLines()
{
    TempFile file(std::tmpfile());
    QVERIFY(file);
    EventLog log(EventLog::Format::Json, file.get());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    log.event(u"tunnel_opened"_s, {{u"name"_s, u"calm-river"_s}, {u"port"_s, 8080}},
              u"Tunnel calm-river opened"_s);
    log.event(u"client_left"_s, {}, u"a text line that is not in the JSON"_s);
    const QDateTime after = QDateTime::currentDateTimeUtc();

    const QByteArray all = contents(file.get());
    QVERIFY(all.endsWith('\n'));
    const QList<QByteArray> lines = all.chopped(1).split('\n');
    QCOMPARE(lines.size(), 2);

    QJsonParseError error;
    const QJsonDocument first = QJsonDocument::fromJson(lines.at(0), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(first.isObject());
    QCOMPARE(first.toJson(QJsonDocument::Compact), lines.at(0)); // compact: no spaces, one line
    const QJsonObject object = first.object();
    QCOMPARE(object.value(u"event"_s).toString(), u"tunnel_opened"_s);
    QCOMPARE(object.value(u"name"_s).toString(), u"calm-river"_s);
    QCOMPARE(object.value(u"port"_s).toInt(), 8080);
    QStringList keys = object.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"event"_s, u"level"_s, u"name"_s, u"port"_s, u"time"_s}));

    const QString timeText = object.value(u"time"_s).toString();
    const QDateTime time = QDateTime::fromString(timeText, Qt::ISODateWithMs);
    QVERIFY2(time.isValid(), qPrintable(timeText));
    QVERIFY2(timeText.endsWith(u'Z'), qPrintable(timeText)); // UTC
    QVERIFY(before.addMSecs(-1) <= time && time <= after.addMSecs(1));

    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(second.value(u"event"_s).toString(), u"client_left"_s);
    QVERIFY(second.contains(u"time"_s));
    QCOMPARE(second.value(u"level"_s).toString(), u"info"_s);
    QCOMPARE(second.size(), 3);
}

void tst_EventLog::jsonFieldsKeepTheirTypes()
{
    TempFile file(std::tmpfile());
    QVERIFY(file);
    EventLog log(EventLog::Format::Json, file.get());
    log.event(u"stats"_s,
              {{u"bytes"_s, 5000000000.0},
               {u"ok"_s, true},
               {u"note"_s, u"quote \" and ünïcode"_s},
               {u"nested"_s, QJsonObject{{u"a"_s, 1}}}},
              {});
    const QByteArray all = contents(file.get());
    QCOMPARE(all.count('\n'), 1);
    const QJsonObject object = QJsonDocument::fromJson(all).object();
    QCOMPARE(object.value(u"bytes"_s).toDouble(), 5000000000.0);
    QCOMPARE(object.value(u"ok"_s).toBool(), true);
    QCOMPARE(object.value(u"note"_s).toString(), u"quote \" and ünïcode"_s);
    QCOMPARE(object.value(u"nested"_s).toObject().value(u"a"_s).toInt(), 1);
}

void tst_EventLog::textLines()
{
    TempFile file(std::tmpfile());
    QVERIFY(file);
    EventLog log(EventLog::Format::Text, file.get());
    log.event(u"tunnel_opened"_s, {{u"name"_s, u"calm-river"_s}},
              u"Tunnel calm-river opened for 127.0.0.1"_s);
    log.event(u"note"_s, {}, u"Grüße"_s);
    const QTime now = QTime::currentTime();

    const QByteArray all = contents(file.get());
    QVERIFY(all.endsWith('\n'));
    const QList<QByteArray> lines = all.chopped(1).split('\n');
    QCOMPARE(lines.size(), 2);

    static const QRegularExpression shape(u"^(\\d\\d:\\d\\d:\\d\\d)  (.*)$"_s);
    const QRegularExpressionMatch match = shape.match(QString::fromUtf8(lines.at(0)));
    QVERIFY2(match.hasMatch(), lines.at(0).constData());
    QCOMPARE(match.captured(2), u"Tunnel calm-river opened for 127.0.0.1"_s);
    const QTime stamp = QTime::fromString(match.captured(1), u"HH:mm:ss"_s);
    QVERIFY(stamp.isValid());
    QVERIFY2(secondsApart(stamp, now) <= 5, qPrintable(match.captured(1))); // local time

    QCOMPARE(QString::fromUtf8(lines.at(1)).mid(8), u"  Grüße"_s);
    QVERIFY(!all.contains("calm-river\"")); // no JSON in text mode
}

void tst_EventLog::textEscapesWhatPeersSent()
{
    TempFile file(std::tmpfile());
    QVERIFY(file);
    EventLog log(EventLog::Format::Text, file.get());
    // A client's message type that would end the line and forge another, and recolour a terminal.
    log.event(u"client_refused"_s, {},
              u"unexpected message \"x\n12:00:00  opened http://bank.localhost\u001b[2J\""_s);
    log.event(u"client_refused"_s, {}, QString(100'000, u'a'));
    const QByteArray all = contents(file.get());
    QCOMPARE(all.count('\n'), 2);
    const QList<QByteArray> lines = all.chopped(1).split('\n');
    QVERIFY2(lines.at(0).endsWith(
                     "unexpected message \"x\\x0a12:00:00  opened http://bank.localhost\\x1b[2J\""),
             lines.at(0).constData());
    QVERIFY2(lines.at(1).size() < 2100, QByteArray::number(lines.at(1).size()).constData());
    QVERIFY(lines.at(1).endsWith("a…"));
}

void tst_EventLog::levels()
{
    QCOMPARE(EventLog::levelOf(u"tunnel_opened"_s), EventLog::Level::Info);
    QCOMPARE(EventLog::levelOf(u"visitor_refused"_s), EventLog::Level::Warning);
    QCOMPARE(EventLog::levelOf(u"certificate_failed"_s), EventLog::Level::Warning);
    TempFile file(std::tmpfile());
    EventLog log(EventLog::Format::Json, file.get());
    log.event(u"tunnel_opened"_s, {}, {});
    log.event(u"client_refused"_s, {}, {});
    const QList<QByteArray> lines = contents(file.get()).chopped(1).split('\n');
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(u"level"_s).toString(), u"info"_s);
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"level"_s).toString(),
             u"warning"_s);
}

void tst_EventLog::journaldGetsPrefixesAndNoTime()
{
    TempFile file(std::tmpfile());
    struct stat status
    {
    };
    QCOMPARE(::fstat(::fileno(file.get()), &status), 0);
    // Another file's device and inode: not the journal, plain text lines.
    qputenv("JOURNAL_STREAM", "1:2");
    QVERIFY(!EventLog(EventLog::Format::Text, file.get()).writesToJournal());
    qputenv("JOURNAL_STREAM",
            QByteArray::number(quint64(status.st_dev)) + ':'
                    + QByteArray::number(quint64(status.st_ino)));
    EventLog log(EventLog::Format::Text, file.get());
    qunsetenv("JOURNAL_STREAM");
    QVERIFY(log.writesToJournal());
    log.event(u"tunnel_opened"_s, {}, u"opened http://calm-river.localhost:8080"_s);
    log.event(u"visitor_refused"_s, {}, u"refused visitor\n127.0.0.1"_s);
    QCOMPARE(contents(file.get()),
             "<6>opened http://calm-river.localhost:8080\n<4>refused visitor\\x0a127.0.0.1\n"_ba);
}

QTEST_APPLESS_MAIN(tst_EventLog)
#include "tst_eventlog.moc"
