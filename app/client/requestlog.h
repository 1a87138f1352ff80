// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "httpparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <unordered_map>

// One HTTP exchange seen through the tunnel, or one upgraded connection.
struct RequestRecord
{
    enum class Kind {
        Http, // a request and its response
        Upgrade, // a 101 Switching Protocols answer: the connection is now a websocket or similar
        UpgradeClosed, // that upgraded connection ended
    };

    quint64 id = 0;
    Kind kind = Kind::Http;
    QDateTime started; // wall clock of the request's first byte
    QByteArray method;
    QByteArray path;
    int status = 0; // 0: no response
    double durationMs = 0; // first request byte to last response byte
    double firstByteMs = -1; // first request byte to the response head; -1 without a response
    double heldMs = 0; // before that: held while the local service was down (--hold)
    // The tunnel's part of the time the visitor saw: the edge's time for the exchange less
    // durationMs (the local app's part, as rok saw it); -1 while unknown.
    double tunnelMs = -1;
    quint64 edgeKey = 0; // RequestLog::edgeKey() of its stream and exchange; 0: none
    quint64 replayOf = 0; // a replay from the window: the id of the record it sent again
    qint64 requestBytes = 0; // head and body as sent on the wire
    qint64 responseBytes = 0;
    HttpHead requestHead;
    HttpHead responseHead;
    // The start of a text or image body as sent (chunked: with its framing; compressed: as
    // compressed). ReadableBody makes it readable.
    QByteArray requestBody;
    QByteArray responseBody;
    bool requestBodyTruncated = false; // longer than PreviewLimit, or not text or an image
    bool responseBodyTruncated = false;
    bool previewsDropped = false; // the log dropped the body previews to stay within budget
    bool captured = true; // false: capture was paused; only its figures remain (no heads)
    QString error; // why there is no (complete) response

    static constexpr qsizetype PreviewLimit = 64 * 1024;
    // The local wall clock for `started`, without a time-zone lookup per call: the offset from
    // UTC is refreshed once a minute (QDateTime::currentDateTime() stats /etc/localtime each
    // time, which the benchmark measured at 8% of the client's CPU).
    static QDateTime now();
    static bool isTextual(const HttpHead &head); // Content-Type worth showing as text
    // Adds the next bytes of a body to its preview if its Content-Type is text or an image,
    // up to PreviewLimit; `truncated` says the preview is not the whole body.
    static void keepPreview(QByteArray &preview, bool &truncated, const HttpHead &head,
                            QByteArrayView bytes);
};

// The requests of a tunnel: a ring of the last `capacity` records, published to printers and
// models in batches from a timer rather than one signal per request.
class RequestLog : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLog)

public:
    explicit RequestLog(int capacity = 1000, QObject *parent = nullptr);

    void add(RequestRecord record);
    void flush(); // publish what is pending now
    void drain(); // and what waits for its edge time: the program ends

    // Protocol::Timings: when the server sends them, a record with an edgeKey waits (up to
    // EdgeTimeWait) for its time at the edge, which splits its duration into the local app's
    // part and the tunnel's.
    static constexpr std::chrono::milliseconds EdgeTimeWait{2000};
    static quint64 edgeKey(quint32 stream, qint64 exchange)
    {
        return (quint64(stream) << 32) | quint64(quint32(exchange));
    }
    void setEdgeTimesExpected(bool expected); // false: what waits is published as it is
    void addEdgeTime(quint64 key, double edgeMs);
    void clear();

    // Body previews of all records together stay below this: the oldest lose theirs first.
    static constexpr qint64 PreviewBudget = 32 * 1024 * 1024;
    // A batch is published after 100 ms, or as soon as it holds this many records.
    static constexpr qsizetype MaxBatch = 256;
    qint64 previewBytes() const { return m_previewBytes; }

    QList<RequestRecord> records() const { return {m_ring.begin(), m_ring.end()}; }
    const std::deque<RequestRecord> &kept() const { return m_ring; } // records(), not copied
    const RequestRecord *find(quint64 id) const; // nullptr: not (or no longer) kept
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    // Publish the batches and keep no ring (records() stays empty): for the CLI, which prints
    // each record once and needs no history. Each record is then copied and freed once.
    void setPublishOnly(bool publishOnly);
    bool isPublishOnly() const { return m_publishOnly; }
    void setBatchInterval(std::chrono::milliseconds interval)
    {
        m_batchTimer.setInterval(interval);
    }

    // Paused capture: records still go out in the batches, for the figures, but are neither
    // kept nor shown (captured = false), and their heads and bodies go at once. A replay the
    // user asks for is kept all the same.
    void setCapturePaused(bool paused);
    bool isCapturePaused() const { return m_capturePaused; }
    int missedWhilePaused() const { return m_missed; } // since the pause began

    // Requests held while the local service is down (--hold), as each starts to wait: the CLI
    // prints them and the window counts them. Their records come when they end.
    void addWaiting(const QByteArray &method, const QByteArray &path);
    void removeWaiting();
    int waiting() const { return m_waiting; }

Q_SIGNALS:
    void recordsAdded(const QList<RequestRecord> &batch);
    void requestWaiting(const QByteArray &method, const QByteArray &path);
    void waitingChanged(int count);
    void previewsDropped(quint64 throughId); // records up to this id no longer have previews

private:
    void accept(RequestRecord record); // into the ring and the next batch
    void dropOldest();
    void keepPreviewBudget();
    void expireAwaiting();

    std::deque<RequestRecord> m_ring;
    qint64 m_previewBytes = 0; // body previews held by m_ring
    qsizetype m_withoutPreview = 0; // the oldest records of m_ring whose previews were dropped
    QList<RequestRecord> m_pending;
    quint64 m_nextId = 1;
    int m_capacity;
    bool m_publishOnly = false;
    bool m_capturePaused = false;
    int m_missed = 0;
    bool m_flushQueued = false;
    int m_waiting = 0;

    bool m_edgeTimesExpected = false;
    // By edgeKey. Node-based: QHash moves its entries as it grows and erases, and a record is
    // large (perf had QHash at 1.7% of `rok http` under load).
    std::unordered_map<quint64, RequestRecord> m_awaiting;
    std::deque<std::pair<quint64, qint64>> m_awaitOrder; // key and deadline, oldest first
    QHash<quint64, double> m_earlyTimes; // edge times that came before their record
    QElapsedTimer m_clock;
    QTimer m_expiry;
    QTimer m_batchTimer;
};
