#include "requestlog.h"

#include <QElapsedTimer>

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

RequestLog::RequestLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(std::chrono::milliseconds(100));
    connect(&m_batchTimer, &QTimer::timeout, this, &RequestLog::flush);
}

namespace {
qint64 previewSize(const RequestRecord &record)
{
    return record.requestBody.size() + record.responseBody.size();
}
} // namespace

void RequestLog::add(RequestRecord record)
{
    record.id = m_nextId++;
    if (!m_publishOnly) {
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
