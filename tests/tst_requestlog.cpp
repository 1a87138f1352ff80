// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QSignalSpy>
#include <QTest>

#include "requestlog.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_RequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nowIsTheLocalClock();
    void previewsStayWithinBudget();
    void startsEmpty();
    void idsIncrease();
    void recordIsStoredAsGiven();
    void ringKeepsTheNewest_data();
    void ringKeepsTheNewest();
    void addsArePublishedInOneBatch();
    void laterAddsMakeANewBatch();
    void flushPublishesAtOnce();
    void flushWithNothingPendingIsSilent();
    void batchIsBoundedByCapacity();
    void setCapacityShrinks();
    void setCapacityGrows();
    void capacityIsAtLeastOne();
    void clear();
    void publishOnlyKeepsNothing();
    void pausedCaptureKeepsOnlyTheFigures();
    void fullBatchGoesOutWithoutTheTimer();
    void recordsWaitForTheirEdgeTime();
    void publishOnlyRecordsKeepWhatALineNeeds();
    void edgeTimesBeforeTheirRecordAndTimeouts();
};

namespace {

RequestRecord record(int n)
{
    RequestRecord r;
    r.method = "GET"_ba;
    r.path = "/" + QByteArray::number(n);
    r.status = 200;
    r.requestBytes = n;
    return r;
}

QList<RequestRecord> batchAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<QList<RequestRecord>>();
}

QByteArrayList paths(const QList<RequestRecord> &records)
{
    QByteArrayList out;
    for (const RequestRecord &r : records)
        out.append(r.path);
    return out;
}

QByteArrayList pathRange(int from, int to)
{
    QByteArrayList out;
    for (int n = from; n <= to; ++n)
        out.append("/" + QByteArray::number(n));
    return out;
}

} // namespace

void tst_RequestLog::startsEmpty()
{
    RequestLog log;
    QCOMPARE(log.capacity(), 1000);
    QVERIFY(log.records().isEmpty());
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    log.flush();
    QCOMPARE(added.count(), 0);
}

void tst_RequestLog::idsIncrease()
{
    RequestLog log;
    for (int n = 0; n < 5; ++n)
        log.add(record(n));
    QList<RequestRecord> records = log.records();
    QCOMPARE(records.size(), 5);
    QCOMPARE_GT(records.at(0).id, quint64(0));
    for (int i = 1; i < records.size(); ++i)
        QCOMPARE(records.at(i).id, records.at(i - 1).id + 1);

    // ids are never reused, not even after clear(): a model can tell old rows from new ones
    const quint64 last = records.constLast().id;
    log.clear();
    log.add(record(5));
    QCOMPARE_GT(log.records().constFirst().id, last);

    // an id set by the caller is replaced
    RequestRecord preset = record(6);
    preset.id = 1;
    log.add(preset);
    QCOMPARE(log.records().constLast().id, log.records().constFirst().id + 1);
}

void tst_RequestLog::recordIsStoredAsGiven()
{
    RequestLog log;
    RequestRecord r = record(7);
    r.kind = RequestRecord::Kind::UpgradeClosed;
    r.durationMs = 12.5;
    r.firstByteMs = 3.25;
    r.responseBytes = 4096;
    r.error = u"connection closed"_s;
    r.started = QDateTime::currentDateTime();
    log.add(r);

    const RequestRecord stored = log.records().constFirst();
    QCOMPARE(stored.path, "/7"_ba);
    QCOMPARE(stored.method, "GET"_ba);
    QVERIFY(stored.kind == RequestRecord::Kind::UpgradeClosed);
    QCOMPARE(stored.durationMs, 12.5);
    QCOMPARE(stored.firstByteMs, 3.25);
    QCOMPARE(stored.requestBytes, 7);
    QCOMPARE(stored.responseBytes, 4096);
    QCOMPARE(stored.error, u"connection closed"_s);
    QCOMPARE(stored.started, r.started);
}

void tst_RequestLog::ringKeepsTheNewest_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("added");

    QTest::newRow("below capacity") << 10 << 7;
    QTest::newRow("exactly capacity") << 10 << 10;
    QTest::newRow("capacity + 1") << 10 << 11;
    QTest::newRow("capacity + 50") << 100 << 150;
    QTest::newRow("default capacity + 50") << 1000 << 1050;
    QTest::newRow("capacity 1") << 1 << 5;
}

void tst_RequestLog::ringKeepsTheNewest()
{
    QFETCH(int, capacity);
    QFETCH(int, added);

    RequestLog log(capacity);
    QCOMPARE(log.capacity(), capacity);
    for (int n = 1; n <= added; ++n)
        log.add(record(n));

    const QList<RequestRecord> records = log.records();
    const int kept = qMin(capacity, added);
    QCOMPARE(records.size(), kept);
    QCOMPARE(paths(records), pathRange(added - kept + 1, added)); // oldest first
    QCOMPARE(records.constLast().id - records.constFirst().id, quint64(kept - 1));
}

void tst_RequestLog::addsArePublishedInOneBatch()
{
    RequestLog log;
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    for (int n = 1; n <= 20; ++n)
        log.add(record(n));
    QCOMPARE(added.count(), 0); // not one signal per record
    QCOMPARE(log.records().size(), 20); // but records() is up to date at once

    QVERIFY(added.wait());
    QCOMPARE(added.count(), 1);
    const QList<RequestRecord> batch = batchAt(added, 0);
    QCOMPARE(paths(batch), pathRange(1, 20));
    QCOMPARE(batch.constFirst().id, log.records().constFirst().id);

    QVERIFY(!added.wait(300)); // and nothing more
    QCOMPARE(added.count(), 1);
}

void tst_RequestLog::laterAddsMakeANewBatch()
{
    RequestLog log;
    log.setBatchInterval(20ms);
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    log.add(record(1));
    log.add(record(2));
    QVERIFY(added.count() || added.wait());
    log.add(record(3));
    QTRY_COMPARE(added.count(), 2);
    QCOMPARE(paths(batchAt(added, 0)), pathRange(1, 2));
    QCOMPARE(paths(batchAt(added, 1)), pathRange(3, 3));
}

void tst_RequestLog::flushPublishesAtOnce()
{
    RequestLog log;
    log.setBatchInterval(50ms);
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    log.add(record(1));
    log.add(record(2));
    log.flush();
    QCOMPARE(added.count(), 1);
    QCOMPARE(paths(batchAt(added, 0)), pathRange(1, 2));

    QVERIFY(!added.wait(200)); // the timer was stopped: the records are not sent twice
    QCOMPARE(added.count(), 1);

    log.add(record(3));
    log.flush();
    QCOMPARE(added.count(), 2);
    QCOMPARE(paths(batchAt(added, 1)), pathRange(3, 3));
}

void tst_RequestLog::flushWithNothingPendingIsSilent()
{
    RequestLog log;
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    log.add(record(1));
    log.flush();
    log.flush();
    QCOMPARE(added.count(), 1);
}

void tst_RequestLog::batchIsBoundedByCapacity()
{
    RequestLog log(10);
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    for (int n = 1; n <= 60; ++n)
        log.add(record(n));
    log.flush();
    QCOMPARE(added.count(), 1);
    QCOMPARE(paths(batchAt(added, 0)), pathRange(51, 60)); // the newest ones
    QCOMPARE(paths(log.records()), pathRange(51, 60));
}

void tst_RequestLog::setCapacityShrinks()
{
    RequestLog log(10);
    for (int n = 1; n <= 10; ++n)
        log.add(record(n));
    log.setCapacity(4);
    QCOMPARE(log.capacity(), 4);
    QCOMPARE(paths(log.records()), pathRange(7, 10));

    log.add(record(11));
    QCOMPARE(paths(log.records()), pathRange(8, 11));
}

void tst_RequestLog::setCapacityGrows()
{
    RequestLog log(3);
    for (int n = 1; n <= 5; ++n)
        log.add(record(n));
    log.setCapacity(5);
    QCOMPARE(paths(log.records()), pathRange(3, 5)); // what was dropped stays dropped
    log.add(record(6));
    log.add(record(7));
    log.add(record(8));
    QCOMPARE(paths(log.records()), pathRange(4, 8));
}

void tst_RequestLog::capacityIsAtLeastOne()
{
    RequestLog zero(0);
    QCOMPARE(zero.capacity(), 1);
    zero.add(record(1));
    zero.add(record(2));
    QCOMPARE(paths(zero.records()), pathRange(2, 2));

    RequestLog log(5);
    log.setCapacity(-3);
    QCOMPARE(log.capacity(), 1);
}

void tst_RequestLog::clear()
{
    RequestLog log;
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    log.add(record(1));
    log.add(record(2));
    log.clear();
    QVERIFY(log.records().isEmpty());
    log.flush();
    QCOMPARE(added.count(), 0); // cleared records are not published afterwards

    log.add(record(3));
    QCOMPARE(paths(log.records()), pathRange(3, 3));
    QVERIFY(added.count() || added.wait());
    QCOMPARE(paths(batchAt(added, 0)), pathRange(3, 3));
}

void tst_RequestLog::nowIsTheLocalClock()
{
    const QDateTime before = QDateTime::currentDateTime();
    const QDateTime now = RequestRecord::now();
    const QDateTime after = QDateTime::currentDateTime();
    QVERIFY(before <= now && now <= after);
    // Shown as local time: the same clock reading and offset as currentDateTime().
    QCOMPARE(now.offsetFromUtc(), after.offsetFromUtc());
    QVERIFY(qAbs(now.time().msecsTo(after.time())) < 1000);
}

void tst_RequestLog::previewsStayWithinBudget()
{
    RequestLog log(1000);
    QSignalSpy dropped(&log, &RequestLog::previewsDropped);
    const QByteArray body(RequestRecord::PreviewLimit, 'x');
    const int count = int(RequestLog::PreviewBudget / (2 * body.size())) + 10; // 10 too many
    for (int i = 0; i < count; ++i) {
        RequestRecord record;
        record.requestBody = body;
        record.responseBody = body;
        log.add(record);
        QVERIFY(log.previewBytes() <= RequestLog::PreviewBudget);
    }
    const QList<RequestRecord> records = log.records();
    QCOMPARE(records.size(), count); // every record stays, only previews go
    for (int i = 0; i < 10; ++i) {
        QVERIFY(records.at(i).previewsDropped);
        QVERIFY(records.at(i).requestBody.isEmpty());
    }
    QCOMPARE(records.constLast().responseBody, body);
    QVERIFY(!records.constLast().previewsDropped);
    QCOMPARE(dropped.count(), 10);
    QCOMPARE(dropped.constLast().at(0).toULongLong(), records.at(9).id);
    log.clear();
    QCOMPARE(log.previewBytes(), 0);
}

void tst_RequestLog::publishOnlyKeepsNothing()
{
    RequestLog log(3);
    log.add(record(1));
    log.setPublishOnly(true);
    QCOMPARE(log.records().size(), 0);
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    for (int n = 2; n <= 6; ++n)
        log.add(record(n));
    log.flush();
    QCOMPARE(paths(batchAt(added, 0)), pathRange(4, 6)); // still bounded by the capacity
    QCOMPARE(log.records().size(), 0);
    QCOMPARE(log.previewBytes(), 0);
}

// While capture is paused, records still go out (the figures count them) but without their
// heads and bodies, marked as not captured, and the ring keeps none; a replay is kept.
void tst_RequestLog::pausedCaptureKeepsOnlyTheFigures()
{
    RequestLog log(10);
    log.add(record(1));
    log.flush();
    log.setCapturePaused(true);
    QVERIFY(log.isCapturePaused());
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    RequestRecord withBody = record(2);
    withBody.requestHead.headers = {{"Host", "x"}};
    withBody.responseBody = "secret";
    log.add(withBody);
    log.add(record(3));
    RequestRecord replay = record(4);
    replay.replayOf = 1;
    log.add(replay);
    log.flush();
    const QList<RequestRecord> batch = batchAt(added, 0);
    QCOMPARE(paths(batch), pathRange(2, 4));
    QCOMPARE(batch[0].captured, false);
    QCOMPARE(batch[0].status, 200); // what the figures need stays
    QVERIFY(batch[0].requestHead.headers.isEmpty());
    QVERIFY(batch[0].responseBody.isEmpty());
    QCOMPARE(batch[2].captured, true);
    QCOMPARE(paths(log.records()), (QByteArrayList{"/1", "/4"}));
    QCOMPARE(log.missedWhilePaused(), 2);
    QCOMPARE(log.previewBytes(), 0);

    log.setCapturePaused(false); // resumed: records are kept again, the count starts over
    QCOMPARE(log.missedWhilePaused(), 0);
    log.add(record(5));
    QCOMPARE(paths(log.records()), (QByteArrayList{"/1", "/4", "/5"}));
}

void tst_RequestLog::fullBatchGoesOutWithoutTheTimer()
{
    // A busy tunnel's records go out in batches of MaxBatch, each from the event loop, so no
    // printer or model holds up the tunnel's bytes for long.
    RequestLog log(100'000);
    log.setBatchInterval(std::chrono::hours(1));
    QSignalSpy added(&log, &RequestLog::recordsAdded);
    for (int n = 1; n <= int(RequestLog::MaxBatch) + 10; ++n)
        log.add(record(n));
    QCOMPARE(added.count(), 0); // never from inside add()
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
    QCOMPARE(batchAt(added, 0).size(), RequestLog::MaxBatch + 10);
}

// With timings from the server, a record with an edgeKey is published once its edge time is
// in, split into the app's part (durationMs) and the tunnel's (the rest).
void tst_RequestLog::recordsWaitForTheirEdgeTime()
{
    RequestLog log;
    QSignalSpy published(&log, &RequestLog::recordsAdded);
    log.setEdgeTimesExpected(true);
    RequestRecord first;
    first.durationMs = 10;
    first.edgeKey = RequestLog::edgeKey(2, 0);
    RequestRecord second = first;
    second.edgeKey = RequestLog::edgeKey(2, 1);
    RequestRecord unkeyed; // a 502 of rok's own: no exchange at the edge to wait for
    log.add(first);
    log.add(second);
    log.add(unkeyed);
    log.flush();
    QCOMPARE(published.size(), 1);
    QCOMPARE(published.at(0).at(0).value<QList<RequestRecord>>().size(), 1);

    log.addEdgeTime(RequestLog::edgeKey(2, 1), 12.5);
    log.addEdgeTime(RequestLog::edgeKey(2, 0), 9); // less than the app's: clock granularity
    log.flush();
    QCOMPARE(published.size(), 2);
    const QList<RequestRecord> batch = published.at(1).at(0).value<QList<RequestRecord>>();
    QCOMPARE(batch.size(), 2);
    QCOMPARE(batch.at(0).edgeKey, RequestLog::edgeKey(2, 1));
    QCOMPARE(batch.at(0).tunnelMs, 2.5);
    QCOMPARE(batch.at(1).tunnelMs, 0.0);
    QVERIFY(batch.at(0).id < batch.at(1).id); // ids in the order they are published
}

// A time that comes first waits for its record; a record whose time never comes goes out
// without it after EdgeTimeWait, or at once when the program ends (drain()).
void tst_RequestLog::edgeTimesBeforeTheirRecordAndTimeouts()
{
    RequestLog log;
    log.setBatchInterval(10ms);
    QSignalSpy published(&log, &RequestLog::recordsAdded);
    log.setEdgeTimesExpected(true);
    log.addEdgeTime(RequestLog::edgeKey(4, 0), 30);
    RequestRecord early;
    early.durationMs = 20;
    early.edgeKey = RequestLog::edgeKey(4, 0);
    log.add(early);
    log.flush();
    QCOMPARE(published.size(), 1);
    QCOMPARE(published.at(0).at(0).value<QList<RequestRecord>>().at(0).tunnelMs, 10.0);

    RequestRecord lost = early;
    lost.edgeKey = RequestLog::edgeKey(6, 0);
    QElapsedTimer clock;
    clock.start();
    log.add(lost);
    QTRY_COMPARE_WITH_TIMEOUT(published.size(), 2, 5000);
    QVERIFY(clock.elapsed() >= RequestLog::EdgeTimeWait.count());
    QCOMPARE(published.at(1).at(0).value<QList<RequestRecord>>().at(0).tunnelMs, -1.0);

    lost.edgeKey = RequestLog::edgeKey(8, 0);
    log.add(lost);
    log.drain();
    QCOMPARE(published.size(), 3);

    // A request held while the app restarted (--hold): the wait is not the tunnel's.
    RequestRecord held = early;
    held.heldMs = 2000;
    held.edgeKey = RequestLog::edgeKey(10, 0);
    log.add(held);
    log.addEdgeTime(held.edgeKey, 2025);
    log.flush();
    QCOMPARE(published.size(), 4);
    QCOMPARE(published.at(3).at(0).value<QList<RequestRecord>>().at(0).tunnelMs, 5.0);
}

// The CLI prints each record once, in a line without heads or bodies: a publish-only log drops
// them as it takes the record, so a thousand records waiting for their edge times stay small.
void tst_RequestLog::publishOnlyRecordsKeepWhatALineNeeds()
{
    RequestLog log;
    log.setPublishOnly(true);
    QSignalSpy published(&log, &RequestLog::recordsAdded);
    RequestRecord record;
    record.method = "POST";
    record.path = "/api";
    record.status = 201;
    record.durationMs = 3;
    record.requestBytes = 345;
    record.requestHead.headers.append(HttpHeader{"Content-Type", "application/json"});
    record.responseHead.headers.append(HttpHeader{"Server", "test"});
    record.requestBody = "{}";
    record.responseBody = "{\"id\":1}";
    log.add(record);
    log.flush();
    QCOMPARE(published.size(), 1);
    const RequestRecord out = published.at(0).at(0).value<QList<RequestRecord>>().at(0);
    QCOMPARE(out.method, "POST"_ba);
    QCOMPARE(out.path, "/api"_ba);
    QCOMPARE(out.status, 201);
    QCOMPARE(out.requestBytes, 345);
    QVERIFY(out.requestHead.headers.isEmpty() && out.responseHead.headers.isEmpty());
    QVERIFY(out.requestBody.isEmpty() && out.responseBody.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RequestLog)

#include "tst_requestlog.moc"
