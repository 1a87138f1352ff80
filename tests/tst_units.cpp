// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "units.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Units : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void bytes_data();
    void bytes();
    void duration_data();
    void duration();
};

void tst_Units::bytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << qint64(0) << u"0 B"_s;
    QTest::newRow("512") << qint64(512) << u"512 B"_s;
    QTest::newRow("1023") << qint64(1023) << u"1023 B"_s;
    QTest::newRow("1024") << qint64(1024) << u"1.0 KiB"_s;
    QTest::newRow("1.2 KiB") << qint64(1229) << u"1.2 KiB"_s;
    QTest::newRow("1.5 KiB") << qint64(1536) << u"1.5 KiB"_s;
    QTest::newRow("almost 1 MiB") << qint64(1024 * 1024 - 1) << u"1.0 MiB"_s;
    QTest::newRow("1.5 MiB") << qint64(1536 * 1024) << u"1.5 MiB"_s;
    QTest::newRow("3.4 MiB") << qint64(3565158) << u"3.4 MiB"_s;
    QTest::newRow("2 GiB") << qint64(2) * 1024 * 1024 * 1024 << u"2.00 GiB"_s;
    QTest::newRow("1.25 TiB as GiB") << qint64(1280) * 1024 * 1024 * 1024 << u"1280.00 GiB"_s;
}

void tst_Units::bytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(Units::bytes(bytes), expected);
}

void tst_Units::duration_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << 0.0 << u"0.00 ms"_s;
    QTest::newRow("sub-ms") << 0.123 << u"0.12 ms"_s;
    QTest::newRow("4.587") << 4.587 << u"4.59 ms"_s;
    QTest::newRow("9.999") << 9.999 << u"10 ms"_s;
    QTest::newRow("250.4 ms") << 250.4 << u"250 ms"_s;
    QTest::newRow("999.7") << 999.7 << u"1.00 s"_s;
    QTest::newRow("1.234 s") << 1234.0 << u"1.23 s"_s;
    QTest::newRow("59.5 s") << 59'500.0 << u"59.50 s"_s;
    QTest::newRow("90 s") << 90'000.0 << u"1 min 30 s"_s;
    QTest::newRow("125 s") << 125'000.0 << u"2 min 05 s"_s;
    QTest::newRow("2 h") << 7'260'000.0 << u"2 h 01 min"_s;
    QTest::newRow("negative") << -3.0 << u"0.00 ms"_s;
}

void tst_Units::duration()
{
    QFETCH(double, ms);
    QFETCH(QString, expected);
    QCOMPARE(Units::duration(ms), expected);
}

QTEST_APPLESS_MAIN(tst_Units)
#include "tst_units.moc"
