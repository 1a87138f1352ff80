// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Fuzzes HttpParser, both kinds, fed in pieces, and checks what httpparser.h promises.
//
// Input: byte 0 picks the setup, the rest is the byte stream.
//   bit 0     kind: 0 request, 1 response
//   bits 1-2  requests: bit 1 answers an upgrade or CONNECT with switchProtocols(), else
//             stayHttp(); responses: the methods queued with expectResponseTo() (see Expected)
//   bit 3     a small maxHeadSize (256), to reach the limit
//   bits 4-7  the size of the pieces fed (see PieceSizes; 0: all at once)
//
// Checked: the caller loop of httpparser.h terminates and every step consumes within its input;
// a step that consumes nothing carries an event; head().size matches the bytes of the head; a
// request head serialized (as RequestRewriter forwards it) parses back to the same head; a
// parser in error stays in error. A violation aborts.

#include "fuzzsupport.h"
#include "httpparser.h"

#include <cstdio>
#include <cstdlib>

namespace {

constexpr qsizetype PieceSizes[16] = {0, 1, 2, 3, 4, 5, 7, 8, 13, 16, 31, 64, 100, 256, 1000, 4096};
const QList<QByteArrayView> Expected[4] = {{}, {"HEAD"}, {"CONNECT"}, {"HEAD", "CONNECT", "GET"}};

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_httpparser: invariant violated: %s\n", what);
    abort();
}

bool sameHead(const HttpHead &a, const HttpHead &b)
{
    if (a.method != b.method || a.target != b.target || a.status != b.status || a.reason != b.reason
        || a.versionMinor != b.versionMinor || a.headers.size() != b.headers.size())
        return false;
    for (qsizetype i = 0; i < a.headers.size(); ++i) {
        if (a.headers.at(i).name != b.headers.at(i).name
            || a.headers.at(i).value != b.headers.at(i).value)
            return false;
    }
    return true;
}

// HttpParser is growing (protocol switches, trailers): the parts of its API that may or may not
// be there are reached through `if constexpr (requires ...)`, so this target builds either way.
template <typename Parser>
class Checker
{
public:
    Checker(typename Parser::Kind kind, qsizetype maxHeadSize, bool acceptSwitch)
        : m_parser(kind, maxHeadSize)
        , m_kind(kind)
        , m_maxHeadSize(maxHeadSize)
        , m_acceptSwitch(acceptSwitch)
    {
    }

    Parser &parser() { return m_parser; }

    // The caller loop of httpparser.h, checking every step.
    void feed(QByteArrayView data)
    {
        const qsizetype maxSteps = 3 * data.size() + 8;
        qsizetype steps = 0;
        while (!m_failed && (!data.isEmpty() || m_parser.hasPendingEvent())) {
            if (++steps > maxSteps)
                violated("the caller loop does not terminate");
            const auto step = m_parser.feed(data);
            if (step.consumed < 0 || step.consumed > data.size())
                violated("a step consumed more than its input");
            check(step, data);
            data = data.sliced(step.consumed);
        }
    }

    void finish()
    {
        if (m_failed)
            return;
        const auto step = m_parser.finish();
        if (step.consumed != 0)
            violated("finish() consumed bytes");
        if (step.event == Parser::Event::HeadComplete)
            violated("finish() completed a head");
    }

private:
    void check(const typename Parser::Step &step, QByteArrayView data)
    {
        using Event = typename Parser::Event;
        if (step.consumed == 0) {
            if (step.event == Event::NeedMore && !data.isEmpty())
                violated("a step consumed nothing and reported nothing");
            if (m_lastStepEmpty && step.event != Event::Error && !isAwaitingSwitch(step.event))
                violated("two steps in a row consumed nothing");
        }
        m_lastStepEmpty = step.consumed == 0;
        m_sinceMessage += step.consumed;
        if (m_parser.bodyBytes() < 0)
            violated("negative bodyBytes()");

        if (isAwaitingSwitch(step.event)) {
            answerSwitch();
        } else if (step.event == Event::NeedMore) {
            if (step.consumed < data.size() && !inTrailer())
                violated("NeedMore left input unconsumed outside a trailer section");
        } else if (step.event == Event::HeadComplete) {
            checkHead();
        } else if (step.event == Event::MessageComplete) {
            m_sinceMessage = 0;
        } else if (step.event == Event::Error) {
            m_failed = true;
            if (m_parser.error() == Parser::Error::None || m_parser.errorString().isEmpty())
                violated("an error without error() or errorString()");
            if (m_parser.feed("GET / HTTP/1.1\r\n\r\n").event != Event::Error)
                violated("the parser left its error state");
        }
    }

    void checkHead()
    {
        const HttpHead &head = m_parser.head();
        if (head.size <= 0 || head.size > m_maxHeadSize)
            violated("head().size outside 1..maxHeadSize");
        // Only a request may be preceded by empty lines (CRLF pairs), which are not in the head.
        const qsizetype before = m_sinceMessage - head.size;
        if (before < 0 || before % 2 != 0 || (m_kind == Parser::Kind::Response && before != 0))
            violated("head().size does not match the bytes of the head");
        head.value("Host");
        head.hasToken("Connection", "upgrade");
        if (m_kind != Parser::Kind::Request)
            return;
        // What RequestRewriter forwards must read back as the same head.
        const QByteArray wire = head.serialize();
        Parser again(Parser::Kind::Request, wire.size());
        const auto step = again.feed(wire);
        if (step.event != Parser::Event::HeadComplete || step.consumed != wire.size()
            || !sameHead(again.head(), head))
            violated("a serialized request head does not parse back to the same head");
    }

    static bool isAwaitingSwitch(typename Parser::Event event)
    {
        if constexpr (requires { Parser::Event::AwaitingSwitch; })
            return event == Parser::Event::AwaitingSwitch;
        return false;
    }

    void answerSwitch()
    {
        if constexpr (requires { m_parser.switchProtocols(); }) {
            if (m_acceptSwitch)
                m_parser.switchProtocols();
            else
                m_parser.stayHttp();
        }
    }

    bool inTrailer() const
    {
        if constexpr (requires { m_parser.inTrailer(); })
            return m_parser.inTrailer();
        return false;
    }

    Parser m_parser;
    typename Parser::Kind m_kind;
    qsizetype m_maxHeadSize;
    bool m_acceptSwitch;
    bool m_failed = false;
    bool m_lastStepEmpty = false;
    qsizetype m_sinceMessage = 0; // bytes consumed since the last message ended
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***argv)
{
    initializeQt((*argv)[0]); // errorString() translates
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t setup = data[0];
    const QByteArrayView bytes(data + 1, qsizetype(size - 1));
    const auto kind = (setup & 1) ? HttpParser::Kind::Response : HttpParser::Kind::Request;
    const qsizetype maxHeadSize = (setup & 8) ? 256 : 64 * 1024;
    const qsizetype piece = PieceSizes[setup >> 4] ? PieceSizes[setup >> 4] : bytes.size();

    Checker<HttpParser> checker(kind, maxHeadSize, setup & 2);
    if (kind == HttpParser::Kind::Response) {
        for (QByteArrayView method : Expected[(setup >> 1) & 3])
            checker.parser().expectResponseTo(method);
    }
    for (qsizetype at = 0; at < bytes.size(); at += piece)
        checker.feed(bytes.sliced(at, qMin(piece, bytes.size() - at)));
    checker.finish();
    return 0;
}
