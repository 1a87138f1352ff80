// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "httpparser.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include <QCoreApplication>

namespace {

constexpr qint64 MaxInt64 = std::numeric_limits<qint64>::max();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// RFC 9110 5.6.2: token characters, as a table (every field name's every byte is checked)
constexpr std::array<bool, 256> TokenChars = [] {
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[c] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        table[c] = table[c - 'a' + 'A'] = true;
    for (const char c : std::string_view("!#$%&'*+-.^_`|~"))
        table[uchar(c)] = true;
    return table;
}();

bool isTchar(char c)
{
    return TokenChars[uchar(c)];
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTchar);
}

// Field values and reason phrases: HTAB, SP, VCHAR, obs-text; no other control characters
bool isFieldText(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = uchar(c);
        return u == '\t' || (u >= 0x20 && u != 0x7f);
    });
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// Calls f(element) for each trimmed element of a comma-separated list, empty ones included, until
// f returns false. Returns false if f did.
template <typename F>
bool forEachElement(QByteArrayView list, F f)
{
    for (qsizetype from = 0;;) {
        const qsizetype comma = list.indexOf(',', from);
        const qsizetype end = comma < 0 ? list.size() : comma;
        if (!f(list.sliced(from, end - from).trimmed()))
            return false;
        if (comma < 0)
            return true;
        from = comma + 1;
    }
}

// The Content-Length, -1 if there is none, -2 if it is malformed or values differ.
qint64 contentLength(const QList<HttpHeader> &headers)
{
    qint64 length = -1;
    for (const HttpHeader &header : headers) {
        if (!sameName(header.name, "Content-Length"))
            continue;
        const bool ok = forEachElement(header.value, [&length](QByteArrayView element) {
            qint64 value = 0;
            for (const char c : element) {
                if (!isDigit(c) || value > (MaxInt64 - (c - '0')) / 10)
                    return false;
                value = value * 10 + (c - '0');
            }
            if (element.isEmpty() || (length >= 0 && value != length))
                return false;
            length = value;
            return true;
        });
        if (!ok)
            return -2;
    }
    return length;
}

// Whether there is a Transfer-Encoding; *chunked tells whether its last coding is chunked.
bool transferCoding(const QList<HttpHeader> &headers, bool *chunked)
{
    bool found = false;
    for (const HttpHeader &header : headers) {
        if (!sameName(header.name, "Transfer-Encoding"))
            continue;
        found = true;
        forEachElement(header.value, [chunked](QByteArrayView coding) {
            if (!coding.isEmpty())
                *chunked = sameName(coding, "chunked");
            return true;
        });
    }
    return found;
}

// "HTTP/1.1" -> 1; -1 if malformed, -2 if another version
int parseVersion(QByteArrayView text)
{
    if (text.size() != 8 || !text.startsWith("HTTP/") || !isDigit(text[5]) || text[6] != '.'
        || !isDigit(text[7]))
        return -1;
    return text[5] == '1' && text[7] <= '1' ? text[7] - '0' : -2;
}

} // namespace

QByteArray HttpHead::value(QByteArrayView name) const
{
    for (const HttpHeader &header : headers) {
        if (sameName(header.name, name))
            return header.value;
    }
    return {};
}

bool HttpHead::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const HttpHeader &header : headers) {
        if (sameName(header.name, name)
            && !forEachElement(header.value, [token](QByteArrayView element) {
                   return !sameName(element, token);
               }))
            return true;
    }
    return false;
}

void HttpHead::setValue(QByteArrayView name, const QByteArray &value)
{
    bool found = false;
    for (qsizetype i = 0; i < headers.size();) {
        if (!sameName(headers.at(i).name, name)) {
            ++i;
        } else if (found) {
            headers.removeAt(i);
        } else {
            headers[i++] = {name.toByteArray(), value};
            found = true;
        }
    }
    if (!found)
        headers.append({name.toByteArray(), value});
}

QByteArray HttpHead::serialize() const
{
    const char version[] = {'H', 'T', 'T', 'P', '/', '1', '.', char('0' + versionMinor)};
    QByteArray out;
    out.reserve(size + 256);
    if (!method.isEmpty()) {
        out.append(method).append(' ').append(target).append(' ').append(version, sizeof version);
    } else {
        out.append(version, sizeof version).append(' ');
        out.append(QByteArray::number(status).rightJustified(3, '0')).append(' ').append(reason);
    }
    out.append("\r\n");
    for (const HttpHeader &header : headers)
        out.append(header.name).append(": ").append(header.value).append("\r\n");
    return out.append("\r\n");
}

HttpParser::HttpParser(Kind kind, qsizetype maxHeadSize)
    : m_kind(kind)
    , m_maxHeadSize(maxHeadSize)
{
}

void HttpParser::expectResponseTo(QByteArrayView method)
{
    m_expected.append(method.toByteArray());
}

QString HttpParser::errorString() const
{
    if (m_error == Error::None)
        return {};
    const QString text = QCoreApplication::translate("HttpParser", m_errorText);
    if (m_error == Error::HeadTooLarge)
        return text.arg(m_maxHeadSize);
    return m_error == Error::TooManyFields ? text.arg(MaxFields) : text;
}

bool HttpParser::reject(Error error, const char *text)
{
    m_state = State::Failed;
    m_error = error;
    m_errorText = text;
    return false;
}

HttpParser::Step HttpParser::fail(Error error, const char *text, qsizetype at)
{
    reject(error, text);
    return {Event::Error, at};
}

HttpParser::Step HttpParser::completeMessage(qsizetype at)
{
    m_state = m_afterMessage;
    return {Event::MessageComplete, at};
}

void HttpParser::switchProtocols()
{
    if (m_state == State::AwaitingSwitch)
        m_state = State::Passthrough;
}

void HttpParser::stayHttp()
{
    if (m_state == State::AwaitingSwitch)
        m_state = State::Idle;
}

void HttpParser::startChunk()
{
    m_state = State::ChunkSize;
    m_remaining = 0;
    m_sizeDigits = 0;
    m_lineBytes = 0;
}

HttpParser::Step HttpParser::feed(QByteArrayView data)
{
    switch (m_state) {
    case State::Failed:
        return {Event::Error, 0};
    case State::Passthrough:
        return {Event::NeedMore, data.size()};
    case State::AwaitingSwitch:
        return {Event::AwaitingSwitch, 0};
    case State::Done:
        return completeMessage(0);
    default:
        break;
    }

    const qsizetype n = data.size();
    qsizetype pos = 0;
    while (pos < n) {
        const char c = data[pos];
        switch (m_state) {
        case State::Idle:
            // RFC 9112 2.2: a server ignores empty lines before a request line
            if (m_kind == Kind::Request && c == '\r') {
                m_state = State::IdleLF;
                ++pos;
                break;
            }
            if (m_kind == Kind::Request ? !isTchar(c) : c != 'H') { // fail fast on non-HTTP input
                return fail(Error::BadSyntax,
                            m_kind == Kind::Request ? QT_TR_NOOP("malformed request line")
                                                    : QT_TR_NOOP("malformed status line"),
                            pos);
            }
            m_head = {};
            m_head.headers.reserve(16); // one allocation for a typical head, not one per doubling
            m_trailers.clear();
            m_bodyBytes = 0;
            m_startLineDone = false;
            m_lineBytes = 0;
            m_state = State::Head;
            break;
        case State::IdleLF:
            if (c != '\n')
                return fail(Error::BadSyntax, QT_TR_NOOP("bare CR in line ending"), pos);
            m_state = State::Idle;
            ++pos;
            break;
        case State::Head:
        case State::Trailer: {
            const qsizetype lf = data.indexOf('\n', pos);
            const qsizetype end = lf < 0 ? n : lf + 1;
            if (m_lineBytes + (end - pos) > m_maxHeadSize) {
                return fail(Error::HeadTooLarge,
                            m_state == State::Head
                                    ? QT_TR_NOOP("header section larger than %1 bytes")
                                    : QT_TR_NOOP("trailer section larger than %1 bytes"),
                            pos + m_maxHeadSize - m_lineBytes);
            }
            m_lineBytes += end - pos;
            if (lf < 0) {
                m_line.append(data.sliced(pos));
                pos = n;
                break;
            }
            QByteArrayView line = data.sliced(pos, end - pos);
            if (!m_line.isEmpty())
                line = m_line.append(line);
            pos = end;
            const std::optional<Step> step = onLine(line, pos);
            m_line.resize(0); // keeps the capacity
            if (step)
                return *step;
            break;
        }
        case State::Body:
        case State::ChunkData:
        case State::UntilClose: {
            const qint64 take =
                    m_state == State::UntilClose ? n - pos : qMin<qint64>(m_remaining, n - pos);
            pos += take;
            m_bodyBytes += take;
            if (m_state == State::UntilClose || (m_remaining -= take) > 0)
                break;
            if (m_state == State::Body)
                return completeMessage(pos);
            m_state = State::ChunkDataCR;
            break;
        }
        case State::ChunkDataCR:
        case State::ChunkDataLF:
            if (c != (m_state == State::ChunkDataCR ? '\r' : '\n'))
                return fail(Error::BadChunk, QT_TR_NOOP("missing CRLF after chunk data"), pos);
            ++pos;
            if (m_state == State::ChunkDataCR)
                m_state = State::ChunkDataLF;
            else
                startChunk();
            break;
        case State::ChunkSize:
        case State::ChunkExt: {
            if (++m_lineBytes > m_maxHeadSize)
                return fail(Error::BadChunk, QT_TR_NOOP("chunk header line too long"), pos);
            // chunk-size [ BWS ";" chunk-ext ] CRLF; m_sizeDigits is -1 once BWS follows the size
            const int digit = m_state == State::ChunkSize && m_sizeDigits >= 0 ? hexValue(c) : -1;
            if (digit >= 0) {
                if (m_remaining > (MaxInt64 >> 4))
                    return fail(Error::BadChunk, QT_TR_NOOP("chunk size too large"), pos);
                m_remaining = m_remaining * 16 + digit;
                ++m_sizeDigits;
            } else if (m_sizeDigits == 0) {
                return fail(Error::BadChunk, QT_TR_NOOP("invalid chunk size"), pos);
            } else if (c == '\r') {
                m_state = State::ChunkSizeLF;
            } else if (m_state == State::ChunkExt) {
                if (!isFieldText(QByteArrayView(&c, 1))) // extensions are otherwise ignored
                    return fail(Error::BadChunk, QT_TR_NOOP("invalid chunk extension"), pos);
            } else if (c == ';') {
                m_state = State::ChunkExt;
            } else if (c == ' ' || c == '\t') {
                m_sizeDigits = -1;
            } else {
                return fail(Error::BadChunk, QT_TR_NOOP("invalid chunk size"), pos);
            }
            ++pos;
            break;
        }
        case State::ChunkSizeLF:
            if (c != '\n')
                return fail(Error::BadChunk, QT_TR_NOOP("bare CR in chunk header"), pos);
            ++pos;
            m_lineBytes = 0; // the trailer section has its own limit
            if (m_remaining > 0) {
                m_state = State::ChunkData;
                break;
            }
            m_state = State::Trailer;
            return {Event::NeedMore, pos}; // callers may treat trailer bytes apart from the body
        case State::Done:
        case State::AwaitingSwitch:
        case State::Passthrough:
        case State::Failed:
            Q_UNREACHABLE();
        }
    }
    return {Event::NeedMore, n};
}

HttpParser::Step HttpParser::finish()
{
    switch (m_state) {
    case State::Failed:
        return {Event::Error, 0};
    case State::Idle:
    case State::AwaitingSwitch:
    case State::Passthrough:
        return {Event::NeedMore, 0};
    case State::Done:
    case State::UntilClose:
        return completeMessage(0);
    default:
        return fail(Error::BadSyntax, QT_TR_NOOP("input ended in the middle of a message"), 0);
    }
}

// A complete head or trailer line without its CRLF; returns the step to return, if any.
std::optional<HttpParser::Step> HttpParser::onLine(QByteArrayView line, qsizetype pos)
{
    if (!line.endsWith("\r\n")) {
        reject(Error::BadSyntax, QT_TR_NOOP("line ending in a bare LF"));
        return Step{Event::Error, pos};
    }
    line.chop(2);
    bool ok = true;
    if (m_state == State::Trailer) {
        if (line.isEmpty())
            return completeMessage(pos);
        ok = parseField(line, m_trailers);
    } else if (!m_startLineDone) {
        m_startLineDone = true;
        ok = parseStartLine(line);
    } else if (line.isEmpty()) {
        if (startBody())
            return Step{Event::HeadComplete, pos};
        ok = false;
    } else {
        ok = parseField(line, m_head.headers);
    }
    return ok ? std::nullopt : std::optional<Step>(Step{Event::Error, pos});
}

bool HttpParser::parseStartLine(QByteArrayView line)
{
    int minor = -1;
    if (m_kind == Kind::Request) { // method SP request-target SP HTTP-version
        const qsizetype sp1 = line.indexOf(' ');
        const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        const QByteArrayView target = line.sliced(sp1 + 1, qMax(sp2 - sp1 - 1, 0));
        if (sp2 < 0 || !isToken(line.first(sp1)) || target.isEmpty()
            || !std::all_of(target.begin(), target.end(),
                            [](char c) { return uchar(c) > 0x20 && c != 0x7f; })
            || (minor = parseVersion(line.sliced(sp2 + 1))) == -1)
            return reject(Error::BadSyntax, QT_TR_NOOP("malformed request line"));
        m_head.method = line.first(sp1).toByteArray();
        m_head.target = target.toByteArray();
    } else { // HTTP-version SP 3DIGIT SP reason; the second SP is optional for robustness
        const bool ok = line.size() >= 12 && line[8] == ' ' && line[9] >= '1' && line[9] <= '9'
                && isDigit(line[10]) && isDigit(line[11]) && (line.size() == 12 || line[12] == ' ')
                && isFieldText(line.sliced(12)) && (minor = parseVersion(line.first(8))) != -1;
        if (!ok)
            return reject(Error::BadSyntax, QT_TR_NOOP("malformed status line"));
        m_head.status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        m_head.reason = line.sliced(qMin<qsizetype>(13, line.size())).toByteArray();
    }
    if (minor < 0)
        return reject(Error::UnsupportedVersion, QT_TR_NOOP("unsupported HTTP version"));
    m_head.versionMinor = minor;
    return true;
}

bool HttpParser::parseField(QByteArrayView line, QList<HttpHeader> &fields)
{
    if (line[0] == ' ' || line[0] == '\t')
        return reject(Error::BadSyntax, QT_TR_NOOP("obsolete line folding"));
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = line.first(qMax<qsizetype>(colon, 0));
    if (name.endsWith(' ') || name.endsWith('\t'))
        return reject(Error::BadSyntax, QT_TR_NOOP("whitespace before colon in header"));
    if (!isToken(name))
        return reject(Error::BadSyntax, QT_TR_NOOP("invalid header name"));
    const QByteArrayView value = line.sliced(colon + 1);
    if (!isFieldText(value))
        return reject(Error::BadSyntax, QT_TR_NOOP("invalid character in header value"));
    if (fields.size() >= MaxFields)
        return reject(Error::TooManyFields, QT_TR_NOOP("more than %1 header fields"));
    fields.append({name.toByteArray(), value.trimmed().toByteArray()});
    return true;
}

bool HttpParser::startBody()
{
    m_head.size = m_lineBytes;
    m_state = State::Done;
    m_afterMessage = State::Idle;
    bool chunked = false;
    const bool hasCoding = transferCoding(m_head.headers, &chunked);
    if (m_kind == Kind::Request) {
        // Whether the switch happens, only the response tells (see the class comment).
        if (m_head.method == "CONNECT") {
            m_afterMessage = State::AwaitingSwitch;
            return true;
        }
        if (m_head.hasToken("Connection", "upgrade") && !m_head.value("Upgrade").isEmpty())
            m_afterMessage = State::AwaitingSwitch;
        // RFC 9112 6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing
        if (hasCoding && m_head.versionMinor == 0)
            return reject(Error::AmbiguousLength,
                          QT_TR_NOOP("Transfer-Encoding in an HTTP/1.0 request"));
        if (hasCoding && contentLength(m_head.headers) != -1)
            return reject(Error::AmbiguousLength,
                          QT_TR_NOOP("both Transfer-Encoding and Content-Length"));
        if (hasCoding && !chunked)
            return reject(Error::AmbiguousLength,
                          QT_TR_NOOP("request transfer coding does not end in chunked"));
    } else {
        const int status = m_head.status;
        if (status < 200 && status != 101)
            return true; // interim response: the request still awaits its final one
        const QByteArray method = m_expected.isEmpty() ? QByteArray() : m_expected.takeFirst();
        if (status == 101 || (method == "CONNECT" && status < 300)) {
            m_afterMessage = State::Passthrough;
            return true;
        }
        if (method == "HEAD" || status == 204 || status == 304)
            return true;
        if (hasCoding && !chunked) {
            m_state = State::UntilClose;
            return true;
        }
    }
    if (chunked) {
        startChunk();
        return true;
    }
    const qint64 length = contentLength(m_head.headers);
    if (length == -2)
        return reject(Error::BadContentLength, QT_TR_NOOP("invalid Content-Length"));
    m_remaining = length;
    if (length > 0)
        m_state = State::Body;
    else if (length < 0 && m_kind == Kind::Response)
        m_state = State::UntilClose;
    return true;
}
