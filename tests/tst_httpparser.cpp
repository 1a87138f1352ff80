// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "httpparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Kind = HttpParser::Kind;
using Event = HttpParser::Event;

static const char *errorName(HttpParser::Error error)
{
    switch (error) {
    case HttpParser::Error::None:
        return "None";
    case HttpParser::Error::BadSyntax:
        return "BadSyntax";
    case HttpParser::Error::HeadTooLarge:
        return "HeadTooLarge";
    case HttpParser::Error::BadContentLength:
        return "BadContentLength";
    case HttpParser::Error::BadChunk:
        return "BadChunk";
    case HttpParser::Error::UnsupportedVersion:
        return "UnsupportedVersion";
    case HttpParser::Error::AmbiguousLength:
        return "AmbiguousLength";
    case HttpParser::Error::TooManyFields:
        return "TooManyFields";
    }
    return "?";
}

char *toString(HttpParser::Error error)
{
    return qstrdup(errorName(error));
}

char *toString(HttpParser::Event event)
{
    const char *names[] = {"NeedMore", "HeadComplete", "MessageComplete", "Error",
                           "AwaitingSwitch"};
    return qstrdup(names[int(event)]);
}

namespace {

QString latin1(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

// The events a table row expects: "head GET /a @28" (a head ended at offset 28), "msg 5 @40" (a
// message with 5 body bytes ended at 40), "error BadSyntax @3"; then "raw N" for the bytes passed
// through after an upgrade and the finish() step: "end idle", "end passthrough", "end msg 4", ...
// A request parser that awaits a protocol switch reports "await @59" and gets the answer the
// row's `methods` names: "101" (switched) or "200" (refused); without one the run ends there.
QString head(const char *what, qsizetype at)
{
    return u"head %1 @%2"_s.arg(QLatin1StringView(what)).arg(at);
}

QString msg(qint64 body, qsizetype at)
{
    return u"msg %1 @%2"_s.arg(body).arg(at);
}

QString err(const char *error, qsizetype at)
{
    return u"error %1 @%2"_s.arg(QLatin1StringView(error)).arg(at);
}

QString describe(const HttpParser &parser, HttpParser::Step step)
{
    switch (step.event) {
    case Event::NeedMore:
        return parser.isPassthrough()       ? u"passthrough"_s
                : parser.isIdle()           ? u"idle"_s
                : parser.isAwaitingSwitch() ? u"awaiting"_s
                                            : u"needmore"_s;
    case Event::HeadComplete:
        if (parser.head().method.isEmpty())
            return u"head %1"_s.arg(parser.head().status);
        return u"head %1 %2"_s.arg(latin1(parser.head().method), latin1(parser.head().target));
    case Event::MessageComplete:
        return u"msg %1"_s.arg(parser.bodyBytes());
    case Event::Error:
        return u"error "_s + latin1(errorName(parser.error()));
    case Event::AwaitingSwitch:
        return u"await"_s;
    }
    return {};
}

struct Row
{
    Kind kind;
    QByteArray methods; // comma-separated requests a response parser answers; for a request
            // parser, the status that answers a protocol switch (101 or 200)
    QByteArray input;
    int maxHead;
};

// Feeds row.input cut into pieces of the given sizes with the caller loop from httpparser.h and
// describes what happened; protocol violations by the parser show up as "BUG: ..." entries.
QStringList run(const Row &row, const QList<qsizetype> &pieces)
{
    HttpParser parser(row.kind, row.maxHead);
    if (!row.methods.isEmpty() && row.kind == Kind::Response) {
        for (const QByteArray &method : row.methods.split(','))
            parser.expectResponseTo(method);
    }
    QStringList out;
    qsizetype start = 0;
    qsizetype offset = 0;
    qsizetype raw = 0;
    for (const qsizetype piece : pieces) {
        QByteArrayView data = QByteArrayView(row.input).sliced(start, piece);
        start += piece;
        int stalled = 0; // consecutive steps that consumed nothing
        while (!data.isEmpty()) {
            const bool passthrough = parser.isPassthrough();
            const auto step = parser.feed(data);
            if (step.consumed < 0 || step.consumed > data.size())
                return out << u"BUG: consumed out of range"_s;
            if (step.event == Event::NeedMore && step.consumed != data.size()
                && !parser.inTrailer())
                return out << u"BUG: NeedMore left bytes"_s;
            stalled = step.consumed == 0 ? stalled + 1 : 0;
            if (stalled > 1 && step.event != Event::Error && step.event != Event::AwaitingSwitch)
                return out << u"BUG: two steps without progress"_s;
            offset += step.consumed;
            data = data.sliced(step.consumed);
            if (passthrough)
                raw += step.consumed;
            if (step.event != Event::NeedMore)
                out << describe(parser, step) + u" @"_s + QString::number(offset);
            if (step.event == Event::Error)
                return out;
            if (step.event == Event::AwaitingSwitch) {
                if (row.methods == "101")
                    parser.switchProtocols();
                else if (row.methods == "200")
                    parser.stayHttp();
                else
                    return out;
            }
        }
    }
    if (raw > 0)
        out << u"raw %1"_s.arg(raw);
    return out << u"end "_s + describe(parser, parser.finish());
}

QList<qsizetype> randomPieces(QRandomGenerator &random, qsizetype size)
{
    QList<qsizetype> pieces;
    for (qsizetype left = size; left > 0;) {
        const qsizetype piece = qMin<qsizetype>(left, random.bounded(1, 64));
        pieces.append(piece);
        left -= piece;
    }
    return pieces;
}

} // namespace

class tst_HttpParser : public QObject
{
    Q_OBJECT

private:
    void addColumns();
    void addRow(const char *name, Kind kind, const QByteArray &input, const QStringList &events,
                const QByteArray &methods = {}, int maxHead = 64 * 1024);
    void verifyRow(); // whole input, one byte at a time, random pieces: identical events

private Q_SLOTS:
    void requestLine_data();
    void requestLine() { verifyRow(); }
    void statusLine_data();
    void statusLine() { verifyRow(); }
    void headerSyntax_data();
    void headerSyntax() { verifyRow(); }
    void headSize_data();
    void headSize() { verifyRow(); }
    void bodyLength_data();
    void bodyLength() { verifyRow(); }
    void chunked_data();
    void trailerFieldsAreKeptApart();
    void chunked() { verifyRow(); }
    void interimResponses_data();
    void interimResponses() { verifyRow(); }
    void upgrade_data();
    void upgrade() { verifyRow(); }
    void pipelining_data();
    void pipelining() { verifyRow(); }
    void finish_data();
    void finish() { verifyRow(); }

    void headFields();
    void hugeHeadRejectedBeforeItsEnd();
    void callerLoopTerminates();
    void pendingMessageComplete();
    void errorIsSticky();
    void errorString_data();
    void errorString();
    void bodyBytesAndIdle();
    void serializeRoundTrip_data();
    void serializeRoundTrip();
    void value();
    void hasToken_data();
    void hasToken();
    void setValue();
    void rewriteHead();
};

void tst_HttpParser::addColumns()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("methods");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<int>("maxHead");
}

void tst_HttpParser::addRow(const char *name, Kind kind, const QByteArray &input,
                            const QStringList &events, const QByteArray &methods, int maxHead)
{
    QTest::newRow(name) << kind << methods << input << events << maxHead;
}

void tst_HttpParser::verifyRow()
{
    QFETCH(Kind, kind);
    QFETCH(QByteArray, methods);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, events);
    QFETCH(int, maxHead);
    const Row row{kind, methods, input, maxHead};

    QCOMPARE(run(row, {input.size()}), events);
    QCOMPARE(run(row, QList<qsizetype>(input.size(), 1)), events);
    QRandomGenerator random(20240611);
    for (int i = 0; i < 16; ++i)
        QCOMPARE(run(row, randomPieces(random, input.size())), events);
}

void tst_HttpParser::requestLine_data()
{
    addColumns();
    const QByteArray get = "GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n"_ba;
    const qsizetype n = get.size();
    addRow("request line", Kind::Request, get, {head("GET /a?b=c", n), u"end msg 0"_s});
    addRow("HTTP/1.0 request", Kind::Request, "GET / HTTP/1.0\r\n\r\n"_ba,
           {head("GET /", 18), u"end msg 0"_s});
    addRow("any token is a method", Kind::Request, "M-SEARCH * HTTP/1.1\r\n\r\n"_ba,
           {head("M-SEARCH *", 23), u"end msg 0"_s});
    addRow("empty lines before request line ignored", Kind::Request, "\r\n\r\n"_ba + get,
           {head("GET /a?b=c", n + 4), u"end msg 0"_s});
    addRow("empty input", Kind::Request, {}, {u"end idle"_s});
    addRow("bare LF before request line", Kind::Request, "\n"_ba + get, {err("BadSyntax", 0)});
    addRow("bare CR before request line", Kind::Request, "\r"_ba + get, {err("BadSyntax", 1)});
    addRow("first byte not a token character", Kind::Request, "\x16\x03\x01\x02\x00"_ba,
           {err("BadSyntax", 0)});
    addRow("method is a token", Kind::Request, "GE(T / HTTP/1.1\r\n\r\n"_ba,
           {err("BadSyntax", 17)});
    addRow("missing target", Kind::Request, "GET  HTTP/1.1\r\n\r\n"_ba, {err("BadSyntax", 15)});
    addRow("missing version", Kind::Request, "GET /\r\n\r\n"_ba, {err("BadSyntax", 7)});
    addRow("space after version", Kind::Request, "GET / HTTP/1.1 \r\n\r\n"_ba,
           {err("BadSyntax", 17)});
    addRow("space in target", Kind::Request, "GET /a b HTTP/1.1\r\n\r\n"_ba,
           {err("BadSyntax", 19)});
    addRow("control character in target", Kind::Request, "GET /\x01 HTTP/1.1\r\n\r\n"_ba,
           {err("BadSyntax", 17)});
    addRow("lowercase version", Kind::Request, "GET / http/1.1\r\n\r\n"_ba, {err("BadSyntax", 16)});
    addRow("bare LF ends request line", Kind::Request, "GET / HTTP/1.1\nHost: x\r\n\r\n"_ba,
           {err("BadSyntax", 15)});
    addRow("HTTP/2.0 unsupported", Kind::Request, "GET / HTTP/2.0\r\n\r\n"_ba,
           {err("UnsupportedVersion", 16)});
    addRow("HTTP/1.2 unsupported", Kind::Request, "GET / HTTP/1.2\r\n\r\n"_ba,
           {err("UnsupportedVersion", 16)});
    addRow("HTTP/0.9 unsupported", Kind::Request, "GET / HTTP/0.9\r\n\r\n"_ba,
           {err("UnsupportedVersion", 16)});
    addRow("HTTP/2 preface unsupported", Kind::Request, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"_ba,
           {err("UnsupportedVersion", 16)});
}

void tst_HttpParser::statusLine_data()
{
    addColumns();
    addRow("status line", Kind::Response, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"_ba,
           {head("200", 38), u"end msg 0"_s}, "GET");
    addRow("reason with spaces", Kind::Response,
           "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"_ba,
           {head("404", 45), u"end msg 0"_s}, "GET");
    addRow("empty reason", Kind::Response, "HTTP/1.1 204 \r\n\r\n"_ba,
           {head("204", 17), u"end msg 0"_s});
    addRow("reason and its space omitted", Kind::Response, "HTTP/1.1 204\r\n\r\n"_ba,
           {head("204", 16), u"end msg 0"_s});
    addRow("HTTP/1.0 status line", Kind::Response, "HTTP/1.0 200 OK\r\n\r\nbody"_ba,
           {head("200", 19), u"end msg 4"_s});
    addRow("two-digit status", Kind::Response, "HTTP/1.1 20 OK\r\n\r\n"_ba, {err("BadSyntax", 16)});
    addRow("four-digit status", Kind::Response, "HTTP/1.1 2000 OK\r\n\r\n"_ba,
           {err("BadSyntax", 18)});
    addRow("status below 100", Kind::Response, "HTTP/1.1 099 X\r\n\r\n"_ba, {err("BadSyntax", 16)});
    addRow("no space after version", Kind::Response, "HTTP/1.1200 OK\r\n\r\n"_ba,
           {err("BadSyntax", 16)});
    addRow("control character in reason", Kind::Response, "HTTP/1.1 200 O\x01K\r\n\r\n"_ba,
           {err("BadSyntax", 18)});
    addRow("malformed version", Kind::Response, "HTTP/2 200 OK\r\n\r\n"_ba, {err("BadSyntax", 15)});
    addRow("HTTP/3.0 unsupported", Kind::Response, "HTTP/3.0 200 OK\r\n\r\n"_ba,
           {err("UnsupportedVersion", 17)});
    addRow("not a status line", Kind::Response, "<html>"_ba, {err("BadSyntax", 0)});
    addRow("no empty lines before status line", Kind::Response, "\r\nHTTP/1.1 200 OK\r\n\r\n"_ba,
           {err("BadSyntax", 0)});
}

void tst_HttpParser::headerSyntax_data()
{
    addColumns();
    const QByteArray line = "GET / HTTP/1.1\r\n"_ba; // 16 bytes
    const auto bad = [&](const char *name, const QByteArray &headers, qsizetype at) {
        addRow(name, Kind::Request, line + headers + "\r\n\r\n", {err("BadSyntax", 16 + at)});
    };
    bad("bare LF ends header line", "Host: x\nAccept: */*", 8);
    bad("bare LF ends head", "Host: x\r\n\n", 10);
    bad("obsolete line folding", "X-A: 1\r\n 2", 12);
    bad("obsolete line folding with tab", "X-A: 1\r\n\t2", 12);
    bad("space before colon", "Host : x", 10);
    bad("tab before colon", "Host\t: x", 10);
    bad("empty header name", ": x", 5);
    bad("no colon", "Host x", 8);
    bad("header name is a token", "Ho(st: x", 10);
    bad("control character in value", "X: a\x01z", 8);
    bad("bare CR in value", "X: a\rz", 8);
    bad("NUL in value", "X: a\0z"_ba, 8);
    const QByteArray good = line + "X: caf\xc3\xa9\r\nY:\r\nZ: \t v \t\r\n\r\n";
    addRow("obs-text, empty and padded values", Kind::Request, good,
           {head("GET /", good.size()), u"end msg 0"_s});
}

void tst_HttpParser::headSize_data()
{
    addColumns();
    const auto headOf = [](qsizetype size) { // "GET / HTTP/1.1\r\nX: aaa…\r\n\r\n", size bytes
        return "GET / HTTP/1.1\r\nX: "_ba + QByteArray(size - 23, 'a') + "\r\n\r\n";
    };
    addRow("head at the limit", Kind::Request, headOf(64), {head("GET /", 64), u"end msg 0"_s}, {},
           64);
    addRow("head one byte over the limit", Kind::Request, headOf(65), {err("HeadTooLarge", 64)}, {},
           64);
    addRow("empty lines before the head do not count", Kind::Request, "\r\n\r\n"_ba + headOf(64),
           {head("GET /", 68), u"end msg 0"_s}, {}, 64);
    addRow("many short header lines", Kind::Request,
           "GET / HTTP/1.1\r\n"_ba + "A: b\r\n"_ba.repeated(20), {err("HeadTooLarge", 64)}, {}, 64);
    addRow("status line counts", Kind::Response, "HTTP/1.1 200 "_ba + QByteArray(100, 'x'),
           {err("HeadTooLarge", 64)}, "GET", 64);
    addRow("256 fields are fine", Kind::Request,
           "GET / HTTP/1.1\r\n"_ba + "a:b\r\n"_ba.repeated(256) + "\r\n",
           {head("GET /", 16 + 5 * 256 + 2), u"end msg 0"_s});
    addRow("257 fields are too many", Kind::Request,
           "GET / HTTP/1.1\r\n"_ba + "a:b\r\n"_ba.repeated(257) + "\r\n",
           {err("TooManyFields", 16 + 5 * 257)});
    addRow("too many trailer fields", Kind::Request,
           "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"_ba
                   + "a:b\r\n"_ba.repeated(257) + "\r\n",
           {head("POST /", 47), err("TooManyFields", 50 + 5 * 257)});
    addRow("huge head rejected before its end", Kind::Request,
           "GET / HTTP/1.1\r\nX: "_ba + QByteArray(100'000, 'a'), {err("HeadTooLarge", 65536)});
}

void tst_HttpParser::bodyLength_data()
{
    addColumns();
    const QByteArray post = "POST / HTTP/1.1\r\n"_ba; // 17 bytes
    addRow("content-length body", Kind::Request, post + "Content-Length: 5\r\n\r\nhello",
           {head("POST /", 38), msg(5, 43), u"end idle"_s});
    addRow("content-length zero", Kind::Request, post + "Content-Length: 0\r\n\r\n",
           {head("POST /", 38), u"end msg 0"_s});
    addRow("repeated identical content-length", Kind::Request,
           post + "Content-Length: 3\r\ncontent-length: 3\r\n\r\nabc",
           {head("POST /", 57), msg(3, 60), u"end idle"_s});
    addRow("content-length list of identical values", Kind::Request,
           post + "Content-Length: 3, 3\r\n\r\nabc",
           {head("POST /", 41), msg(3, 44), u"end idle"_s});
    addRow("differing content-length", Kind::Request,
           post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabc",
           {err("BadContentLength", 57)});
    addRow("differing content-length list", Kind::Request, post + "Content-Length: 3, 4\r\n\r\nabc",
           {err("BadContentLength", 41)});
    addRow("content-length with sign", Kind::Request, post + "Content-Length: +5\r\n\r\nhello",
           {err("BadContentLength", 39)});
    addRow("negative content-length", Kind::Request, post + "Content-Length: -5\r\n\r\n",
           {err("BadContentLength", 39)});
    addRow("hex content-length", Kind::Request, post + "Content-Length: 0x5\r\n\r\n",
           {err("BadContentLength", 40)});
    addRow("empty content-length", Kind::Request, post + "Content-Length:\r\n\r\n",
           {err("BadContentLength", 36)});
    addRow("content-length overflow", Kind::Request,
           post + "Content-Length: 9223372036854775808\r\n\r\n", {err("BadContentLength", 56)});
    addRow("largest content-length", Kind::Request,
           post + "Content-Length: 9223372036854775807\r\n\r\nab",
           {head("POST /", 56), u"end error BadSyntax"_s});
    addRow("transfer-encoding and content-length in request", Kind::Request,
           post + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
           {err("AmbiguousLength", 66)});
    addRow("request coding not ending in chunked", Kind::Request,
           post + "Transfer-Encoding: chunked, gzip\r\n\r\n", {err("AmbiguousLength", 53)});
    addRow("request codings ending in chunked", Kind::Request,
           post + "Transfer-Encoding: gzip\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n",
           {head("POST /", 72), msg(0, 77), u"end idle"_s});
    addRow("HTTP/1.0 request with transfer-encoding", Kind::Request,
           "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba,
           {err("AmbiguousLength", 47)});
    addRow("request with neither has no body", Kind::Request, post + "\r\nGET / HTTP/1.1\r\n\r\n",
           {head("POST /", 19), msg(0, 19), head("GET /", 37), u"end msg 0"_s});

    const QByteArray ok = "HTTP/1.1 200 OK\r\n"_ba; // 17 bytes
    addRow("response content-length", Kind::Response, ok + "Content-Length: 5\r\n\r\nhello",
           {head("200", 38), msg(5, 43), u"end idle"_s}, "GET");
    addRow("response to HEAD has no body", Kind::Response, ok + "Content-Length: 5\r\n\r\n",
           {head("200", 38), u"end msg 0"_s}, "HEAD");
    addRow("1xx has no body", Kind::Response,
           "HTTP/1.1 100 Continue\r\nContent-Length: 5\r\n\r\n"_ba,
           {head("100", 44), u"end msg 0"_s}, "GET");
    addRow("204 has no body", Kind::Response,
           "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n"_ba,
           {head("204", 46), u"end msg 0"_s}, "GET");
    addRow("304 has no body", Kind::Response,
           "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n"_ba,
           {head("304", 48), u"end msg 0"_s}, "GET");
    addRow("response with neither reads until close", Kind::Response, ok + "\r\nabcdef",
           {head("200", 19), u"end msg 6"_s}, "GET");
    addRow("response transfer-encoding overrides content-length", Kind::Response,
           ok + "Transfer-Encoding: chunked\r\nContent-Length: 100\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
           {head("200", 68), msg(3, 81), u"end idle"_s}, "GET");
    addRow("response coding not ending in chunked reads until close", Kind::Response,
           ok + "Transfer-Encoding: gzip\r\n\r\nxyz", {head("200", 44), u"end msg 3"_s}, "GET");
    addRow("response differing content-length", Kind::Response,
           ok + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n", {err("BadContentLength", 57)},
           "GET");
}

void tst_HttpParser::chunked_data()
{
    addColumns();
    const QByteArray post = "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"_ba; // 48 bytes
    const auto good = [&](const char *name, const QByteArray &body, qint64 payload) {
        addRow(name, Kind::Request, post + body,
               {head("POST /c", 48), msg(payload, 48 + body.size()), u"end idle"_s});
    };
    const auto bad = [&](const char *name, const QByteArray &body, const char *error, qsizetype at,
                         int maxHead = 64 * 1024) {
        addRow(name, Kind::Request, post + body, {head("POST /c", 48), err(error, 48 + at)}, {},
               maxHead);
    };
    good("chunked body", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 11);
    good("chunk extensions ignored", "5;name=value;flag\r\nhello\r\n0;last=\"yes\"\r\n\r\n", 5);
    good("whitespace before chunk extension", "5 ;a=b\r\nhello\r\n0\t;x\r\n\r\n", 5);
    good("uppercase hex and leading zeros", "00A\r\n0123456789\r\n0\r\n\r\n", 10);
    good("trailers", "5\r\nhello\r\n0\r\nExpires: never\r\nX-Sum: 1\r\n\r\n", 5);
    good("empty body", "0\r\n\r\n", 0);
    bad("invalid chunk size", "x\r\n", "BadChunk", 0);
    bad("empty chunk size", "\r\n", "BadChunk", 0);
    bad("negative chunk size", "-1\r\n", "BadChunk", 0);
    bad("chunk size overflow", "10000000000000000\r\n", "BadChunk", 16);
    bad("space inside chunk size", "5 6\r\nhello\r\n", "BadChunk", 2);
    bad("missing CRLF after chunk data", "5\r\nhelloX\r\n0\r\n\r\n", "BadChunk", 8);
    bad("bare LF after chunk data", "5\r\nhello\n0\r\n\r\n", "BadChunk", 8);
    bad("bare LF after chunk size", "5\nhello\r\n", "BadChunk", 1);
    bad("bare LF in chunk extension", "5;a\nhello\r\n", "BadChunk", 3);
    bad("bare CR after chunk size", "5\rhello\r\n", "BadChunk", 2);
    bad("chunk header line too long", QByteArray(100, '0') + "5\r\nhello\r\n", "BadChunk", 64, 64);
    bad("trailer section too large", "0\r\nX: " + QByteArray(100, 'a') + "\r\n\r\n", "HeadTooLarge",
        3 + 64, 64);
    bad("obsolete line folding in trailer", "0\r\nX: a\r\n b\r\n\r\n", "BadSyntax", 13);
    bad("bare LF in trailer", "0\r\nX: a\n\r\n", "BadSyntax", 8);
    addRow("largest chunk size", Kind::Request, post + "7fffffffffffffff\r\nab",
           {head("POST /c", 48), u"end error BadSyntax"_s});
    addRow("chunked response", Kind::Response,
           "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;x\r\nok\r\n0\r\n\r\n"_ba,
           {head("200", 47), msg(2, 61), u"end idle"_s}, "GET");
}

void tst_HttpParser::trailerFieldsAreKeptApart()
{
    // A proxy that rewrites request heads must see trailer fields on their own: the parser stops
    // at the start of the trailer section and keeps its fields apart from the head's.
    const QByteArray head = "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;
    const QByteArray body = "5\r\nhello\r\n0\r\n"_ba;
    const QByteArray trailer = "X-Forwarded-For: 6.6.6.6\r\nX-Sum: 1\r\n\r\n"_ba;
    HttpParser parser(Kind::Request);
    const QByteArray input = head + body + trailer;
    QByteArrayView data = input;
    QCOMPARE(parser.feed(data).event, Event::HeadComplete);
    data = data.sliced(head.size());
    const auto bodyStep = parser.feed(data);
    QCOMPARE(bodyStep.event, Event::NeedMore);
    QCOMPARE(bodyStep.consumed, body.size());
    QVERIFY(parser.inTrailer());
    data = data.sliced(bodyStep.consumed);
    const auto end = parser.feed(data);
    QCOMPARE(end.event, Event::MessageComplete);
    QCOMPARE(end.consumed, trailer.size());
    QCOMPARE(parser.trailers().size(), 2);
    QCOMPARE(parser.trailers().at(0).name, "X-Forwarded-For"_ba);
    QCOMPARE(parser.trailers().at(1).value, "1"_ba);
    QCOMPARE(parser.head().headers.size(), 1);
}

void tst_HttpParser::interimResponses_data()
{
    addColumns();
    const QByteArray cont = "HTTP/1.1 100 Continue\r\n\r\n"_ba; // 25 bytes
    const QByteArray ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"_ba; // 38 bytes
    addRow("100 Continue then final response", Kind::Response, cont + ok + "ok",
           {head("100", 25), msg(0, 25), head("200", 63), msg(2, 65), u"end idle"_s}, "GET");
    addRow("interim response keeps HEAD queued", Kind::Response, cont + ok + ok + "ok",
           {head("100", 25), msg(0, 25), head("200", 63), msg(0, 63), head("200", 101), msg(2, 103),
            u"end idle"_s},
           "HEAD,GET");
    const QByteArray hints = "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"_ba;
    addRow("103 Early Hints with headers", Kind::Response, hints + hints + ok + "ok",
           {head("103", 57), msg(0, 57), head("103", 114), msg(0, 114), head("200", 152),
            msg(2, 154), u"end idle"_s},
           "GET");
}

void tst_HttpParser::upgrade_data()
{
    addColumns();
    const QByteArray frame = "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"_ba; // masked "Hello"
    const QByteArray ws = "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                          "Connection: keep-alive, Upgrade\r\n\r\n"_ba;
    addRow("websocket upgrade request then frames", Kind::Request, ws + frame + frame,
           {head("GET /chat", ws.size()), msg(0, ws.size()), u"await @%1"_s.arg(ws.size()),
            u"raw 22"_s, u"end passthrough"_s},
           "101");
    addRow("websocket upgrade awaits the answer", Kind::Request, ws + frame,
           {head("GET /chat", ws.size()), msg(0, ws.size()), u"await @%1"_s.arg(ws.size())});
    // Go's ReverseProxy and nginx do the same: bytes after a refused upgrade are HTTP again, so
    // a pipelined request cannot ride behind a fake upgrade without being seen.
    addRow("refused upgrade: the next request is parsed", Kind::Request,
           "GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\nGET /b HTTP/1.1\r\n\r\n"_ba,
           {head("GET /", 53), msg(0, 53), u"await @53"_s, head("GET /b", 72), u"end msg 0"_s},
           "200");
    addRow("upgrade needs Connection: upgrade", Kind::Request,
           "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\nGET /b HTTP/1.1\r\n\r\n"_ba,
           {head("GET /", 38), msg(0, 38), head("GET /b", 57), u"end msg 0"_s});
    addRow("upgrade needs an Upgrade header", Kind::Request,
           "GET / HTTP/1.1\r\nConnection: upgrade\r\n\r\nGET /b HTTP/1.1\r\n\r\n"_ba,
           {head("GET /", 39), msg(0, 39), head("GET /b", 58), u"end msg 0"_s});
    addRow("upgrade after the request body", Kind::Request,
           "POST /u HTTP/1.1\r\nUpgrade: x\r\nConnection: Upgrade\r\nContent-Length: 2\r\n\r\nabGET"_ba,
           {head("POST /u", 72), msg(2, 74), u"await @74"_s, u"raw 3"_s, u"end passthrough"_s},
           "101");
    addRow("CONNECT request then tunnel bytes", Kind::Request,
           "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n\x16\x03\x01\x00\x05"_ba,
           {head("CONNECT example.com:443", 59), msg(0, 59), u"await @59"_s, u"raw 5"_s,
            u"end passthrough"_s},
           "101");
    const QByteArray switching = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                 "Connection: Upgrade\r\n\r\n"_ba;
    addRow("101 response then raw bytes", Kind::Response, switching + "\x81\x05hello",
           {head("101", switching.size()), msg(0, switching.size()), u"raw 7"_s,
            u"end passthrough"_s},
           "GET");
    addRow("2xx response to CONNECT then raw bytes", Kind::Response,
           "HTTP/1.1 200 Connection Established\r\n\r\n\x16\x03\x03"_ba,
           {head("200", 39), msg(0, 39), u"raw 3"_s, u"end passthrough"_s}, "CONNECT");
    addRow("non-2xx response to CONNECT has a body", Kind::Response,
           "HTTP/1.1 407 Proxy Auth\r\nContent-Length: 2\r\n\r\nnoHTTP/1.1 204 OK\r\n\r\n"_ba,
           {head("407", 46), msg(2, 48), head("204", 67), u"end msg 0"_s}, "CONNECT,GET");
}

void tst_HttpParser::pipelining_data()
{
    addColumns();
    const QByteArray a = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"_ba;
    const QByteArray b = "POST /2 HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody"_ba;
    const QByteArray c =
            "PUT /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"_ba;
    const QByteArray d = "GET /4 HTTP/1.0\r\n\r\n"_ba;
    const qsizetype ab = a.size() + b.size();
    addRow("pipelined requests in one buffer", Kind::Request, a + b + c + d,
           {head("GET /1", a.size()), msg(0, a.size()), head("POST /2", ab - 4), msg(4, ab),
            head("PUT /3", ab + 47), msg(2, ab + c.size()),
            head("GET /4", ab + c.size() + d.size()), u"end msg 0"_s});
    addRow("empty lines between pipelined requests", Kind::Request, a + "\r\n" + a,
           {head("GET /1", a.size()), msg(0, a.size()), head("GET /1", 2 * a.size() + 2),
            u"end msg 0"_s});

    const QByteArray r1 = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"_ba; // 38 + 3
    const QByteArray r2 = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n"_ba; // to HEAD
    const QByteArray r3 =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"_ba; // 47 + 11
    addRow("keep-alive responses with HEAD queued", Kind::Response, r1 + r2 + r3 + r2,
           {head("200", 38), msg(3, 41), head("200", 79), msg(0, 79), head("200", 126), msg(1, 137),
            head("200", 175), u"end msg 0"_s},
           "GET,HEAD,GET,HEAD");
}

void tst_HttpParser::finish_data()
{
    addColumns();
    addRow("finish when idle", Kind::Request, "\r\n\r\n"_ba, {u"end idle"_s});
    addRow("finish after a lone CR", Kind::Request, "\r"_ba, {u"end error BadSyntax"_s});
    addRow("finish mid head", Kind::Request, "GET / HTTP/1.1\r\nHost"_ba,
           {u"end error BadSyntax"_s});
    addRow("finish mid body", Kind::Request, "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel"_ba,
           {head("POST /", 38), u"end error BadSyntax"_s});
    addRow("finish mid chunk", Kind::Request,
           "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel"_ba,
           {head("POST /", 47), u"end error BadSyntax"_s});
    addRow("finish mid response head", Kind::Response, "HTTP/1.1 200 OK\r\n"_ba,
           {u"end error BadSyntax"_s});
    addRow("finish ends a read-until-close response", Kind::Response, "HTTP/1.1 200 OK\r\n\r\n"_ba,
           {head("200", 19), u"end msg 0"_s});
    addRow("finish after a complete message", Kind::Response,
           "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"_ba,
           {head("200", 38), msg(1, 39), u"end idle"_s});
}

void tst_HttpParser::headFields()
{
    HttpParser request(Kind::Request);
    const QByteArray input =
            "\r\nGET /p?q=1 HTTP/1.0\r\nHost:  a.rok \r\nX-Empty:\r\nx-tab:\tv\t\r\n\r\n"_ba;
    const auto step = request.feed(input);
    QCOMPARE(step.event, Event::HeadComplete);
    QCOMPARE(step.consumed, input.size());
    const HttpHead &head = request.head();
    QCOMPARE(head.method, "GET"_ba);
    QCOMPARE(head.target, "/p?q=1"_ba);
    QCOMPARE(head.versionMinor, 0);
    QCOMPARE(head.size, input.size() - 2);
    QCOMPARE(head.headers.size(), 3);
    QCOMPARE(head.headers.at(0).name, "Host"_ba);
    QCOMPARE(head.headers.at(0).value, "a.rok"_ba);
    QCOMPARE(head.headers.at(1).value, QByteArray());
    QCOMPARE(head.headers.at(2).name, "x-tab"_ba);
    QCOMPARE(head.headers.at(2).value, "v"_ba);

    HttpParser response(Kind::Response);
    QCOMPARE(response.feed("HTTP/1.1 418 I'm a teapot\r\n\r\n").event, Event::HeadComplete);
    QCOMPARE(response.head().status, 418);
    QCOMPARE(response.head().reason, "I'm a teapot"_ba);
    QCOMPARE(response.head().versionMinor, 1);
    QVERIFY(response.head().method.isEmpty());
}

void tst_HttpParser::hugeHeadRejectedBeforeItsEnd()
{
    HttpParser parser(Kind::Request);
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\n").event, Event::NeedMore);
    const QByteArray line = "X-Padding: " + QByteArray(1000, 'p') + "\r\n";
    qsizetype fed = 16;
    HttpParser::Step step{Event::NeedMore, 0};
    while (step.event == Event::NeedMore && fed < 1'000'000) {
        step = parser.feed(line);
        fed += line.size();
    }
    QCOMPARE(step.event, Event::Error); // no empty line was ever sent
    QVERIFY(fed <= 65536 + line.size());
    QCOMPARE(fed - line.size() + step.consumed, 65536);
    QCOMPARE(parser.error(), HttpParser::Error::HeadTooLarge);
    QCOMPARE(parser.errorString(), u"header section larger than 65536 bytes"_s);
}

void tst_HttpParser::callerLoopTerminates()
{
    // Bodyless messages end with a MessageComplete step that consumes nothing: the loop from
    // httpparser.h still makes progress on every other step.
    const QByteArray input =
            "GET / HTTP/1.1\r\n\r\n"_ba.repeated(3) + "CONNECT h:1 HTTP/1.1\r\n\r\nraw";
    HttpParser parser(Kind::Request);
    QByteArrayView data = input;
    QList<Event> events;
    int iterations = 0;
    while (!data.isEmpty() && ++iterations < 100) {
        const auto step = parser.feed(data);
        QVERIFY(step.consumed > 0 || step.event != Event::NeedMore);
        events.append(step.event);
        data = data.sliced(step.consumed);
        if (step.event == Event::Error)
            break;
        if (step.event == Event::AwaitingSwitch)
            parser.switchProtocols(); // as a caller does once the response accepted CONNECT
    }
    QVERIFY(data.isEmpty());
    // 3 x (head, message), CONNECT head and message, the wait for its answer, raw bytes
    QCOMPARE(events.size(), 10);
    QCOMPARE(events.last(), Event::NeedMore);
    QVERIFY(parser.isPassthrough());
}

void tst_HttpParser::pendingMessageComplete()
{
    HttpParser parser(Kind::Request);
    QVERIFY(!parser.hasPendingEvent());
    const auto head = parser.feed("GET / HTTP/1.1\r\n\r\n");
    QCOMPARE(head.event, Event::HeadComplete);
    QCOMPARE(head.consumed, 18);
    QVERIFY(parser.hasPendingEvent());
    QVERIFY(!parser.isIdle());
    const auto done = parser.feed({}); // no need to wait for more bytes
    QCOMPARE(done.event, Event::MessageComplete);
    QCOMPARE(done.consumed, 0);
    QVERIFY(!parser.hasPendingEvent());
    QVERIFY(parser.isIdle());
    QCOMPARE(parser.feed({}).event, Event::NeedMore);
    QCOMPARE(parser.head().target, "/"_ba); // still valid until the next head starts
}

void tst_HttpParser::errorIsSticky()
{
    HttpParser parser(Kind::Request);
    QCOMPARE(parser.error(), HttpParser::Error::None);
    QVERIFY(parser.errorString().isEmpty());
    const auto step = parser.feed("GET / HTTP/1.1\r\nHost : x\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    QCOMPARE(step.event, Event::Error);
    QCOMPARE(step.consumed, 26);
    QCOMPARE(parser.error(), HttpParser::Error::BadSyntax);
    QCOMPARE(parser.errorString(), u"whitespace before colon in header"_s);
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n").event, Event::Error);
    QCOMPARE(parser.finish().event, Event::Error);
    QVERIFY(!parser.isIdle());
}

void tst_HttpParser::errorString_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<HttpParser::Error>("error");
    QTest::addColumn<QString>("text");
    const QByteArray get = "GET / HTTP/1.1\r\n"_ba;
    const QByteArray chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;
    QTest::newRow("bare LF") << get + "A: b\n\r\n"
                             << HttpParser::Error::BadSyntax << u"line ending in a bare LF"_s;
    QTest::newRow("obsolete line folding")
            << get + "A: b\r\n c\r\n"
            << HttpParser::Error::BadSyntax << u"obsolete line folding"_s;
    QTest::newRow("whitespace before colon")
            << get + "A : b\r\n"
            << HttpParser::Error::BadSyntax << u"whitespace before colon in header"_s;
    QTest::newRow("header name") << get + "A\"B: c\r\n"
                                 << HttpParser::Error::BadSyntax << u"invalid header name"_s;
    QTest::newRow("header value") << get + "A: \x7f\r\n"
                                  << HttpParser::Error::BadSyntax
                                  << u"invalid character in header value"_s;
    QTest::newRow("request line") << "GET /\r\n"_ba << HttpParser::Error::BadSyntax
                                  << u"malformed request line"_s;
    QTest::newRow("version") << "GET / HTTP/1.9\r\n"_ba << HttpParser::Error::UnsupportedVersion
                             << u"unsupported HTTP version"_s;
    QTest::newRow("content-length")
            << get + "Content-Length: 1,2\r\n\r\n"
            << HttpParser::Error::BadContentLength << u"invalid Content-Length"_s;
    QTest::newRow("ambiguous") << chunked.chopped(2) + "Content-Length: 1\r\n\r\n"
                               << HttpParser::Error::AmbiguousLength
                               << u"both Transfer-Encoding and Content-Length"_s;
    QTest::newRow("chunk size") << chunked + "g\r\n"
                                << HttpParser::Error::BadChunk << u"invalid chunk size"_s;
    QTest::newRow("chunk data") << chunked + "1\r\nab" << HttpParser::Error::BadChunk
                                << u"missing CRLF after chunk data"_s;
    QTest::newRow("head size") << get + QByteArray(70'000, 'a') << HttpParser::Error::HeadTooLarge
                               << u"header section larger than 65536 bytes"_s;
    QTest::newRow("trailer size") << chunked + "0\r\n" + QByteArray(70'000, 'a')
                                  << HttpParser::Error::HeadTooLarge
                                  << u"trailer section larger than 65536 bytes"_s;
}

void tst_HttpParser::errorString()
{
    QFETCH(QByteArray, input);
    QFETCH(HttpParser::Error, error);
    QFETCH(QString, text);
    HttpParser parser(Kind::Request);
    QByteArrayView data = input;
    while (!data.isEmpty() && parser.error() == HttpParser::Error::None)
        data = data.sliced(parser.feed(data).consumed);
    QCOMPARE(parser.error(), error);
    QCOMPARE(parser.errorString(), text);
}

void tst_HttpParser::bodyBytesAndIdle()
{
    HttpParser parser(Kind::Request);
    QVERIFY(parser.isIdle());
    QCOMPARE(parser.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n").event,
             Event::NeedMore);
    QVERIFY(!parser.isIdle());
    QCOMPARE(parser.feed("\r\n").event, Event::HeadComplete);
    QCOMPARE(parser.feed("4\r\nabc").event, Event::NeedMore);
    QCOMPARE(parser.bodyBytes(), 3);
    QCOMPARE(parser.feed("d\r\n3;x\r\nefg\r\n").event, Event::NeedMore);
    QCOMPARE(parser.bodyBytes(), 7); // payload only, no framing
    const auto lastChunk = parser.feed("0\r\n\r\n");
    QCOMPARE(lastChunk.event, Event::NeedMore); // stops where the trailer section starts
    QCOMPARE(lastChunk.consumed, 3);
    QCOMPARE(parser.feed("\r\n").event, Event::MessageComplete);
    QVERIFY(parser.isIdle());
    QCOMPARE(parser.bodyBytes(), 7); // of the last message
    QCOMPARE(parser.feed("G").event, Event::NeedMore);
    QVERIFY(!parser.isIdle());
    QCOMPARE(parser.bodyBytes(), 0); // a new message started
    QVERIFY(parser.head().method.isEmpty());
}

void tst_HttpParser::serializeRoundTrip_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("request")
            << Kind::Request
            << "POST /api?x=1 HTTP/1.1\r\nHost: a.rok\r\nContent-Length: 2\r\n\r\n"_ba;
    QTest::newRow("HTTP/1.0 request") << Kind::Request << "GET / HTTP/1.0\r\n\r\n"_ba;
    QTest::newRow("response")
            << Kind::Response
            << "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX: \r\n\r\n"_ba;
    QTest::newRow("response with empty reason") << Kind::Response << "HTTP/1.0 204 \r\n\r\n"_ba;
}

void tst_HttpParser::serializeRoundTrip()
{
    QFETCH(Kind, kind);
    QFETCH(QByteArray, input);
    HttpParser parser(kind);
    QCOMPARE(parser.feed(input + "trailing").consumed, input.size());
    QCOMPARE(parser.head().size, input.size());
    QCOMPARE(parser.head().serialize(), input);
}

void tst_HttpParser::value()
{
    HttpHead head;
    head.headers = {{"Host", "a"}, {"X-Forwarded-For", "1.2.3.4"}, {"host", "b"}};
    QCOMPARE(head.value("host"), "a"_ba);
    QCOMPARE(head.value("HOST"), "a"_ba);
    QCOMPARE(head.value("x-forwarded-for"), "1.2.3.4"_ba);
    QCOMPARE(head.value("Hos"), QByteArray());
    QCOMPARE(head.value("Missing"), QByteArray());
}

void tst_HttpParser::hasToken_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("found");
    QTest::newRow("single") << "Upgrade"_ba
                            << "upgrade"_ba << true;
    QTest::newRow("list") << "keep-alive, Upgrade"_ba
                          << "upgrade"_ba << true;
    QTest::newRow("no spaces") << "keep-alive,upgrade,close"_ba
                               << "CLOSE"_ba << true;
    QTest::newRow("padded") << " ,  upgrade  ,"_ba
                            << "upgrade"_ba << true;
    QTest::newRow("prefix is not a match") << "upgraded"_ba
                                           << "upgrade"_ba << false;
    QTest::newRow("substring is not a match") << "keep-alive"_ba
                                              << "alive"_ba << false;
    QTest::newRow("empty") << QByteArray() << "close"_ba << false;
}

void tst_HttpParser::hasToken()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, token);
    QFETCH(bool, found);
    HttpHead head;
    head.headers = {{"Connection", "x"}, {"connection", value}};
    QCOMPARE(head.hasToken("CONNECTION", token), found); // every header of that name is searched
    QVERIFY(!head.hasToken("Upgrade", token));
}

void tst_HttpParser::setValue()
{
    HttpHead head;
    head.headers = {{"Host", "a"},
                    {"x-forwarded-for", "evil"},
                    {"Accept", "*/*"},
                    {"X-Forwarded-For", "2"}};
    head.setValue("X-Forwarded-For", "10.0.0.1");
    QCOMPARE(head.headers.size(), 3);
    QCOMPARE(head.headers.at(1).name, "X-Forwarded-For"_ba); // replaces in place
    QCOMPARE(head.headers.at(1).value, "10.0.0.1"_ba);
    QCOMPARE(head.headers.at(2).name, "Accept"_ba);
    head.setValue("X-Forwarded-Proto", "https");
    QCOMPARE(head.headers.size(), 4);
    QCOMPARE(head.headers.last().name, "X-Forwarded-Proto"_ba);
    QCOMPARE(head.value("x-forwarded-proto"), "https"_ba);
}

void tst_HttpParser::rewriteHead()
{
    // What the server does on the visitor stream: rewrite each head, pass the body through.
    const QByteArray input = "POST /f HTTP/1.1\r\nHost: a.rok\r\nContent-Length: 3\r\n\r\nabc"
                             "GET /g HTTP/1.1\r\nHost: a.rok\r\n\r\n"_ba;
    HttpParser parser(Kind::Request);
    QByteArrayView data = input;
    QByteArray out;
    while (!data.isEmpty() || parser.hasPendingEvent()) {
        const auto step = parser.feed(data);
        if (step.event == Event::HeadComplete) {
            HttpHead head = parser.head();
            head.setValue("X-Forwarded-Proto", "https");
            out += head.serialize();
        } else {
            QVERIFY(step.event != Event::Error);
            out += data.first(step.consumed);
        }
        data = data.sliced(step.consumed);
    }
    QVERIFY(parser.isIdle());
    QCOMPARE(out,
             "POST /f HTTP/1.1\r\nHost: a.rok\r\nContent-Length: 3\r\nX-Forwarded-Proto: "
             "https\r\n\r\nabc"
             "GET /g HTTP/1.1\r\nHost: a.rok\r\nX-Forwarded-Proto: https\r\n\r\n"_ba);
}

QTEST_APPLESS_MAIN(tst_HttpParser)

#include "tst_httpparser.moc"
