// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "chunkqueue.h"

#include <cstring>

void ChunkQueue::append(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    m_chunks.push_back(chunk);
    m_size += chunk.size();
}

QByteArray ChunkQueue::take(qint64 max)
{
    if (m_chunks.empty() || max <= 0)
        return {};
    if (m_offset == 0 && m_chunks.front().size() <= max) {
        QByteArray chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_size -= chunk.size();
        return chunk;
    }
    const QByteArrayView view = front().first(qMin<qint64>(max, front().size()));
    QByteArray part = view.toByteArray();
    drop(part.size());
    return part;
}

qint64 ChunkQueue::read(char *data, qint64 max)
{
    qint64 done = 0;
    while (done < max && !m_chunks.empty()) {
        const QByteArrayView view = front();
        const qint64 n = qMin<qint64>(max - done, view.size());
        std::memcpy(data + done, view.data(), size_t(n));
        drop(n);
        done += n;
    }
    return done;
}

QByteArrayView ChunkQueue::front() const
{
    if (m_chunks.empty())
        return {};
    return QByteArrayView(m_chunks.front()).sliced(m_offset);
}

QByteArray ChunkQueue::peek(qint64 offset, qint64 max) const
{
    QByteArray copy;
    offset += m_offset;
    for (const QByteArray &chunk : m_chunks) {
        if (copy.size() >= max)
            break;
        if (offset >= chunk.size()) {
            offset -= chunk.size();
            continue;
        }
        copy += QByteArrayView(chunk).sliced(offset).first(
                qMin<qint64>(chunk.size() - offset, max - copy.size()));
        offset = 0;
    }
    return copy;
}

void ChunkQueue::drop(qint64 count)
{
    while (count > 0 && !m_chunks.empty()) {
        const qint64 left = m_chunks.front().size() - m_offset;
        if (count < left) {
            m_offset += count;
            m_size -= count;
            return;
        }
        count -= left;
        m_size -= left;
        m_offset = 0;
        m_chunks.pop_front();
    }
}

void ChunkQueue::clear()
{
    m_chunks.clear();
    m_offset = 0;
    m_size = 0;
}
