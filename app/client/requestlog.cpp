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

void RequestLog::add(RequestRecord record)
{
    record.id = m_nextId++;
    m_ring.push_back(record);
    while (qsizetype(m_ring.size()) > m_capacity)
        m_ring.pop_front();
    m_pending.append(std::move(record));
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void RequestLog::flush()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<RequestRecord> batch = std::exchange(m_pending, {});
    Q_EMIT recordsAdded(batch);
}

void RequestLog::clear()
{
    m_ring.clear();
    m_pending.clear();
}

void RequestLog::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    while (qsizetype(m_ring.size()) > m_capacity)
        m_ring.pop_front();
}
