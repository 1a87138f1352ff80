// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include <algorithm>
#include <random>

#include "requeststats.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_RequestStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void percentiles_data();
    void percentiles();
    void percentilesIgnoreInputOrder();
    void windowDropsOldSamples();
    void windowIsAtLeastOne();
    void recentDurations();
    void perMinuteCountsTheLastSixtySeconds();
    void perMinuteCountsOutOfOrderStarts();
    void perMinuteWithManyRequests();
    void errors();
    void noResponseDoesNotCountTowardPercentiles();
    void upgradeCountsButUpgradeClosedIsIgnored();
    void clear();
    void tunnelTimesHaveTheirOwnPercentile();
};

namespace {

const QDateTime Now(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC);

RequestRecord response(double ms, int status = 200, QDateTime started = Now)
{
    RequestRecord r;
    r.method = "GET"_ba;
    r.path = "/"_ba;
    r.status = status;
    r.durationMs = ms;
    r.started = started;
    return r;
}

} // namespace

void tst_RequestStats::startsEmpty()
{
    const RequestStats stats;
    QCOMPARE(stats.window(), 1000);
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.p50, -1.0);
    QCOMPARE(summary.p95, -1.0);
    QCOMPARE(summary.p99, -1.0);
    QCOMPARE(summary.perMinute, 0);
    QCOMPARE(summary.errors, 0);
    QCOMPARE(summary.total, 0);
    QVERIFY(stats.recentDurations(10).isEmpty());
}

void tst_RequestStats::percentiles_data()
{
    QTest::addColumn<QList<double>>("durations");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("p99");

    QList<double> hundred;
    for (int n = 1; n <= 100; ++n)
        hundred.append(n);
    QList<double> thousand;
    for (int n = 1; n <= 1000; ++n)
        thousand.append(n / 10.0);

    QTest::newRow("one") << QList<double>{7.5} << 7.5 << 7.5 << 7.5;
    QTest::newRow("two") << QList<double>{10, 20} << 10.0 << 20.0 << 20.0;
    // nearest rank: ceil(p/100 * 5) -> ranks 3, 5, 5
    QTest::newRow("five") << QList<double>{15, 20, 35, 40, 50} << 35.0 << 50.0 << 50.0;
    QTest::newRow("1..100") << hundred << 50.0 << 95.0 << 99.0;
    QTest::newRow("0.1..100.0") << thousand << 50.0 << 95.0 << 99.0;
    QTest::newRow("one slow") << QList<double>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                               1, 1, 1, 1, 1, 1, 1, 1, 1, 900}
                              << 1.0 << 1.0 << 900.0;
}

void tst_RequestStats::percentiles()
{
    QFETCH(QList<double>, durations);
    QFETCH(double, p50);
    QFETCH(double, p95);
    QFETCH(double, p99);

    RequestStats stats;
    for (double ms : durations)
        stats.add(response(ms));
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.p50, p50);
    QCOMPARE(summary.p95, p95);
    QCOMPARE(summary.p99, p99);
    QCOMPARE(summary.total, int(durations.size()));
}

void tst_RequestStats::percentilesIgnoreInputOrder()
{
    QList<double> values;
    for (int n = 1; n <= 200; ++n)
        values.append(n);
    std::mt19937 random(42);
    std::shuffle(values.begin(), values.end(), random);
    RequestStats stats;
    for (double ms : values)
        stats.add(response(ms));
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.p50, 100.0);
    QCOMPARE(summary.p95, 190.0);
    QCOMPARE(summary.p99, 198.0);
    // the chart still gets them in arrival order
    QCOMPARE(stats.recentDurations(200), values);
}

void tst_RequestStats::windowDropsOldSamples()
{
    RequestStats stats(10);
    for (int n = 0; n < 10; ++n)
        stats.add(response(5000));
    QCOMPARE(stats.summary(Now).p50, 5000.0);
    for (int n = 1; n <= 10; ++n)
        stats.add(response(n));
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.p50, 5.0);
    QCOMPARE(summary.p95, 10.0);
    QCOMPARE(summary.p99, 10.0);
    QCOMPARE(summary.total, 20); // the count is not windowed
    QCOMPARE(stats.recentDurations(100), (QList<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

void tst_RequestStats::windowIsAtLeastOne()
{
    RequestStats stats(0);
    QCOMPARE(stats.window(), 1);
    stats.add(response(3));
    stats.add(response(4));
    QCOMPARE(stats.summary(Now).p50, 4.0);
    QCOMPARE(stats.recentDurations(5), QList<double>{4});
}

void tst_RequestStats::recentDurations()
{
    RequestStats stats;
    for (int n = 1; n <= 5; ++n)
        stats.add(response(n * 10));
    QCOMPARE(stats.recentDurations(3), (QList<double>{30, 40, 50}));
    QCOMPARE(stats.recentDurations(5), (QList<double>{10, 20, 30, 40, 50}));
    QCOMPARE(stats.recentDurations(50), (QList<double>{10, 20, 30, 40, 50}));
    QVERIFY(stats.recentDurations(0).isEmpty());
    QVERIFY(stats.recentDurations(-1).isEmpty());
}

void tst_RequestStats::perMinuteCountsTheLastSixtySeconds()
{
    RequestStats stats;
    stats.add(response(1, 200, Now.addSecs(-70)));
    stats.add(response(1, 200, Now.addSecs(-60))); // exactly a minute ago: outside
    stats.add(response(1, 200, Now.addMSecs(-59'999)));
    stats.add(response(1, 404, Now.addSecs(-30)));
    stats.add(response(1, 0, Now.addSecs(-1))); // no response: still a request
    stats.add(response(1, 200, Now));
    stats.add(response(1, 200, Now)); // same millisecond
    stats.add(response(1, 200, Now.addMSecs(1))); // after `now`
    QCOMPARE(stats.summary(Now).perMinute, 5);
    QCOMPARE(stats.summary(Now.addSecs(30)).perMinute, 4);
    QCOMPARE(stats.summary(Now.addSecs(61)).perMinute, 0);

    RequestStats noTimes;
    noTimes.add(response(1, 200, QDateTime()));
    QCOMPARE(noTimes.summary(Now).perMinute, 0);
    QCOMPARE(noTimes.summary(Now).total, 1);
}

void tst_RequestStats::perMinuteCountsOutOfOrderStarts()
{
    // Records arrive when their response ends, so a slow request arrives after later ones.
    RequestStats stats;
    stats.add(response(1, 200, Now.addSecs(-5)));
    stats.add(response(1, 200, Now.addSecs(-2)));
    stats.add(response(9000, 200, Now.addSecs(-20)));
    stats.add(response(1, 200, Now.addSecs(-3)));
    QCOMPARE(stats.summary(Now).perMinute, 4);
    QCOMPARE(stats.summary(Now.addSecs(-4)).perMinute, 2); // -20 and -5
    QCOMPARE(stats.summary(Now.addSecs(42)).perMinute, 3); // -20 has left the minute
}

void tst_RequestStats::perMinuteWithManyRequests()
{
    RequestStats stats;
    for (int second = 0; second < 600; ++second) {
        for (int n = 0; n < 5; ++n)
            stats.add(response(1, 200, Now.addSecs(second - 600).addMSecs(n)));
    }
    // (now - 60 s, now]: 59 whole seconds, and 4 of the 5 starts at exactly now - 60 s + n ms
    QCOMPARE(stats.summary(Now).perMinute, 59 * 5 + 4);
    QCOMPARE(stats.summary(Now).total, 3000);
}

void tst_RequestStats::errors()
{
    RequestStats stats;
    stats.add(response(1, 200));
    stats.add(response(1, 302));
    stats.add(response(1, 404));
    stats.add(response(1, 499));
    stats.add(response(1, 500));
    stats.add(response(1, 503));
    stats.add(response(1, 0));
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.errors, 3);
    QCOMPARE(summary.total, 7);
}

void tst_RequestStats::noResponseDoesNotCountTowardPercentiles()
{
    RequestStats stats;
    stats.add(response(10));
    stats.add(response(20));
    RequestRecord failed = response(30'000, 0);
    failed.error = QStringLiteral("connection refused");
    stats.add(failed);
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.p99, 20.0);
    QCOMPARE(summary.errors, 1);
    QCOMPARE(summary.total, 3);
    QCOMPARE(stats.recentDurations(10), (QList<double>{10, 20}));
}

void tst_RequestStats::upgradeCountsButUpgradeClosedIsIgnored()
{
    RequestStats stats;
    RequestRecord upgrade = response(3, 101);
    upgrade.kind = RequestRecord::Kind::Upgrade;
    stats.add(upgrade);
    RequestRecord closed = upgrade;
    closed.kind = RequestRecord::Kind::UpgradeClosed;
    closed.durationMs = 3'600'000; // the websocket lived for an hour
    stats.add(closed);
    closed.status = 0;
    stats.add(closed);

    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.total, 1);
    QCOMPARE(summary.errors, 0);
    QCOMPARE(summary.perMinute, 1);
    QCOMPARE(summary.p99, 3.0);
    QCOMPARE(stats.recentDurations(10), QList<double>{3});
}

void tst_RequestStats::clear()
{
    RequestStats stats(5);
    for (int n = 0; n < 8; ++n)
        stats.add(response(n, n % 2 ? 500 : 200));
    QCOMPARE(stats.summary(Now).errors, 4);
    stats.clear();
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.p50, -1.0);
    QCOMPARE(summary.perMinute, 0);
    QCOMPARE(summary.errors, 0);
    QCOMPARE(summary.total, 0);
    QVERIFY(stats.recentDurations(5).isEmpty());
    QCOMPARE(stats.window(), 5);
    stats.add(response(4));
    QCOMPARE(stats.summary(Now).p50, 4.0);
    QCOMPARE(stats.summary(Now).total, 1);
}

// The p95 of the tunnel's part, over the records that have one: apart from the app's.
void tst_RequestStats::tunnelTimesHaveTheirOwnPercentile()
{
    RequestStats stats;
    stats.add(response(100)); // tunnel time unknown (an older server): not counted
    QCOMPARE(stats.summary(Now).tunnelP95, -1.0);
    for (int i = 1; i <= 20; ++i) {
        RequestRecord record = response(50);
        record.tunnelMs = i;
        stats.add(record);
    }
    const RequestStats::Summary summary = stats.summary(Now);
    QCOMPARE(summary.tunnelP95, 19.0);
    QCOMPARE(summary.p95, 50.0);
    stats.clear();
    QCOMPARE(stats.summary(Now).tunnelP95, -1.0);
}

QTEST_APPLESS_MAIN(tst_RequestStats)
#include "tst_requeststats.moc"
