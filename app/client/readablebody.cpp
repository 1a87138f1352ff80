// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "readablebody.h"

#include "requestlog.h"
#include "units.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QUrlQuery>

#include <brotli/decode.h>
#include <zlib.h>

#include <memory>

namespace {

constexpr qsizetype OutputStep = 64 * 1024;

// Appends what a decoder wrote to the end of `out`, which has OutputStep bytes of room there.
// Returns false once `limit` is reached (and cuts `out` to it).
bool keep(QByteArray &out, qsizetype room, qsizetype limit, BodyDecoding::Decoded &result)
{
    out.chop(room);
    if (out.size() < limit)
        return true;
    out.truncate(limit);
    result.cut = true;
    return false;
}

BodyDecoding::Decoded inflateStream(QByteArrayView data, int windowBits, qsizetype limit)
{
    BodyDecoding::Decoded result;
    z_stream stream{};
    if (inflateInit2(&stream, windowBits) != Z_OK) {
        result.error = ReadableBody::tr("zlib cannot start");
        return result;
    }
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size()); // a preview: far below 4 GiB
    int status = Z_OK;
    while (status == Z_OK) {
        const qsizetype before = result.bytes.size();
        result.bytes.resize(before + OutputStep);
        stream.next_out = reinterpret_cast<Bytef *>(result.bytes.data() + before);
        stream.avail_out = uInt(OutputStep);
        status = inflate(&stream, Z_NO_FLUSH);
        if (!keep(result.bytes, stream.avail_out, limit, result))
            break;
    }
    if (status == Z_BUF_ERROR) // no progress: the input ended inside the stream
        result.cut = true;
    else if (status != Z_OK && status != Z_STREAM_END)
        result.error =
                stream.msg ? QString::fromLatin1(stream.msg) : ReadableBody::tr("damaged data");
    inflateEnd(&stream);
    return result;
}

BodyDecoding::Decoded brotli(QByteArrayView data, qsizetype limit)
{
    BodyDecoding::Decoded result;
    const std::unique_ptr<BrotliDecoderState, decltype(&BrotliDecoderDestroyInstance)> state(
            BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
    size_t availableIn = size_t(data.size());
    auto nextIn = reinterpret_cast<const uint8_t *>(data.data());
    BrotliDecoderResult status = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (status == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        const qsizetype before = result.bytes.size();
        result.bytes.resize(before + OutputStep);
        size_t availableOut = size_t(OutputStep);
        auto nextOut = reinterpret_cast<uint8_t *>(result.bytes.data() + before);
        status = BrotliDecoderDecompressStream(state.get(), &availableIn, &nextIn, &availableOut,
                                               &nextOut, nullptr);
        if (!keep(result.bytes, qsizetype(availableOut), limit, result))
            return result;
    }
    if (status == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
        result.cut = true;
    else if (status == BROTLI_DECODER_RESULT_ERROR)
        result.error = QString::fromLatin1(
                BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get())));
    return result;
}

QByteArray mimeTypeOf(const HttpHead &head)
{
    QByteArray type = head.value("Content-Type");
    if (const qsizetype parameters = type.indexOf(';'); parameters >= 0)
        type.truncate(parameters);
    return type.trimmed().toLower();
}

QByteArray charsetOf(const HttpHead &head)
{
    const QList<QByteArray> parameters = head.value("Content-Type").split(';');
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QByteArray parameter = parameters[i].trimmed();
        if (parameter.toLower().startsWith("charset="))
            return parameter.sliced(8).replace('"', "").trimmed();
    }
    return {};
}

// Indents JSON text as it is: QJsonDocument would sort the keys and turn large integers into
// doubles, which is not what the app sent. Copes with a preview cut anywhere; returns the text
// unchanged if indenting would make it too large (pathological nesting or commas).
QByteArray indentedJson(QByteArrayView json)
{
    constexpr int MaxIndent = 16; // levels; deeper ones stay at this indent
    const qsizetype outputLimit = 2 * ReadableBody::DecodedLimit;
    QByteArray out;
    out.reserve(json.size() + json.size() / 4);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += '\n';
        out += QByteArray(2 * qMin(depth, MaxIndent), ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            qsizetype next = i + 1;
            while (next < json.size() && QChar::isSpace(uchar(json[next])))
                ++next;
            if (next < json.size() && (json[next] == '}' || json[next] == ']')) {
                out += json[next]; // {} and [] stay on one line
                i = next;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            depth = qMax(0, depth - 1);
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
        if (out.size() > outputLimit)
            return json.toByteArray();
    }
    return out;
}

// Whether a body labelled JSON is JSON: a whole one must parse; a cut one must start like one.
bool looksLikeJson(const QByteArray &bytes, bool complete)
{
    if (complete) {
        QJsonParseError error;
        QJsonDocument::fromJson(bytes, &error);
        return error.error == QJsonParseError::NoError;
    }
    const QByteArray start = bytes.trimmed().left(1);
    return start == "{" || start == "[";
}

BodyDecoding::Fields decodedPairs(QByteArray query, bool plusIsSpace)
{
    if (plusIsSpace)
        query.replace('+', "%20");
    BodyDecoding::Fields fields;
    const QUrlQuery items(QString::fromUtf8(query));
    for (const auto &[name, value] : items.queryItems(QUrl::FullyDecoded))
        fields.append({name, value});
    return fields;
}

} // namespace

namespace BodyDecoding {

QByteArray dechunk(QByteArrayView framed, bool *complete)
{
    QByteArray payload;
    *complete = false;
    while (true) {
        const qsizetype lineEnd = framed.indexOf("\r\n");
        if (lineEnd < 0)
            return payload;
        QByteArrayView size = framed.first(lineEnd);
        if (const qsizetype extension = size.indexOf(';'); extension >= 0)
            size = size.first(extension);
        bool ok = false;
        const qint64 length = size.trimmed().toLongLong(&ok, 16);
        if (!ok || length < 0)
            return payload;
        framed = framed.sliced(lineEnd + 2);
        if (length == 0) {
            *complete = true; // trailers, if any, are not body
            return payload;
        }
        if (framed.size() < length + 2) { // cut inside this chunk
            payload += framed.first(qMin<qint64>(length, framed.size()));
            return payload;
        }
        if (framed.sliced(length, 2) != "\r\n")
            return payload;
        payload += framed.first(length);
        framed = framed.sliced(length + 2);
    }
}

Decoded decode(QByteArrayView coding, QByteArrayView data, qsizetype limit)
{
    if (coding == "gzip" || coding == "x-gzip")
        return inflateStream(data, MAX_WBITS + 16, limit);
    if (coding == "deflate") {
        // RFC 9110 says zlib's format; some servers send raw deflate
        Decoded zlib = inflateStream(data, MAX_WBITS, limit);
        if (zlib.error.isEmpty() || !zlib.bytes.isEmpty())
            return zlib;
        return inflateStream(data, -MAX_WBITS, limit);
    }
    if (coding == "br")
        return brotli(data, limit);
    if (coding == "identity")
        return {data.first(qMin(limit, data.size())).toByteArray(), {}, data.size() > limit};
    return {{}, ReadableBody::tr("rok does not decode %1").arg(QString::fromLatin1(coding)), false};
}

Fields queryItems(QByteArrayView target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {};
    QByteArrayView query = target.sliced(question + 1);
    if (const qsizetype fragment = query.indexOf('#'); fragment >= 0)
        query = query.first(fragment);
    return decodedPairs(query.toByteArray(), false);
}

Fields formFields(QByteArrayView body)
{
    return decodedPairs(body.trimmed().toByteArray(), true);
}

Fields headerFields(const HttpHead &head)
{
    Fields fields;
    for (const HttpHeader &header : head.headers)
        fields.append({QString::fromLatin1(header.name), QString::fromLatin1(header.value)});
    return fields;
}

} // namespace BodyDecoding

ReadableBody ReadableBody::of(const HttpHead &head, const QByteArray &wire, bool truncated)
{
    ReadableBody body;
    body.mimeType = mimeTypeOf(head);
    body.charset = charsetOf(head);
    if (wire.isEmpty()) {
        body.complete = !truncated;
        if (truncated)
            body.notes.append(
                    ReadableBody::tr("The body was not kept: rok keeps text and images only."));
        return body;
    }
    body.complete = !truncated;
    body.bytes = wire;
    if (head.hasToken("Transfer-Encoding", "chunked")) {
        bool lastChunkSeen = false;
        body.bytes = BodyDecoding::dechunk(wire, &lastChunkSeen);
        body.complete = body.complete && lastChunkSeen;
    }
    if (truncated)
        body.notes.append(ReadableBody::tr("Only the first %1 of the body were kept.")
                                  .arg(Units::bytes(RequestRecord::PreviewLimit)));

    // Codings apply in the order listed, so they come off in reverse.
    QList<QByteArray> codings = head.value("Content-Encoding").toLower().split(',');
    bool encoded = false;
    for (auto coding = codings.crbegin(); coding != codings.crend(); ++coding) {
        const QByteArray name = coding->trimmed();
        if (name.isEmpty() || name == "identity")
            continue;
        BodyDecoding::Decoded decoded = BodyDecoding::decode(name, body.bytes, DecodedLimit);
        if (!decoded.error.isEmpty()) {
            body.notes.append(ReadableBody::tr("Could not decode %1: %2.")
                                      .arg(QString::fromLatin1(name), decoded.error));
            if (decoded.bytes.isEmpty()) {
                encoded = true;
                break;
            }
            body.complete = false;
        }
        if (decoded.bytes.size() >= DecodedLimit) {
            body.notes.append(ReadableBody::tr("Only the first %1 of the decoded body are shown.")
                                      .arg(Units::bytes(DecodedLimit)));
        } else if (decoded.cut && !truncated) {
            body.notes.append(
                    ReadableBody::tr("The %1 data ends early.").arg(QString::fromLatin1(name)));
        }
        body.complete = body.complete && !decoded.cut;
        body.bytes = std::move(decoded.bytes);
        if (decoded.error.isEmpty()) // else the note above says how far it went
            body.notes.prepend(ReadableBody::tr("Decoded from %1.").arg(QString::fromLatin1(name)));
    }

    if (encoded) {
        body.kind = Kind::Binary;
    } else if (body.mimeType.startsWith("image/")) {
        body.kind = Kind::Image;
    } else if (body.mimeType.contains("json")) {
        body.kind = looksLikeJson(body.bytes, body.complete) ? Kind::Json : Kind::Text;
    } else {
        body.kind = RequestRecord::isTextual(head) ? Kind::Text : Kind::Binary;
    }
    return body;
}

QString ReadableBody::text() const
{
    // stateless: a character cut at the preview's end becomes U+FFFD, not nothing
    QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.constData(),
                           QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return QString::fromUtf8(bytes);
    return decoder.decode(bytes);
}

QString ReadableBody::readableText() const
{
    if (kind != Kind::Json)
        return text();
    return QString::fromUtf8(indentedJson(bytes)); // JSON is UTF-8 (RFC 8259)
}
