// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "httpparser.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A logged body as a person reads it. The log keeps the start of each body as it crossed the
// wire (RequestRecord::PreviewLimit); this undoes its chunked framing and its Content-Encoding
// (gzip, deflate, br) and can indent JSON. Every step copes with a body that was cut short, and
// says what it did in `notes`. Made on demand for the window, HAR and --inspect; never stored.
struct ReadableBody
{
    Q_DECLARE_TR_FUNCTIONS(ReadableBody)

public:
    enum class Kind {
        None, // no body, or one the log did not keep
        Text,
        Json, // text that readableText() indents
        Image,
        Binary, // kept, but not text: shown as hex by whoever wants to
    };

    Kind kind = Kind::None;
    QByteArray bytes; // decoded (JSON: as sent; readableText() indents it)
    QByteArray mimeType; // the Content-Type's type/subtype, lower case
    QByteArray charset; // its charset parameter; empty: UTF-8
    QStringList notes; // "Decoded from gzip.", "Only the first 64 KiB were kept."
    bool complete = true; // bytes are the whole body

    // Decoding never makes more than this from a preview: 64 KiB of gzip can hold gigabytes.
    static constexpr qsizetype DecodedLimit = 4 * 1024 * 1024;

    static ReadableBody of(const HttpHead &head, const QByteArray &wire, bool truncated);
    bool isText() const { return kind == Kind::Text || kind == Kind::Json; }
    QString text() const; // bytes in their charset
    QString readableText() const; // text(), JSON indented
};

namespace BodyDecoding {

// A chunked body's payload, as far as `framed` goes. complete: the last chunk was seen;
// false also when the framing is broken, where the payload so far is returned.
QByteArray dechunk(QByteArrayView framed, bool *complete);

struct Decoded
{
    QByteArray bytes;
    QString error; // the data is damaged or the coding unknown: bytes hold what came before
    bool cut = false; // the input ended inside the stream (a preview), or bytes hit the limit
};
// One content coding (RFC 9110 §8.4.1): gzip, x-gzip, deflate (zlib or raw), br, identity.
Decoded decode(QByteArrayView coding, QByteArrayView data, qsizetype limit);

using Fields = QList<QPair<QString, QString>>;
Fields queryItems(QByteArrayView target); // the query of a request target, decoded
Fields formFields(QByteArrayView body); // application/x-www-form-urlencoded ('+' is a space)
Fields headerFields(const HttpHead &head);

} // namespace BodyDecoding
