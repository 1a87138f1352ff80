// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>
#include <QPointer>

#include <array>
#include <chrono>
#include <memory>

class DuplexDevice;

// Sees or rewrites the bytes of one direction of a Splice.
class SpliceFilter
{
public:
    virtual ~SpliceFilter() = default;
    // Replaces `chunk` with the bytes to forward (may be empty or of another size).
    // Returns false when the bytes are unacceptable: the splice then resets both sides.
    virtual bool filter(QByteArray &chunk) = 0;
    virtual void finish() { } // this direction ended
    // True once the filter has passed on all it ever will: the splice ends the other side's
    // writing (after the last chunk the filter returned) and drops what still arrives.
    virtual bool endsDirection() const { return false; }
};

// Moves bytes both ways between two devices until both directions have ended, with
// backpressure: it reads from one side only while the other side's write queue is short,
// so a slow reader slows the writer down instead of growing memory. An end of data on one
// side becomes a half-close on the other. A reset on either side resets the other.
// The splice owns both devices and deletes them, and itself, when done.
class Splice : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Splice)

public:
    enum Direction { AtoB = 0, BtoA = 1 };
    static constexpr qint64 HighWater = 256 * 1024;

    Splice(DuplexDevice *a, DuplexDevice *b, QObject *parent = nullptr);
    ~Splice() override;

    void setFilter(Direction direction, std::unique_ptr<SpliceFilter> filter);
    void start();
    // A filter holds bytes back or has something to add without new input: run it on an empty
    // chunk and forward what it returns.
    void refilter(Direction direction);
    void abort(); // resets both sides at once

    qint64 bytes(Direction direction) const { return m_bytes[direction]; }
    // Also adds each direction's bytes to these (for the tunnel's figures); they must outlive
    // the splice.
    void countInto(qint64 *aToB, qint64 *bToA) { m_counters = {aToB, bToA}; }
    std::chrono::steady_clock::time_point lastActivity() const { return m_lastActivity; }

Q_SIGNALS:
    void finished(bool failed);

private:
    struct Way
    {
        QPointer<DuplexDevice> from;
        QPointer<DuplexDevice> to;
        std::unique_ptr<SpliceFilter> filter;
        bool ended = false;
        bool endedByFilter = false;
    };

    void pump(Direction direction);
    bool forward(Way &way, QByteArray chunk); // false: the filter refused it
    void onDeviceFinished(DuplexDevice *device);
    void checkDone();
    void done(bool failed);

    std::array<Way, 2> m_ways;
    std::array<qint64, 2> m_bytes{0, 0};
    std::array<qint64 *, 2> m_counters{nullptr, nullptr};
    std::chrono::steady_clock::time_point m_lastActivity = std::chrono::steady_clock::now();
    bool m_done = false;
};
