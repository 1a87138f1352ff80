// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "harexport.h"

#include "readablebody.h"

#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUrl>

namespace {

// Strings are marked with QT_TRANSLATE_NOOP("HarExport", …) so lupdate finds them.
QString trHar(const char *text)
{
    return QCoreApplication::translate("HarExport", text);
}

// Header bytes are mostly ASCII; read UTF-8 where it is valid and Latin-1 otherwise, so no
// header value loses its bytes to U+FFFD.
QString headerText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return decoder.hasError() ? QString::fromLatin1(bytes) : text;
}

double roundMs(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}

QString httpVersion(const HttpHead &head)
{
    return QStringLiteral("HTTP/1.%1").arg(head.versionMinor);
}

QJsonArray headers(const HttpHead &head)
{
    QJsonArray out;
    for (const HttpHeader &header : head.headers)
        out.append(QJsonObject{{QStringLiteral("name"), headerText(header.name)},
                               {QStringLiteral("value"), headerText(header.value)}});
    return out;
}

QByteArray firstElement(const QByteArray &list)
{
    const qsizetype comma = list.indexOf(',');
    return (comma < 0 ? list : list.first(comma)).trimmed();
}

// The URL the visitor asked for: the public one the server passed on in X-Forwarded-Proto and
// X-Forwarded-Host, or what the Host header says.
QString requestUrl(const HttpHead &head)
{
    const QByteArray target = head.target;
    if (target.startsWith("http://") || target.startsWith("https://"))
        return headerText(target); // absolute-form, as sent to a proxy
    QByteArray host = firstElement(head.value("X-Forwarded-Host"));
    QByteArray scheme = firstElement(head.value("X-Forwarded-Proto")).toLower();
    if (host.isEmpty())
        host = head.value("Host");
    if (scheme != "http" && scheme != "https")
        scheme = "http";
    if (host.isEmpty())
        return headerText(target);
    const QByteArray path = target.startsWith('/') ? target : (target == "*" ? "" : "/" + target);
    return headerText(scheme + "://" + host + path);
}

// "a=1&b=x%20y&c" -> [{a, 1}, {b, "x y"}, {c, ""}]; '+' is a space, as in HTML forms.
QJsonArray queryString(const QByteArray &target)
{
    QJsonArray out;
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return out;
    QByteArray query = target.sliced(question + 1);
    if (const qsizetype hash = query.indexOf('#'); hash >= 0)
        query.truncate(hash);
    const auto decode = [](QByteArray part) {
        return QUrl::fromPercentEncoding(part.replace('+', ' '));
    };
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.first(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.sliced(equals + 1);
        out.append(QJsonObject{{QStringLiteral("name"), decode(name)},
                               {QStringLiteral("value"), decode(value)}});
    }
    return out;
}

struct Body
{
    QString text;
    QString comment;
    bool present = false;
    bool base64 = false; // an image or undecodable bytes: HAR's content.encoding
};

Body bodyText(const HttpHead &head, const QByteArray &preview, bool truncated)
{
    const ReadableBody readable = ReadableBody::of(head, preview, truncated);
    Body body;
    body.comment = readable.notes.join(u' ');
    if (readable.kind == ReadableBody::Kind::None)
        return body;
    body.present = true;
    body.base64 = !readable.isText();
    body.text = body.base64 ? QString::fromLatin1(readable.bytes.toBase64()) : readable.text();
    return body;
}

// Bytes after the head on the wire, or -1 if they are unknown.
qint64 bodySize(const RequestRecord &record, const HttpHead &head, qint64 wireBytes,
                const QByteArray &preview, bool truncated)
{
    if (record.kind == RequestRecord::Kind::Upgrade)
        return 0; // what follows the head is the upgraded protocol, not a body
    if (head.size > 0 && wireBytes >= head.size)
        return wireBytes - head.size;
    return truncated ? -1 : preview.size();
}

QString isoTime(const QDateTime &time)
{
    const QDateTime valid = time.isValid() ? time : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    return valid.toOffsetFromUtc(valid.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QJsonObject request(const RequestRecord &record)
{
    const HttpHead &head = record.requestHead;
    QJsonObject out{
            {QStringLiteral("method"), headerText(record.method)},
            {QStringLiteral("url"), requestUrl(head)},
            {QStringLiteral("httpVersion"), httpVersion(head)},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headers(head)},
            {QStringLiteral("queryString"), queryString(head.target)},
            {QStringLiteral("headersSize"), head.size > 0 ? double(head.size) : -1.0},
            {QStringLiteral("bodySize"),
             double(bodySize(record, head, record.requestBytes, record.requestBody,
                             record.requestBodyTruncated))},
    };
    Body body = bodyText(head, record.requestBody, record.requestBodyTruncated);
    if (body.base64) // postData has no encoding field: an image upload is described, not kept
        body.text.clear();
    if (body.present || !body.comment.isEmpty()) {
        QJsonObject postData{{QStringLiteral("mimeType"), headerText(head.value("Content-Type"))},
                             {QStringLiteral("text"), body.text}};
        if (!body.comment.isEmpty())
            postData.insert(QStringLiteral("comment"), body.comment);
        out.insert(QStringLiteral("postData"), postData);
    }
    return out;
}

QJsonObject response(const RequestRecord &record)
{
    const HttpHead &head = record.responseHead;
    const bool answered = record.status != 0;
    const qint64 size = answered ? bodySize(record, head, record.responseBytes, record.responseBody,
                                            record.responseBodyTruncated)
                                 : 0;
    QJsonObject content{{QStringLiteral("size"), double(qMax<qint64>(size, 0))},
                        {QStringLiteral("mimeType"), headerText(head.value("Content-Type"))}};
    const Body body = bodyText(head, record.responseBody, record.responseBodyTruncated);
    if (body.present)
        content.insert(QStringLiteral("text"), body.text);
    if (body.present && body.base64)
        content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    if (!body.comment.isEmpty())
        content.insert(QStringLiteral("comment"), body.comment);
    QJsonObject out{
            {QStringLiteral("status"), record.status},
            {QStringLiteral("statusText"), answered ? headerText(head.reason) : QString()},
            {QStringLiteral("httpVersion"), answered ? httpVersion(head) : QString()},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), answered ? headers(head) : QJsonArray()},
            {QStringLiteral("content"), content},
            {QStringLiteral("redirectURL"), headerText(head.value("Location"))},
            {QStringLiteral("headersSize"), answered && head.size > 0 ? double(head.size) : -1.0},
            {QStringLiteral("bodySize"), answered ? double(size) : -1.0},
    };
    if (!record.error.isEmpty()) // as Chrome writes it, e.g. "net::ERR_CONNECTION_REFUSED"
        out.insert(QStringLiteral("_error"), record.error);
    return out;
}

QJsonObject entry(const RequestRecord &record)
{
    const double time = roundMs(qMax(record.durationMs, 0.0));
    const double wait = record.firstByteMs >= 0 ? qMin(roundMs(record.firstByteMs), time) : time;
    const QJsonObject timings{
            {QStringLiteral("blocked"), -1},
            {QStringLiteral("dns"), -1},
            {QStringLiteral("connect"), -1},
            {QStringLiteral("ssl"), -1},
            {QStringLiteral("send"), 0},
            {QStringLiteral("wait"), wait},
            {QStringLiteral("receive"), roundMs(time - wait)},
    };
    QJsonObject out{
            {QStringLiteral("startedDateTime"), isoTime(record.started)},
            {QStringLiteral("time"), time},
            {QStringLiteral("request"), request(record)},
            {QStringLiteral("response"), response(record)},
            {QStringLiteral("cache"), QJsonObject()},
            {QStringLiteral("timings"), timings},
    };
    if (record.kind == RequestRecord::Kind::Upgrade)
        out.insert(QStringLiteral("comment"),
                   trHar(QT_TRANSLATE_NOOP(
                           "HarExport",
                           "The connection switched protocols; its later traffic is not shown.")));
    return out;
}

} // namespace

namespace HarExport {

QJsonObject toHar(const QList<RequestRecord> &records, const QString &creatorVersion)
{
    QJsonArray entries;
    for (const RequestRecord &record : records) {
        if (record.kind != RequestRecord::Kind::UpgradeClosed)
            entries.append(entry(record));
    }
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("rok")},
                              {QStringLiteral("version"), creatorVersion}};
    const QJsonObject log{{QStringLiteral("version"), QStringLiteral("1.2")},
                          {QStringLiteral("creator"), creator},
                          {QStringLiteral("entries"), entries}};
    return {{QStringLiteral("log"), log}};
}

bool writeFile(const QString &path, const QList<RequestRecord> &records, QString *error)
{
#ifdef ROK_VERSION
    const QString version = QStringLiteral(ROK_VERSION);
#else
    const QString version = QCoreApplication::applicationVersion();
#endif
    const QByteArray json = QJsonDocument(toHar(records, version)).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size() && file.commit())
        return true;
    if (error)
        *error = trHar(QT_TRANSLATE_NOOP("HarExport", "Could not write the HAR file %1: %2"))
                         .arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace HarExport
