// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Fuzzes the edge's RequestRewriter with a visitor's requests and a service's responses, split
// into pieces, and reads what it forwards to the tunnel as the client would.
//
// Input: byte 0 picks the visitor's address (bits 0-1, see Visitors). The bytes after it are
// fed in pieces; the size of each piece and its direction (bit 0 of the round's flags: 0 the
// visitor's requests, 1 the service's responses) come from the end of the input:
// FuzzedDataProvider takes integers from the back (make_corpus.py lays its seeds out that way).
// After each piece the other direction is filtered with an empty chunk, as Splice::refilter()
// does when the rewriter kicks it. A false from the filter resets the splice: the run ends.
//
// Checked: what goes to the tunnel parses as HTTP requests (or, after a switch, raw bytes), and
// every forwarded head carries exactly one X-Forwarded-For, the visitor's address.
//
// RequestRewriter is being reworked: makeRewriter() and the Rewriter template parameter keep
// this target building against the one-way filter(), or filterRequest()/filterResponse().

#include "fuzzsupport.h"
#include "httpparser.h"
#include "requestrewriter.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <QHostAddress>

namespace {

struct Visitor
{
    const char *address; // as the edge's socket reports it
    QByteArrayView forwardedFor; // what X-Forwarded-For must say
};
constexpr Visitor Visitors[4] = {{"203.0.113.7", "203.0.113.7"},
                                 {"::ffff:198.51.100.1", "198.51.100.1"},
                                 {"2001:db8::1", "2001:db8::1"},
                                 {"127.0.0.1", "127.0.0.1"}};
const QString Domain = QStringLiteral("rok.test");

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_requestrewriter: invariant violated: %s\n", what);
    abort();
}

// The one place that knows the constructor.
template <typename Rewriter>
std::unique_ptr<Rewriter> makeRewriter(const QHostAddress &visitor)
{
    if constexpr (std::is_constructible_v<Rewriter, QHostAddress, QString>)
        return std::make_unique<Rewriter>(visitor, Domain);
    else
        return std::make_unique<Rewriter>(visitor);
}

template <typename Rewriter>
bool filterRequests(Rewriter &rewriter, QByteArray &chunk)
{
    if constexpr (requires { rewriter.filterRequest(chunk); })
        return rewriter.filterRequest(chunk);
    else
        return rewriter.filter(chunk);
}

// Responses are filtered only by a rewriter that reads them; otherwise they go unread.
template <typename Rewriter>
bool filterResponses(Rewriter &rewriter, QByteArray &chunk)
{
    if constexpr (requires { rewriter.filterResponse(chunk); })
        return rewriter.filterResponse(chunk);
    return true;
}

template <typename Rewriter>
bool isSwitched(const Rewriter &rewriter)
{
    if constexpr (requires { rewriter.isSwitched(); })
        return rewriter.isSwitched();
    return false;
}

// Answers AwaitingSwitch, on a parser that has it.
template <typename Parser>
void answerSwitch(Parser &parser, typename Parser::Event event, bool accept)
{
    if constexpr (requires { Parser::Event::AwaitingSwitch; }) {
        if (event == Parser::Event::AwaitingSwitch) {
            if (accept)
                parser.switchProtocols();
            else
                parser.stayHttp();
        }
    }
}

// The client's side of the tunnel: parses what the edge forwarded.
template <typename Rewriter>
class Downstream
{
public:
    Downstream(const Rewriter &rewriter, QByteArrayView forwardedFor)
        : m_rewriter(rewriter)
        , m_forwardedFor(forwardedFor)
    {
    }

    void read(QByteArrayView data)
    {
        const qsizetype maxSteps = 3 * data.size() + 8;
        qsizetype steps = 0;
        while (!data.isEmpty() || m_parser.hasPendingEvent()) {
            if (++steps > maxSteps)
                violated("the tunnel side's parser loops");
            if (m_parser.isPassthrough())
                return;
            const HttpParser::Step step = m_parser.feed(data);
            data = data.sliced(step.consumed);
            if (step.event == HttpParser::Event::HeadComplete)
                checkHead(m_parser.head());
            else if (step.event == HttpParser::Event::Error)
                violated("the edge forwarded bytes that do not parse as requests");
            else // the edge releases what follows a switch request once the response decided
                answerSwitch(m_parser, step.event, isSwitched(m_rewriter));
        }
    }

private:
    void checkHead(const HttpHead &head)
    {
        int count = 0;
        for (const HttpHeader &header : head.headers) {
            if (header.name.compare("X-Forwarded-For", Qt::CaseInsensitive) == 0) {
                ++count;
                if (header.value != m_forwardedFor)
                    violated("X-Forwarded-For is not the visitor's address");
            }
        }
        if (count != 1)
            violated("a forwarded head without exactly one X-Forwarded-For");
    }

    const Rewriter &m_rewriter;
    QByteArrayView m_forwardedFor;
    HttpParser m_parser{HttpParser::Kind::Request};
};

template <typename Rewriter>
void run(const Visitor &visitor, FuzzedDataProvider &input)
{
    const std::unique_ptr<Rewriter> rewriter =
            makeRewriter<Rewriter>(QHostAddress(QString::fromLatin1(visitor.address)));
    Downstream<Rewriter> downstream(*rewriter, visitor.forwardedFor);
    while (input.remaining_bytes() > 0) {
        const auto piece = input.ConsumeIntegral<quint16>(); // 0: all that is left
        const auto flags = input.ConsumeIntegral<quint8>();
        const std::vector<char> bytes =
                input.ConsumeBytes<char>(piece ? piece : input.remaining_bytes());
        QByteArray chunk(bytes.data(), qsizetype(bytes.size()));
        QByteArray none;
        // A false return resets the splice: nothing of that call goes on, and the run ends.
        if (flags & 1) {
            if (!filterResponses(*rewriter, chunk) || !filterRequests(*rewriter, none))
                return;
            downstream.read(none);
        } else {
            if (!filterRequests(*rewriter, chunk))
                return;
            downstream.read(chunk);
            if (!filterResponses(*rewriter, none))
                return;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***argv)
{
    initializeQt((*argv)[0]); // refusals are translated texts
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FuzzedDataProvider input(data + 1, size - 1);
    run<RequestRewriter>(Visitors[data[0] & 3], input);
    return 0;
}
