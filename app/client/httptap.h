// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "httpparser.h"
#include "requestlog.h"
#include "splice.h"

#include <QElapsedTimer>
#include <QPointer>

#include <deque>
#include <memory>
#include <optional>

// Watches both directions of one tunnelled HTTP connection and records each exchange in a
// RequestLog: keep-alive and pipelined requests one by one, an upgrade once at its 101 and
// once when the connection closes. It only reads the bytes; they pass on unchanged, and
// bytes it cannot parse are still forwarded (the log just stops for that connection).
class HttpTap
{
public:
    explicit HttpTap(RequestLog *log);
    ~HttpTap(); // logs what is still open: an upgraded connection's end, unanswered requests
    Q_DISABLE_COPY_MOVE(HttpTap)

    // Watches `splice`, whose `requests` direction carries the visitor's bytes. The tap lives
    // as long as the splice.
    // `heldMs`: how long the first request waited for the local service (--hold). `stream`:
    // the visitor's stream id, whose exchanges the server times (RequestRecord::edgeKey).
    static void attach(Splice *splice, Splice::Direction requests, RequestLog *log,
                       double heldMs = 0, quint32 stream = 0);

    void requestBytes(QByteArrayView data);
    void responseBytes(QByteArrayView data);
    void responseEnded();

private:
    struct Exchange
    {
        RequestRecord record;
        qint64 startNs = 0;
        bool requestDone = false;
    };

    Exchange *receiving(); // the exchange whose request is arriving, if it is still open
    double msSince(qint64 startNs) const { return (m_clock.nsecsElapsed() - startNs) / 1e6; }
    void publish(Exchange &exchange);
    void stopLogging(const QString &why);

    QPointer<RequestLog> m_log;
    QElapsedTimer m_clock;
    HttpParser m_requests{HttpParser::Kind::Request};
    HttpParser m_responses{HttpParser::Kind::Response};
    std::deque<Exchange> m_open; // requests in order, awaiting their responses
    std::optional<Exchange> m_upgraded;
    bool m_stopped = false;
    double m_heldMs = 0; // for the first exchange
    bool m_previews = true; // false when the log only prints: no one reads the bodies
    quint32 m_stream = 0;
    qint64 m_exchanges = 0; // begun on this connection
};
