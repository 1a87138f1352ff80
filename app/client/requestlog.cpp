// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "requestlog.h"

#include <QElapsedTimer>

#include <algorithm>

QDateTime RequestRecord::now()
{
    static QElapsedTimer sinceOffset;
    static int offset = 0;
    if (!sinceOffset.isValid() || sinceOffset.elapsed() > 60'000) {
        offset = QDateTime::currentDateTime().offsetFromUtc();
        sinceOffset.start();
    }
    return QDateTime::currentDateTimeUtc().toOffsetFromUtc(offset);
}

bool RequestRecord::isTextual(const HttpHead &head)
{
    const QByteArray type = head.value("Content-Type").toLower();
    if (type.isEmpty())
        return false;
    return type.startsWith("text/") || type.contains("json") || type.contains("xml")
            || type.contains("javascript") || type.contains("x-www-form-urlencoded");
}

void RequestRecord::keepPreview(QByteArray &preview, bool &truncated, const HttpHead &head,
                                QByteArrayView bytes)
{
    if (bytes.isEmpty() || truncated)
        return;
    if (!isTextual(head) && !head.value("Content-Type").trimmed().toLower().startsWith("image/")) {
        truncated = true;
        return;
    }
    const qsizetype room = PreviewLimit - preview.size();
    preview += bytes.first(qMin(room, bytes.size()));
    truncated = bytes.size() > room;
}

RequestLog::RequestLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(std::chrono::milliseconds(100));
    connect(&m_batchTimer, &QTimer::timeout, this, &RequestLog::flush);
    m_expiry.setInterval(std::chrono::milliseconds(250));
    connect(&m_expiry, &QTimer::timeout, this, &RequestLog::expireAwaiting);
    m_clock.start();
}

namespace {
// The edge saw the request from its head to the response's end; the app's part, and the wait
// for a restarting app (--hold), are not the tunnel's. Clocks of ms granularity: never below 0.
double tunnelPart(const RequestRecord &record, double edgeMs)
{
    return qMax(0.0, edgeMs - record.durationMs - record.heldMs);
}

qint64 previewSize(const RequestRecord &record)
{
    return record.requestBody.size() + record.responseBody.size();
}

// What a record needs for a line of its own or the figures: no headers and no bodies.
void slim(RequestRecord &record)
{
    record.requestHead.headers = {};
    record.responseHead.headers = {};
    record.requestBody = {};
    record.responseBody = {};
}
} // namespace

void RequestLog::add(RequestRecord record)
{
    if (m_publishOnly && record.kind == RequestRecord::Kind::Http) {
        // Printed once, in a line that needs none of this: free it now, not after the wait
        // for the edge time (with a thousand records waiting, malloc had 4% more to do).
        slim(record);
    }
    constexpr qsizetype MostAwaiting = 50'000; // beyond, records go out without the split
    if (!m_edgeTimesExpected || record.edgeKey == 0
        || qsizetype(m_awaiting.size()) >= MostAwaiting) {
        accept(std::move(record));
        return;
    }
    if (const auto early = m_earlyTimes.constFind(record.edgeKey); early != m_earlyTimes.cend()) {
        record.tunnelMs = tunnelPart(record, *early);
        m_earlyTimes.erase(early);
        accept(std::move(record));
        return;
    }
    m_awaitOrder.emplace_back(record.edgeKey, m_clock.elapsed() + EdgeTimeWait.count());
    const quint64 key = record.edgeKey;
    m_awaiting.emplace(key, std::move(record));
    if (!m_expiry.isActive())
        m_expiry.start();
}

void RequestLog::addEdgeTime(quint64 key, double edgeMs)
{
    const auto waiting = m_awaiting.find(key);
    if (waiting == m_awaiting.end()) {
        constexpr qsizetype MostEarly = 4096; // times whose records never come (a refusal)
        if (m_earlyTimes.size() >= MostEarly)
            m_earlyTimes.clear();
        m_earlyTimes.insert(key, edgeMs);
        return;
    }
    RequestRecord record = std::move(waiting->second);
    m_awaiting.erase(waiting);
    record.tunnelMs = tunnelPart(record, edgeMs);
    accept(std::move(record));
}

void RequestLog::expireAwaiting()
{
    const qint64 now = m_clock.elapsed();
    while (!m_awaitOrder.empty() && m_awaitOrder.front().second <= now) {
        if (const auto waiting = m_awaiting.find(m_awaitOrder.front().first);
            waiting != m_awaiting.end()) {
            RequestRecord record = std::move(waiting->second);
            m_awaiting.erase(waiting);
            accept(std::move(record));
        }
        m_awaitOrder.pop_front();
    }
    if (m_awaitOrder.empty()) {
        m_expiry.stop();
        m_earlyTimes.clear();
    }
}

void RequestLog::setEdgeTimesExpected(bool expected)
{
    m_edgeTimesExpected = expected;
    if (expected)
        return;
    for (const auto &[key, deadline] : m_awaitOrder) {
        if (const auto waiting = m_awaiting.find(key); waiting != m_awaiting.end()) {
            accept(std::move(waiting->second));
            m_awaiting.erase(waiting);
        }
    }
    m_awaitOrder.clear();
    m_awaiting.clear();
    m_earlyTimes.clear();
    m_expiry.stop();
}

void RequestLog::drain()
{
    const bool expected = m_edgeTimesExpected;
    setEdgeTimesExpected(false);
    m_edgeTimesExpected = expected;
    flush();
}

void RequestLog::accept(RequestRecord record)
{
    record.id = m_nextId++;
    if (m_capturePaused && record.replayOf == 0) {
        record.captured = false;
        slim(record);
        ++m_missed;
    } else if (!m_publishOnly) {
        m_previewBytes += previewSize(record);
        m_ring.push_back(record);
        while (qsizetype(m_ring.size()) > m_capacity)
            dropOldest();
        keepPreviewBudget();
    }
    m_pending.append(std::move(record));
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    if (m_pending.size() >= MaxBatch) {
        // A busy tunnel: publish now (from the event loop, not this call), so that no batch
        // takes its printer or model long enough to hold up the visitors' bytes.
        if (!std::exchange(m_flushQueued, true))
            QMetaObject::invokeMethod(this, &RequestLog::flush, Qt::QueuedConnection);
    } else if (!m_batchTimer.isActive()) {
        m_batchTimer.start();
    }
}

void RequestLog::flush()
{
    m_batchTimer.stop();
    m_flushQueued = false;
    if (m_pending.isEmpty())
        return;
    const QList<RequestRecord> batch = std::exchange(m_pending, {});
    Q_EMIT recordsAdded(batch);
}

void RequestLog::clear()
{
    m_ring.clear();
    m_pending.clear();
    m_previewBytes = 0;
    m_withoutPreview = 0;
}

void RequestLog::setCapturePaused(bool paused)
{
    m_capturePaused = paused;
    m_missed = 0;
}

void RequestLog::setPublishOnly(bool publishOnly)
{
    m_publishOnly = publishOnly;
    if (publishOnly) {
        m_ring.clear();
        m_previewBytes = 0;
        m_withoutPreview = 0;
    }
}

void RequestLog::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    while (qsizetype(m_ring.size()) > m_capacity)
        dropOldest();
}

void RequestLog::dropOldest()
{
    m_previewBytes -= previewSize(m_ring.front());
    m_ring.pop_front();
    if (m_withoutPreview > 0)
        --m_withoutPreview;
}

// A ring of N records is only bounded if the records are: previews of up to 64 KiB per body
// would let a large ring of text-heavy requests hold gigabytes.
void RequestLog::keepPreviewBudget()
{
    quint64 throughId = 0;
    while (m_previewBytes > PreviewBudget && m_withoutPreview < qsizetype(m_ring.size())) {
        RequestRecord &record = m_ring[size_t(m_withoutPreview++)];
        m_previewBytes -= previewSize(record);
        record.requestBody = {};
        record.responseBody = {};
        record.previewsDropped = true;
        throughId = record.id;
    }
    if (throughId != 0)
        Q_EMIT previewsDropped(throughId);
}

void RequestLog::addWaiting(const QByteArray &method, const QByteArray &path)
{
    ++m_waiting;
    Q_EMIT requestWaiting(method, path);
    Q_EMIT waitingChanged(m_waiting);
}

void RequestLog::removeWaiting()
{
    m_waiting = qMax(0, m_waiting - 1);
    Q_EMIT waitingChanged(m_waiting);
}

const RequestRecord *RequestLog::find(quint64 id) const
{
    // ids grow along the ring
    const auto at = std::lower_bound(m_ring.begin(), m_ring.end(), id,
                                     [](const RequestRecord &r, quint64 id) { return r.id < id; });
    return at != m_ring.end() && at->id == id ? &*at : nullptr;
}
