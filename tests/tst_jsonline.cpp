// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "jsonline.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class tst_JsonLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesOneObjectOnOneLine();
    void escapesStrings_data();
    void escapesStrings();
    void readsBytesAsLatin1();
    void numbers_data();
    void numbers();
    void emptyObject();

private:
    static QJsonObject parse(const QByteArray &line);
};

QJsonObject tst_JsonLine::parse(const QByteArray &line)
{
    if (!line.endsWith('\n') || line.count('\n') != 1)
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

void tst_JsonLine::writesOneObjectOnOneLine()
{
    QByteArray line;
    JsonLine(line).add("event", "request").add("status", 200).add("closed", true).end();
    QCOMPARE(line, "{\"event\":\"request\",\"status\":200,\"closed\":true}\n"_ba);
    const QJsonObject object = parse(line);
    QCOMPARE(object.value(u"event"_s).toString(), u"request"_s);
    QCOMPARE(object.value(u"status"_s).toInt(), 200);
    QCOMPARE(object.value(u"closed"_s).toBool(), true);
}

void tst_JsonLine::escapesStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"/api/items?x=1"_s;
    QTest::newRow("quote and backslash") << u"say \"hi\" \\ bye"_s;
    QTest::newRow("newline, tab, return") << u"a\nb\tc\rd"_s;
    QTest::newRow("other control characters") << u"\x01\x1f\x7f"_s;
    QTest::newRow("non-ASCII") << u"grüße €5 ☃ 𝄞"_s;
    QTest::newRow("empty") << QString();
}

// Whatever a value holds, the line stays one line and parses back to the same text.
void tst_JsonLine::escapesStrings()
{
    QFETCH(QString, text);
    QByteArray line;
    JsonLine(line).add("text", text).end();
    QCOMPARE(line.count('\n'), 1);
    QCOMPARE(parse(line).value(u"text"_s).toString(), text);
}

// Request lines and paths are bytes from the wire: each byte is one character, as
// QString::fromLatin1() reads them, and the line is still valid UTF-8.
void tst_JsonLine::readsBytesAsLatin1()
{
    const QByteArray bytes("/caf\xe9?q=\xff\x80\"\x05", 13);
    QByteArray line;
    JsonLine(line).add("path", QLatin1StringView(bytes)).end();
    QVERIFY(QString::fromUtf8(line).toUtf8() == line); // valid UTF-8
    QCOMPARE(parse(line).value(u"path"_s).toString(), QString::fromLatin1(bytes));
}

void tst_JsonLine::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("integral") << 3.0 << "3"_ba;
    QTest::newRow("two decimals") << 12.25 << "12.25"_ba;
    QTest::newRow("microseconds") << 0.156328 << "0.156"_ba;
    QTest::newRow("rounds half up") << 1.0006 << "1.001"_ba;
    QTest::newRow("zero") << 0.0 << "0"_ba;
    QTest::newRow("negative") << -2.5 << "-2.5"_ba;
    QTest::newRow("large") << 1e15 << "1000000000000000"_ba;
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "null"_ba;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << "null"_ba;
}

void tst_JsonLine::numbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, written);
    QByteArray line;
    JsonLine(line).add("ms", value).add("bytes", qint64(1) << 40).add("min", -2147483647 - 1).end();
    QCOMPARE(line, "{\"ms\":" + written + ",\"bytes\":1099511627776,\"min\":-2147483648}\n");
    QVERIFY(!parse(line).isEmpty());
}

void tst_JsonLine::emptyObject()
{
    QByteArray line;
    JsonLine(line).end();
    QCOMPARE(line, "{}\n"_ba);
}

QTEST_APPLESS_MAIN(tst_JsonLine)
#include "tst_jsonline.moc"
