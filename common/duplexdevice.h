// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "chunkqueue.h"

#include <QIODevice>

// A byte stream with two independent directions: a TCP connection or a multiplexed stream.
// Unlike QTcpSocket it honours half-close: after the peer's end of data (readChannelFinished)
// this side can still write, and closeWrite() ends only the writing direction.
//
// Data moves in whole chunks (readChunk/writeChunk) so a Splice forwards what one side read
// without copying it; the QIODevice read()/write() API works too, for tests and small users.
class DuplexDevice : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplexDevice)

public:
    using QIODevice::QIODevice;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_in.size() + QIODevice::bytesAvailable(); }

    QByteArray readChunk(qint64 max);
    // Unread bytes from `offset` on, left to be read: a look at a request before it is passed on.
    QByteArray peekChunk(qint64 offset, qint64 max) const { return m_in.peek(offset, max); }
    virtual void writeChunk(const QByteArray &chunk) = 0;

    virtual void closeWrite() = 0; // send our end of data once everything queued is out
    virtual void abort() = 0; // reset both directions at once, dropping queued data

    // Sends `reply` (an error page, say), ends our direction, and from then on reads and drops
    // whatever the peer still sends: closing with unread data would reset the reply away.
    void replyAndClose(const QByteArray &reply);

    bool atReadEnd() const { return m_readEnded && m_in.isEmpty(); } // peer's end of data, all read
    bool isFinished() const { return m_finished; }
    bool hasFailed() const { return m_failed; }

Q_SIGNALS:
    // Nothing more will happen on this device: both directions ended, or it failed.
    void finished();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

    virtual void onConsumed(qint64 count) = 0; // the reader took `count` bytes of m_in

    void appendIncoming(const QByteArray &chunk);
    void endIncoming(); // the peer ended its direction
    void finish(const QString &error = {}); // emits finished() once
    void discardIncoming();

    ChunkQueue m_in;
    bool m_readEnded = false;

private:
    bool m_finished = false;
    bool m_failed = false;
};
