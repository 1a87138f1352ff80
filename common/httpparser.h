// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

struct HttpHeader
{
    QByteArray name; // as received
    QByteArray value; // leading/trailing whitespace stripped
};

struct HttpHead
{
    QByteArray method; // requests: "GET"
    QByteArray target; // requests: "/path?q"
    int status = 0; // responses: 200
    QByteArray reason; // responses: "OK"
    int versionMinor = 1; // HTTP/1.<minor>; only HTTP/1.0 and 1.1 are accepted
    QList<HttpHeader> headers;
    qsizetype size = 0; // bytes of the raw head, request/status line through the empty line

    QByteArray value(QByteArrayView name) const; // first match, case-insensitive; empty if none
    // comma-separated list, case-insensitive (e.g. Connection: keep-alive, Upgrade)
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    // replace all of name with one header, or append
    void setValue(QByteArrayView name, const QByteArray &value);
    QByteArray serialize() const; // request line or status line, headers, CRLF; exact wire bytes
};

// Incremental HTTP/1.1 message framer (RFC 9112) for one direction of one connection.
// It copies only the head (bounded by maxHeadSize); body bytes are reported as consumed.
//
// Caller loop (terminates: a step with consumed == 0 always carries an event, and at most one
// such step follows another):
//     while (!data.isEmpty()) {
//         const auto step = parser.feed(data);
//         handle(data.first(step.consumed), step.event);
//         data = data.sliced(step.consumed);
//         if (step.event == HttpParser::Event::Error)
//             break;
//     }
// A message without a body reports HeadComplete (consumed = end of head) and then, on the next
// feed() or finish(), MessageComplete with consumed 0. To receive that MessageComplete without
// waiting for more bytes, loop while (!data.isEmpty() || parser.hasPendingEvent()); feed() with
// empty data is allowed.
//
// Protocol switches: a response parser passes every byte after a 101 (or a 2xx to CONNECT)
// through. A request parser cannot know whether a request's Upgrade or CONNECT will be accepted,
// so after such a request it reports AwaitingSwitch and consumes nothing until the caller, who
// sees the response, calls switchProtocols() or stayHttp(). A proxy that went raw at the request
// would let a visitor smuggle a second request past its header rewriting.
class HttpParser
{
public:
    enum class Kind { Request, Response };
    enum class Event {
        NeedMore, // consumed body, partial head or passthrough bytes; everything given, except
        // that a chunked body stops at its trailer section (see inTrailer())
        HeadComplete, // a head ended at `consumed`; head() holds it
        MessageComplete, // a whole message (head + body) ended at `consumed`; ready for the next one
        Error, // malformed input; error()/errorString() say why; parser stays in error
        AwaitingSwitch // requests: the last request asked to switch protocols; consumed is 0
    };
    enum class Error {
        None,
        BadSyntax,
        HeadTooLarge,
        BadContentLength,
        BadChunk,
        UnsupportedVersion,
        AmbiguousLength,
        TooManyFields // more than MaxFields fields in a head or trailer section
    };
    // Small headers are cheap in bytes but not in work: 10,000 of them fit in 64 KiB.
    static constexpr int MaxFields = 256;
    struct Step
    {
        Event event;
        qsizetype consumed; // for Error: the offset at which the error was detected
    };

    explicit HttpParser(Kind kind, qsizetype maxHeadSize = 64 * 1024);

    // Consumes a prefix of data up to and including at most one event.
    Step feed(QByteArrayView data);
    // End of input: a response read-until-close completes (MessageComplete); anything
    // mid-message -> Error (or NeedMore when idle or in passthrough).
    Step finish();
    // Request kind, in AwaitingSwitch: the response accepted the switch (every further byte is
    // raw) or refused it (the next bytes are the next request).
    void switchProtocols();
    void stayHttp();
    // Response kind: queue the method of each request sent on this connection (pipelining), so
    // HEAD and CONNECT are handled. Responses with nothing queued are treated as answers to GET.
    void expectResponseTo(QByteArrayView method);

    // valid from HeadComplete until the next head starts
    const HttpHead &head() const { return m_head; }
    // after an upgrade: every further byte is raw, feed() returns {NeedMore, size}
    bool isPassthrough() const { return m_state == State::Passthrough; }
    // between messages, no byte of the next one seen yet
    bool isIdle() const { return m_state == State::Idle; }
    bool isAwaitingSwitch() const { return m_state == State::AwaitingSwitch; }
    // in a chunked body's trailer section; trailers() holds the fields once it ends
    bool inTrailer() const { return m_state == State::Trailer; }
    const QList<HttpHeader> &trailers() const { return m_trailers; }
    // the next feed() or finish() returns MessageComplete with consumed 0
    bool hasPendingEvent() const { return m_state == State::Done; }
    qint64 bodyBytes() const { return m_bodyBytes; } // chunked: payload bytes, not framing
    Error error() const { return m_error; }
    QString errorString() const; // short human text, e.g. "header section larger than 65536 bytes"

private:
    enum class State {
        Idle,
        IdleLF, // a CR of an empty line before a request line
        Head,
        Body, // m_remaining bytes of Content-Length body
        ChunkSize,
        ChunkExt,
        ChunkSizeLF,
        ChunkData,
        ChunkDataCR,
        ChunkDataLF,
        Trailer,
        UntilClose,
        Done, // bodyless message: MessageComplete is due
        AwaitingSwitch,
        Passthrough,
        Failed
    };

    bool reject(Error error, const char *text); // enters Failed; returns false
    Step fail(Error error, const char *text, qsizetype at);
    Step completeMessage(qsizetype at);
    void startChunk();
    std::optional<Step> onLine(QByteArrayView line, qsizetype pos);
    bool parseStartLine(QByteArrayView line);
    bool parseField(QByteArrayView line, QList<HttpHeader> &fields);
    bool startBody(); // after the head's empty line: chooses the state for the body

    Kind m_kind;
    State m_state = State::Idle;
    qsizetype m_maxHeadSize;
    qsizetype m_lineBytes = 0; // bytes of the head, trailer section or chunk-size line so far
    QByteArray m_line; // the partial head/trailer line
    bool m_startLineDone = false;
    State m_afterMessage = State::Idle; // Passthrough or AwaitingSwitch for a protocol switch
    qint64 m_remaining = 0; // body or chunk bytes still to come; chunk size while parsing it
    qint64 m_bodyBytes = 0;
    int m_sizeDigits = 0; // hex digits of the chunk size so far; -1 after whitespace
    HttpHead m_head;
    QList<HttpHeader> m_trailers;
    QList<QByteArray> m_expected; // Response kind: methods of requests awaiting a final response
    Error m_error = Error::None;
    const char *m_errorText = nullptr;
};
