// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "httptap.h"

namespace {

// Keeps the start of a body for the request inspector, unless none reads it (`keep`).
void capture(bool keep, QByteArray &preview, bool &truncated, const HttpHead &head,
             QByteArrayView bytes)
{
    if (keep)
        RequestRecord::keepPreview(preview, truncated, head, bytes);
}

bool switchesProtocols(const RequestRecord &record)
{
    const bool tunnelled = record.method == "CONNECT" && record.status / 100 == 2;
    return record.status == 101 || tunnelled;
}

// One direction of a tap; both share the tap, which goes when the splice's filters go.
class TapFilter : public SpliceFilter
{
public:
    TapFilter(std::shared_ptr<HttpTap> tap, bool requests)
        : m_tap(std::move(tap))
        , m_requests(requests)
    {
    }
    bool filter(QByteArray &chunk) override
    {
        if (m_requests)
            m_tap->requestBytes(chunk);
        else
            m_tap->responseBytes(chunk);
        return true;
    }
    void finish() override
    {
        if (!m_requests)
            m_tap->responseEnded();
    }

private:
    std::shared_ptr<HttpTap> m_tap;
    bool m_requests;
};

} // namespace

HttpTap::HttpTap(RequestLog *log)
    : m_log(log)
    , m_previews(!log || !log->isPublishOnly())
{
    m_clock.start();
}

HttpTap::~HttpTap()
{
    if (m_upgraded) {
        m_upgraded->record.kind = RequestRecord::Kind::UpgradeClosed;
        m_upgraded->record.durationMs = msSince(m_upgraded->startNs);
        publish(*m_upgraded);
    }
    for (Exchange &exchange : m_open) {
        if (exchange.record.requestHead.method.isEmpty())
            continue; // a few bytes that never became a request
        exchange.record.durationMs = msSince(exchange.startNs);
        if (exchange.record.error.isEmpty())
            exchange.record.error = QStringLiteral("connection closed before the response ended");
        publish(exchange);
    }
}

void HttpTap::attach(Splice *splice, Splice::Direction requests, RequestLog *log, double heldMs,
                     quint32 stream)
{
    auto tap = std::make_shared<HttpTap>(log);
    tap->m_heldMs = heldMs;
    tap->m_stream = stream;
    const Splice::Direction responses = requests == Splice::AtoB ? Splice::BtoA : Splice::AtoB;
    splice->setFilter(requests, std::make_unique<TapFilter>(tap, true));
    splice->setFilter(responses, std::make_unique<TapFilter>(tap, false));
}

void HttpTap::requestBytes(QByteArrayView data)
{
    if (m_upgraded) {
        m_upgraded->record.requestBytes += data.size();
        return;
    }
    while (!m_stopped && (!data.isEmpty() || m_requests.hasPendingEvent())) {
        if (m_requests.isAwaitingSwitch()) {
            // Upgrade requested; until the answer comes, count the bytes on that request.
            if (Exchange *exchange = receiving())
                exchange->record.requestBytes += data.size();
            return;
        }
        if (m_requests.isIdle() && !data.isEmpty()) {
            Exchange exchange;
            exchange.startNs = m_clock.nsecsElapsed();
            exchange.record.started = RequestRecord::now();
            exchange.record.heldMs = std::exchange(m_heldMs, 0);
            if (m_stream != 0)
                exchange.record.edgeKey = RequestLog::edgeKey(m_stream, m_exchanges++);
            m_open.push_back(std::move(exchange));
        }
        const HttpParser::Step step = m_requests.feed(data);
        const QByteArrayView consumed = data.first(step.consumed);
        data = data.sliced(step.consumed);
        // nullptr once the request was answered early (and logged): the rest is not recorded
        Exchange *exchange = receiving();
        if (exchange)
            exchange->record.requestBytes += step.consumed;
        switch (step.event) {
        case HttpParser::Event::NeedMore:
            if (exchange && !exchange->record.method.isEmpty()) {
                RequestRecord &record = exchange->record;
                capture(m_previews, record.requestBody, record.requestBodyTruncated,
                        record.requestHead, consumed);
            }
            break;
        case HttpParser::Event::HeadComplete:
            if (exchange) { // else its answer came already
                RequestRecord &record = exchange->record;
                record.requestHead = m_requests.head();
                record.method = record.requestHead.method;
                record.path = record.requestHead.target;
                m_responses.expectResponseTo(record.method);
            }
            break;
        case HttpParser::Event::MessageComplete:
            if (exchange) {
                RequestRecord &record = exchange->record;
                capture(m_previews, record.requestBody, record.requestBodyTruncated,
                        record.requestHead, consumed);
                exchange->requestDone = true;
            }
            break;
        case HttpParser::Event::Error:
            stopLogging(QStringLiteral("unreadable request: ") + m_requests.errorString());
            return;
        case HttpParser::Event::AwaitingSwitch:
            break; // counted at the top of the loop
        }
    }
}

HttpTap::Exchange *HttpTap::receiving()
{
    // Requests end in order and responses are logged in order: if the newest exchange's request
    // has not ended, it is the one being received. If it was answered before the request ended
    // (a 413 or a 204 to an upload, which servers may send early), it is already logged and gone.
    if (m_open.empty() || m_open.back().requestDone)
        return nullptr;
    return &m_open.back();
}

void HttpTap::responseBytes(QByteArrayView data)
{
    if (m_upgraded) {
        m_upgraded->record.responseBytes += data.size();
        return;
    }
    while (!m_stopped && (!data.isEmpty() || m_responses.hasPendingEvent())) {
        const HttpParser::Step step = m_responses.feed(data);
        const QByteArrayView consumed = data.first(step.consumed);
        data = data.sliced(step.consumed);
        if (m_open.empty()) {
            stopLogging(QStringLiteral("a response without a request"));
            return;
        }
        Exchange &exchange = m_open.front();
        exchange.record.responseBytes += step.consumed;
        RequestRecord &record = exchange.record;
        switch (step.event) {
        case HttpParser::Event::NeedMore:
            if (record.status != 0)
                capture(m_previews, record.responseBody, record.responseBodyTruncated,
                        record.responseHead, consumed);
            break;
        case HttpParser::Event::HeadComplete:
            if (exchange.record.firstByteMs < 0)
                exchange.record.firstByteMs = msSince(exchange.startNs);
            exchange.record.responseHead = m_responses.head();
            exchange.record.status = m_responses.head().status;
            if (record.status >= 200 && m_open.size() == 1 && !switchesProtocols(record))
                m_requests.stayHttp(); // an upgrade, if one was asked for, was refused
            if (switchesProtocols(exchange.record)) { // from here on, raw bytes both ways
                exchange.record.kind = RequestRecord::Kind::Upgrade;
                exchange.record.durationMs = exchange.record.firstByteMs;
                publish(exchange);
                m_upgraded = std::move(exchange);
                m_open.pop_front();
                if (!data.isEmpty())
                    m_upgraded->record.responseBytes += data.size();
                return;
            }
            break;
        case HttpParser::Event::MessageComplete: {
            const int status = m_responses.head().status;
            if (status >= 100 && status < 200)
                break; // an interim answer; the final one follows
            capture(m_previews, record.responseBody, record.responseBodyTruncated,
                    record.responseHead, consumed);
            exchange.record.durationMs = msSince(exchange.startNs);
            publish(exchange);
            m_open.pop_front();
            break;
        }
        case HttpParser::Event::Error:
            stopLogging(QStringLiteral("unreadable response: ") + m_responses.errorString());
            return;
        case HttpParser::Event::AwaitingSwitch:
            Q_UNREACHABLE(); // requests only
        }
    }
}

void HttpTap::responseEnded()
{
    if (m_stopped || m_upgraded)
        return;
    const HttpParser::Step step = m_responses.finish();
    if (step.event == HttpParser::Event::MessageComplete && !m_open.empty()) {
        Exchange &exchange = m_open.front();
        exchange.record.durationMs = msSince(exchange.startNs);
        publish(exchange);
        m_open.pop_front();
    }
}

void HttpTap::publish(Exchange &exchange)
{
    if (m_log)
        m_log->add(exchange.record);
}

void HttpTap::stopLogging(const QString &why)
{
    m_stopped = true;
    for (Exchange &exchange : m_open)
        exchange.record.error = why;
}
