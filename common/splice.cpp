// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "splice.h"

#include "duplexdevice.h"
#include "logging.h"

namespace {
constexpr qint64 ChunkSize = 64 * 1024;
}

Splice::Splice(DuplexDevice *a, DuplexDevice *b, QObject *parent)
    : QObject(parent)
{
    m_ways[AtoB].from = a;
    m_ways[AtoB].to = b;
    m_ways[BtoA].from = b;
    m_ways[BtoA].to = a;
}

Splice::~Splice()
{
    for (Way &way : m_ways) {
        if (way.from) {
            way.from->disconnect(this);
            way.from->deleteLater();
        }
    }
}

void Splice::setFilter(Direction direction, std::unique_ptr<SpliceFilter> filter)
{
    m_ways[direction].filter = std::move(filter);
}

void Splice::start()
{
    for (const Direction d : {AtoB, BtoA}) {
        DuplexDevice *from = m_ways[d].from;
        DuplexDevice *to = m_ways[d].to;
        connect(from, &QIODevice::readyRead, this, [this, d] { pump(d); });
        connect(from, &QIODevice::readChannelFinished, this, [this, d] { pump(d); });
        connect(to, &QIODevice::bytesWritten, this, [this, d] { pump(d); });
        connect(from, &DuplexDevice::finished, this, [this, from] { onDeviceFinished(from); });
    }
    pump(AtoB);
    pump(BtoA);
    for (Way &way : m_ways) {
        if (way.from && way.from->isFinished())
            onDeviceFinished(way.from);
    }
}

void Splice::refilter(Direction direction)
{
    Way &way = m_ways[direction];
    if (m_done || way.ended || !way.from || !way.to || !way.filter)
        return;
    forward(way, QByteArray());
}

void Splice::abort()
{
    done(true);
}

bool Splice::forward(Way &way, QByteArray chunk)
{
    if (way.filter && !way.filter->filter(chunk)) {
        qCDebug(lcSplice) << "filter refused the data; resetting";
        done(true);
        return false;
    }
    if (!chunk.isEmpty() && !way.endedByFilter)
        way.to->writeChunk(chunk);
    if (!m_done && way.filter && !way.endedByFilter && way.filter->endsDirection()) {
        way.endedByFilter = true;
        way.to->closeWrite();
    }
    return !m_done;
}

void Splice::pump(Direction direction)
{
    Way &way = m_ways[direction];
    if (m_done || way.ended || !way.from || !way.to)
        return;
    if (way.filter && way.filter->endsDirection() && !way.endedByFilter) {
        way.endedByFilter = true; // the filter ended before the splice started
        way.to->closeWrite();
    }
    // Once the filter has ended the direction, what arrives is read and dropped, so that the
    // peer is not reset before it has read the last response.
    while ((way.endedByFilter || way.to->bytesToWrite() < HighWater)
           && way.from->bytesAvailable() > 0) {
        QByteArray chunk = way.from->readChunk(ChunkSize);
        m_bytes[direction] += chunk.size();
        if (qint64 *counter = m_counters[direction])
            *counter += chunk.size();
        m_lastActivity = std::chrono::steady_clock::now();
        if (!forward(way, std::move(chunk)))
            return;
    }
    if (way.from->atReadEnd()) {
        way.ended = true;
        if (way.filter)
            way.filter->finish();
        way.to->closeWrite();
        checkDone();
    }
}

void Splice::onDeviceFinished(DuplexDevice *device)
{
    if (m_done)
        return;
    if (device->hasFailed()) {
        done(true);
        return;
    }
    checkDone();
}

void Splice::checkDone()
{
    for (const Way &way : m_ways) {
        if (!way.ended || !way.from || !way.from->isFinished())
            return;
    }
    done(false);
}

void Splice::done(bool failed)
{
    if (m_done)
        return;
    m_done = true;
    if (failed) {
        for (Way &way : m_ways) {
            if (way.from && !way.from->isFinished())
                way.from->abort();
        }
    }
    Q_EMIT finished(failed);
    deleteLater();
}
