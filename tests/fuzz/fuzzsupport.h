// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <cstring>

#include <QCoreApplication>
#include <QIODevice>
#include <QLoggingCategory>

// What every target calls from LLVMFuzzerInitialize: the one QCoreApplication, made with a
// copy of the arguments so Qt cannot take any of libFuzzer's, and rok's own logging off (a
// protocol warning per input would slow the fuzzer down to the speed of the terminal).
inline void initializeQt(const char *program)
{
    static int argc = 1;
    static char *argv[] = {const_cast<char *>(program), nullptr};
    static QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("rok.*=false"));
}

// Runs what is queued (flushes, queued calls) and what was deleted with deleteLater(), which
// processEvents() alone does not do outside an event loop.
inline void settle()
{
    for (int i = 0; i < 2; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

// An in-memory transport for the fuzz targets: feed() hands bytes to the reader and emits
// readyRead(), end() is the peer's end of data. What the code under test writes is counted and,
// if asked, kept (keepWritten), else dropped; bytesToWrite() is 0, so writers never wait.
class FuzzDevice : public QIODevice
{
public:
    explicit FuzzDevice(bool keepWritten = false)
        : m_keepWritten(keepWritten)
    {
        open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_in.size() - m_read + QIODevice::bytesAvailable();
    }

    void feed(QByteArrayView bytes)
    {
        m_in.remove(0, m_read);
        m_read = 0;
        m_in.append(bytes);
        Q_EMIT readyRead();
    }
    void end()
    {
        m_ended = true;
        Q_EMIT readChannelFinished();
    }

    qint64 writtenCount() const { return m_writtenCount; }
    const QByteArray &written() const { return m_written; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_in.size() - m_read));
        if (n > 0) // read(0) may pass a null buffer
            memcpy(data, m_in.constData() + m_read, size_t(n));
        m_read += n;
        return n == 0 && m_ended ? -1 : n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_writtenCount += size;
        if (m_keepWritten)
            m_written.append(data, size);
        return size;
    }

private:
    QByteArray m_in;
    qsizetype m_read = 0; // bytes of m_in already read
    bool m_ended = false;
    bool m_keepWritten;
    qint64 m_writtenCount = 0;
    QByteArray m_written;
};
