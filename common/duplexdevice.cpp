// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "duplexdevice.h"

QByteArray DuplexDevice::readChunk(qint64 max)
{
    QByteArray chunk = m_in.take(max);
    if (!chunk.isEmpty())
        onConsumed(chunk.size());
    return chunk;
}

void DuplexDevice::replyAndClose(const QByteArray &reply)
{
    writeChunk(reply);
    closeWrite();
    connect(this, &QIODevice::readyRead, this, &DuplexDevice::discardIncoming,
            Qt::UniqueConnection);
    discardIncoming();
}

void DuplexDevice::discardIncoming()
{
    while (bytesAvailable() > 0)
        readChunk(64 * 1024);
}

qint64 DuplexDevice::readData(char *data, qint64 maxSize)
{
    const qint64 n = m_in.read(data, maxSize);
    if (n > 0)
        onConsumed(n);
    if (n == 0 && (m_readEnded || m_failed))
        return -1;
    return n;
}

qint64 DuplexDevice::writeData(const char *data, qint64 size)
{
    if (m_finished)
        return -1;
    writeChunk(QByteArray(data, size));
    return size;
}

void DuplexDevice::appendIncoming(const QByteArray &chunk)
{
    m_in.append(chunk);
    Q_EMIT readyRead();
}

void DuplexDevice::endIncoming()
{
    if (m_readEnded)
        return;
    m_readEnded = true;
    Q_EMIT readChannelFinished();
}

void DuplexDevice::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!error.isEmpty()) {
        m_failed = true;
        setErrorString(error);
    }
    Q_EMIT finished();
}
