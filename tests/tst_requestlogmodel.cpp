// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

#include "requestlog.h"
#include "requestlogmodel.h"

using namespace Qt::StringLiterals;

class tst_RequestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewsDroppedInTheLogAreDroppedHere();
    void initTestCase();
    void startsEmpty();
    void headers();
    void showsRecordsAlreadyLogged();
    void pendingRecordsAreNotShownTwice();
    void batchesGoOnTopNewestFirst();
    void recordsOfAPausedCaptureAreNotShown();
    void ringBoundHoldsWithinOneBatch();
    void ringBoundHoldsAcrossBatches();
    void capacityLowered();
    void capacityRaised();
    void clearEmptiesModelAndLog();
    void displayRole();
    void statusText_data();
    void statusText();
    void statusColour_data();
    void statusColour();
    void toolTips();
    void alignmentAndIds();
    void sortRoleIsNumeric_data();
    void sortRoleIsNumeric();
    void filterOnPath();
};

namespace {

RequestRecord record(int n, int status = 200)
{
    RequestRecord r;
    r.method = "GET"_ba;
    r.path = "/" + QByteArray::number(n);
    r.status = status;
    r.durationMs = n;
    r.requestBytes = n;
    r.responseBytes = 10 * n;
    r.started = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0)).addSecs(n);
    return r;
}

void addRange(RequestLog &log, int from, int to)
{
    for (int n = from; n <= to; ++n)
        log.add(record(n));
}

// The paths of the model's rows, top to bottom.
QByteArrayList paths(const RequestLogModel &model)
{
    QByteArrayList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.record(row).path);
    return out;
}

QByteArrayList descending(int from, int to)
{
    QByteArrayList out;
    for (int n = from; n >= to; --n)
        out.append("/" + QByteArray::number(n));
    return out;
}

QString text(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

// A model over `log` that QAbstractItemModelTester checks for its whole life.
struct Checked
{
    explicit Checked(RequestLog *log)
        : model(log)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
    }
    RequestLogModel model;
    QAbstractItemModelTester tester;
};

} // namespace

void tst_RequestLogModel::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // "4.59 ms", whatever the machine's locale
}

void tst_RequestLogModel::startsEmpty()
{
    RequestLog log;
    Checked checked(&log);
    QCOMPARE(checked.model.rowCount(), 0);
    QCOMPARE(checked.model.columnCount(), int(RequestLogModel::ColumnCount));
    QCOMPARE(checked.model.columnCount(), 8);
    QVERIFY(!checked.model.index(0, 0).isValid());
}

void tst_RequestLogModel::headers()
{
    RequestLog log;
    Checked checked(&log);
    const QStringList expected{u"Time"_s, u"Method"_s, u"Path"_s, u"Status"_s,
                               u"App"_s,  u"Tunnel"_s, u"In"_s,   u"Out"_s};
    QStringList headers;
    for (int column = 0; column < checked.model.columnCount(); ++column)
        headers.append(checked.model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers, expected);
    // the same words as the CLI's "345 B in, 6.6 KiB out", each explained
    QVERIFY(checked.model.headerData(RequestLogModel::In, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"request"_s));
    QVERIFY(checked.model.headerData(RequestLogModel::Out, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"response"_s));
    // where a request's time went: in the app, or in the tunnel
    QVERIFY(checked.model.headerData(RequestLogModel::Tunnel, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"rok-server"_s));
    QVERIFY(!checked.model.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!checked.model.headerData(RequestLogModel::ColumnCount, Qt::Horizontal).isValid());
}

void tst_RequestLogModel::showsRecordsAlreadyLogged()
{
    RequestLog log;
    addRange(log, 1, 3);
    log.flush();
    Checked checked(&log);
    QCOMPARE(paths(checked.model), descending(3, 1));
}

void tst_RequestLogModel::pendingRecordsAreNotShownTwice()
{
    RequestLog log;
    addRange(log, 1, 3); // in the ring, but their batch is still to come
    Checked checked(&log);
    QCOMPARE(paths(checked.model), descending(3, 1));
    QSignalSpy inserted(&checked.model, &QAbstractItemModel::rowsInserted);
    addRange(log, 4, 5);
    log.flush(); // the batch holds 1..5
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(paths(checked.model), descending(5, 1));
}

void tst_RequestLogModel::batchesGoOnTopNewestFirst()
{
    RequestLog log;
    Checked checked(&log);
    QSignalSpy inserted(&checked.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&checked.model, &QAbstractItemModel::rowsRemoved);

    addRange(log, 0, 4);
    log.flush();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(paths(checked.model), descending(4, 0));

    addRange(log, 5, 7);
    log.flush();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 0);
    QCOMPARE(inserted.at(1).at(2).toInt(), 2);
    QCOMPARE(paths(checked.model), descending(7, 0));
    QCOMPARE(removed.count(), 0);

    // the log's own timer publishes too
    log.add(record(8));
    QTRY_COMPARE(inserted.count(), 3);
    QCOMPARE(text(checked.model, 0, RequestLogModel::Path), u"/8"_s);
}

void tst_RequestLogModel::recordsOfAPausedCaptureAreNotShown()
{
    RequestLog log;
    Checked checked(&log);
    addRange(log, 0, 1);
    log.setCapturePaused(true);
    addRange(log, 2, 3);
    log.setCapturePaused(false);
    addRange(log, 4, 4); // one batch with the paused ones in the middle
    log.flush();
    QCOMPARE(paths(checked.model), (QByteArrayList{"/4", "/1", "/0"}));
}

void tst_RequestLogModel::ringBoundHoldsWithinOneBatch()
{
    RequestLog log(10);
    Checked checked(&log);
    QSignalSpy inserted(&checked.model, &QAbstractItemModel::rowsInserted);
    addRange(log, 1, 25); // the log keeps 10 of them for the batch
    log.setCapacity(4); // and the capacity changes before the batch arrives
    log.flush();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(checked.model.rowCount(), 4);
    QCOMPARE(paths(checked.model), descending(25, 22));
}

void tst_RequestLogModel::ringBoundHoldsAcrossBatches()
{
    RequestLog log(5);
    Checked checked(&log);
    QSignalSpy inserted(&checked.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&checked.model, &QAbstractItemModel::rowsRemoved);
    int most = 0;
    const auto watch = [&] { most = qMax(most, checked.model.rowCount()); };
    connect(&checked.model, &QAbstractItemModel::rowsInserted, this, watch);
    connect(&checked.model, &QAbstractItemModel::rowsRemoved, this, watch);

    int next = 1;
    for (int batch = 0; batch < 6; ++batch) {
        addRange(log, next, next + 2);
        next += 3;
        log.flush();
        QVERIFY(checked.model.rowCount() <= 5);
    }
    QCOMPARE(inserted.count(), 6);
    QCOMPARE(removed.count(), 5); // one removal per batch, from the second full batch on
    // the second batch first dropped the oldest row, the bottom one of three, then inserted
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(removed.at(1).at(1).toInt(), 2); // later batches drop three of five
    QCOMPARE(removed.at(1).at(2).toInt(), 4);
    QCOMPARE(most, 5);
    QCOMPARE(paths(checked.model), descending(18, 14));
    QCOMPARE(paths(checked.model), [&] {
        QByteArrayList newestFirst;
        const QList<RequestRecord> records = log.records();
        for (auto it = records.crbegin(); it != records.crend(); ++it)
            newestFirst.append(it->path);
        return newestFirst;
    }());
}

void tst_RequestLogModel::capacityLowered()
{
    RequestLog log(10);
    Checked checked(&log);
    addRange(log, 1, 8);
    log.flush();
    QCOMPARE(checked.model.rowCount(), 8);

    log.setCapacity(3);
    QSignalSpy removed(&checked.model, &QAbstractItemModel::rowsRemoved);
    log.add(record(9));
    log.flush();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(paths(checked.model), descending(9, 7));

    // trimToCapacity() applies a new capacity without waiting for a batch
    log.setCapacity(2);
    checked.model.trimToCapacity();
    QCOMPARE(removed.count(), 2);
    QCOMPARE(paths(checked.model), descending(9, 8));
    checked.model.trimToCapacity();
    QCOMPARE(removed.count(), 2);
}

void tst_RequestLogModel::capacityRaised()
{
    RequestLog log(2);
    Checked checked(&log);
    addRange(log, 1, 4);
    log.flush();
    QCOMPARE(paths(checked.model), descending(4, 3));
    log.setCapacity(5);
    addRange(log, 5, 7);
    log.flush();
    QCOMPARE(paths(checked.model), descending(7, 3));
}

void tst_RequestLogModel::clearEmptiesModelAndLog()
{
    RequestLog log;
    Checked checked(&log);
    addRange(log, 1, 5);
    log.flush();
    addRange(log, 6, 7); // pending, not yet published
    QSignalSpy reset(&checked.model, &QAbstractItemModel::modelReset);
    checked.model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(checked.model.rowCount(), 0);
    QVERIFY(log.records().isEmpty());
    log.flush();
    QCOMPARE(checked.model.rowCount(), 0);

    addRange(log, 8, 9);
    log.flush();
    QCOMPARE(paths(checked.model), descending(9, 8));
}

void tst_RequestLogModel::displayRole()
{
    RequestLog log;
    Checked checked(&log);
    RequestRecord r;
    r.method = "POST"_ba;
    r.path = "/api/items?x=1"_ba;
    r.status = 201;
    r.durationMs = 4.587;
    r.requestBytes = 512;
    r.responseBytes = 3 * 1024 * 1024 + 400 * 1024;
    r.started = QDateTime(QDate(2024, 5, 1), QTime(9, 5, 7));
    log.add(r);
    log.flush();
    const RequestLogModel &model = checked.model;
    QCOMPARE(text(model, 0, RequestLogModel::Time), u"09:05:07"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Method), u"POST"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Path), u"/api/items?x=1"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Status), u"201"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Duration), u"4.59 ms"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Tunnel), u"–"_s); // not known
    QCOMPARE(text(model, 0, RequestLogModel::In), u"512 B"_s);
    QCOMPARE(text(model, 0, RequestLogModel::Out), u"3.4 MiB"_s);
    QCOMPARE(model.record(0).method, "POST"_ba);
    QCOMPARE(model.record(0).id, log.records().constFirst().id);
}

void tst_RequestLogModel::statusText_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RequestRecord::Kind>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("200") << 200 << RequestRecord::Kind::Http << u"200"_s;
    QTest::newRow("no response") << 0 << RequestRecord::Kind::Http << QString(QChar(0x2014));
    QTest::newRow("upgrade") << 101 << RequestRecord::Kind::Upgrade << u"101"_s;
    QTest::newRow("upgrade closed") << 101 << RequestRecord::Kind::UpgradeClosed << u"closed"_s;
}

void tst_RequestLogModel::statusText()
{
    QFETCH(int, status);
    QFETCH(RequestRecord::Kind, kind);
    QFETCH(QString, expected);
    RequestLog log;
    Checked checked(&log);
    RequestRecord r = record(1, status);
    r.kind = kind;
    log.add(r);
    log.flush();
    QCOMPARE(text(checked.model, 0, RequestLogModel::Status), expected);
}

void tst_RequestLogModel::statusColour_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QColor>("colour");
    QTest::newRow("200") << 200 << QColor(u"#2e7d32"_s);
    QTest::newRow("204") << 204 << QColor(u"#2e7d32"_s);
    QTest::newRow("301") << 301 << QColor(u"#1565c0"_s);
    QTest::newRow("304") << 304 << QColor(u"#1565c0"_s);
    QTest::newRow("404") << 404 << QColor(u"#e65100"_s);
    QTest::newRow("429") << 429 << QColor(u"#e65100"_s);
    QTest::newRow("500") << 500 << QColor(u"#c62828"_s);
    QTest::newRow("502") << 502 << QColor(u"#c62828"_s);
    QTest::newRow("none") << 0 << RequestLogModel::statusColor(0);
    QTest::newRow("101") << 101 << RequestLogModel::statusColor(0);
}

void tst_RequestLogModel::statusColour()
{
    QFETCH(int, status);
    QFETCH(QColor, colour);
    RequestLog log;
    Checked checked(&log);
    log.add(record(1, status));
    log.flush();
    const QModelIndex index = checked.model.index(0, RequestLogModel::Status);
    QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(), colour);
    QVERIFY(!checked.model.index(0, RequestLogModel::Path).data(Qt::ForegroundRole).isValid());

    // grey is none of the class colours, and the dark-background tones are lighter
    const QColor grey = RequestLogModel::statusColor(0);
    for (int klass : {200, 300, 400, 500})
        QVERIFY(RequestLogModel::statusColor(klass) != grey);
    QVERIFY(RequestLogModel::statusColor(status, true).lightness() > colour.lightness());
}

void tst_RequestLogModel::toolTips()
{
    RequestLog log;
    Checked checked(&log);
    const QByteArray longPath = "/search?q=" + QByteArray(300, 'x');
    RequestRecord failed = record(1, 0);
    failed.path = longPath;
    failed.error = u"connection refused"_s;
    log.add(failed);
    log.add(record(2, 200));
    log.flush();
    const RequestLogModel &model = checked.model;
    QCOMPARE(text(model, 1, RequestLogModel::Path, Qt::ToolTipRole), QString::fromLatin1(longPath));
    QCOMPARE(text(model, 1, RequestLogModel::Status, Qt::ToolTipRole), u"connection refused"_s);
    QVERIFY(!model.index(0, RequestLogModel::Status).data(Qt::ToolTipRole).isValid());
    QCOMPARE(text(model, 0, RequestLogModel::Path, Qt::ToolTipRole), u"/2"_s);
}

void tst_RequestLogModel::alignmentAndIds()
{
    RequestLog log;
    Checked checked(&log);
    addRange(log, 1, 3);
    log.flush();
    const RequestLogModel &model = checked.model;
    for (int column : {RequestLogModel::Status, RequestLogModel::Duration, RequestLogModel::In,
                       RequestLogModel::Out}) {
        const auto alignment =
                Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt());
        QVERIFY(alignment & Qt::AlignRight);
        const auto header = Qt::Alignment(
                model.headerData(column, Qt::Horizontal, Qt::TextAlignmentRole).toInt());
        QVERIFY(header & Qt::AlignRight);
    }
    const auto pathAlignment = Qt::Alignment(
            model.index(0, RequestLogModel::Path).data(Qt::TextAlignmentRole).toInt());
    QVERIFY(!(pathAlignment & Qt::AlignRight));

    const QList<RequestRecord> records = log.records(); // oldest first
    for (int row = 0; row < 3; ++row) {
        const quint64 id = records.at(2 - row).id;
        QCOMPARE(model.index(row, RequestLogModel::Method).data(Qt::UserRole).value<quint64>(), id);
        QCOMPARE(model.indexOfId(id, RequestLogModel::Path),
                 model.index(row, RequestLogModel::Path));
    }
    QVERIFY(!model.indexOfId(records.constLast().id + 1).isValid());
}

void tst_RequestLogModel::sortRoleIsNumeric_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArrayList>("ascending"); // paths
    // record n: duration n ms, sent n bytes, received 10n bytes, started at 12:00:00 + n s
    QTest::newRow("duration") << int(RequestLogModel::Duration)
                              << QByteArrayList{"/9", "/20", "/100", "/1500"};
    QTest::newRow("sent") << int(RequestLogModel::In)
                          << QByteArrayList{"/9", "/20", "/100", "/1500"};
    QTest::newRow("received") << int(RequestLogModel::Out)
                              << QByteArrayList{"/9", "/20", "/100", "/1500"};
    QTest::newRow("time") << int(RequestLogModel::Time)
                          << QByteArrayList{"/9", "/20", "/100", "/1500"};
    QTest::newRow("status") << int(RequestLogModel::Status)
                            << QByteArrayList{"/100", "/20", "/1500", "/9"};
}

void tst_RequestLogModel::sortRoleIsNumeric()
{
    QFETCH(int, column);
    QFETCH(QByteArrayList, ascending);
    RequestLog log;
    Checked checked(&log);
    const QList<std::pair<int, int>> records{{100, 99}, {9, 500}, {1500, 404}, {20, 200}};
    for (const auto &[n, status] : records)
        log.add(record(n, status));
    log.flush();

    QSortFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&checked.model);
    proxy.setSortRole(RequestLogModel::SortRole);
    proxy.sort(column, Qt::AscendingOrder);
    const auto sortedPaths = [&] {
        QByteArrayList out;
        for (int row = 0; row < proxy.rowCount(); ++row)
            out.append(text(proxy, row, RequestLogModel::Path).toLatin1());
        return out;
    };
    QCOMPARE(sortedPaths(), ascending);

    // new rows land in their sorted place
    log.add(record(15, 302));
    log.flush();
    QCOMPARE(proxy.rowCount(), 5);
    QVERIFY(sortedPaths().contains("/15"));
    if (column != RequestLogModel::Status)
        QCOMPARE(sortedPaths().indexOf("/15"), 1); // 9 < 15 < 20

    // the display strings would sort differently ("100 ms" < "9.00 ms")
    if (column == RequestLogModel::Duration) {
        proxy.setSortRole(Qt::DisplayRole);
        QVERIFY(sortedPaths() != ascending);
    }
}

void tst_RequestLogModel::filterOnPath()
{
    RequestLog log;
    Checked checked(&log);
    for (const char *path : {"/api/users", "/index.html", "/API/items", "/static/app.js", "/api"}) {
        RequestRecord r = record(1);
        r.path = path;
        log.add(r);
    }
    log.flush();

    QSortFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&checked.model);
    proxy.setFilterKeyColumn(RequestLogModel::Path);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(u"api"_s);
    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(text(proxy, 0, RequestLogModel::Path), u"/api"_s); // still newest first
    QCOMPARE(text(proxy, 1, RequestLogModel::Path), u"/API/items"_s);
    QCOMPARE(text(proxy, 2, RequestLogModel::Path), u"/api/users"_s);

    RequestRecord later = record(2);
    later.path = "/api/later";
    log.add(later);
    RequestRecord other = record(3);
    other.path = "/other";
    log.add(other);
    log.flush();
    QCOMPARE(proxy.rowCount(), 4);
    QCOMPARE(text(proxy, 0, RequestLogModel::Path), u"/api/later"_s);

    proxy.setFilterFixedString(u"nothing"_s);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterFixedString({});
    QCOMPARE(proxy.rowCount(), 7);
    checked.model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_RequestLogModel::previewsDroppedInTheLogAreDroppedHere()
{
    RequestLog log(1000);
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray body(RequestRecord::PreviewLimit, 'y');
    const int count = int(RequestLog::PreviewBudget / (2 * body.size())) + 3;
    for (int i = 0; i < count; ++i) {
        RequestRecord record;
        record.requestBody = body;
        record.responseBody = body;
        log.add(record);
        if (i % 50 == 0)
            log.flush(); // some previews go while their batch is still waiting
    }
    log.flush();
    QCOMPARE(model.rowCount(), count);
    for (int row = count - 3; row < count; ++row) { // the oldest three, at the bottom
        QVERIFY(model.record(row).previewsDropped);
        QVERIFY(model.record(row).responseBody.isEmpty());
    }
    QCOMPARE(model.record(0).responseBody, body);
}

QTEST_MAIN(tst_RequestLogModel)
#include "tst_requestlogmodel.moc"
