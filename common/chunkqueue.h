// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <deque>

// A FIFO of byte chunks. Whole chunks leave as they came (no copy), so bytes read from one
// socket reach the next one without being copied into a contiguous buffer.
class ChunkQueue
{
public:
    void append(const QByteArray &chunk);
    qint64 size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    QByteArray take(qint64 max); // the front chunk, or its first `max` bytes
    qint64 read(char *data, qint64 max); // copies up to `max` bytes out
    QByteArrayView front() const; // the unread part of the front chunk
    // A copy of up to `max` unread bytes from `offset` on, leaving them queued.
    QByteArray peek(qint64 offset, qint64 max) const;
    void drop(qint64 count); // forget `count` bytes from the front
    void clear();

private:
    std::deque<QByteArray> m_chunks;
    qsizetype m_offset = 0; // bytes of the front chunk already taken
    qint64 m_size = 0;
};
