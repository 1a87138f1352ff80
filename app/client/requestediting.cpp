// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "requestediting.h"

#include "readablebody.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RequestEditing", text);
}

bool isChunked(const HttpHead &head)
{
    return head.hasToken("Transfer-Encoding", "chunked");
}

// Hop-by-hop or set again on the way: a replay or a curl command makes its own.
bool isFramingOrForwarding(QByteArrayView name)
{
    for (const char *skipped : {"Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
                                "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"}) {
        if (name.compare(QByteArrayView(skipped), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

namespace RequestEditing {

QString headerLines(const HttpHead &head)
{
    QString lines;
    for (const HttpHeader &header : head.headers)
        lines += QString::fromLatin1(header.name) + QStringLiteral(": ")
                + QString::fromLatin1(header.value) + u'\n';
    return lines;
}

std::optional<QByteArray> dechunked(QByteArrayView framed)
{
    bool complete = false;
    QByteArray payload = BodyDecoding::dechunk(framed, &complete);
    return complete ? std::optional(std::move(payload)) : std::nullopt;
}

std::optional<QByteArray> wholeBody(const RequestRecord &record)
{
    if (record.requestBodyTruncated)
        return std::nullopt;
    if (isChunked(record.requestHead))
        return dechunked(record.requestBody);
    const QByteArray length = record.requestHead.value("Content-Length");
    if (!length.isEmpty() && length.toLongLong() != record.requestBody.size())
        return std::nullopt;
    return record.requestBody;
}

std::optional<RequestRecord> edited(const RequestRecord &original, const QString &method,
                                    const QString &target, const QString &headerLines,
                                    const QByteArray &body, QString *error)
{
    QByteArray head =
            method.trimmed().toLatin1() + ' ' + target.trimmed().toLatin1() + " HTTP/1.1\r\n";
    for (const QString &line : headerLines.split(u'\n', Qt::SkipEmptyParts)) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QByteArray bytes = trimmed.toLatin1();
        if (std::any_of(trimmed.cbegin(), trimmed.cend(),
                        [](QChar c) { return c.unicode() > 0x7e; })) {
            *error = tr("Header lines must be plain ASCII: %1").arg(trimmed);
            return std::nullopt;
        }
        if (!isFramingOrForwarding(bytes.left(bytes.indexOf(':')).trimmed()))
            head += bytes + "\r\n";
    }
    if (!body.isEmpty() || method.trimmed() == u"POST" || method.trimmed() == u"PUT"
        || method.trimmed() == u"PATCH")
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";

    // The tunnel's own parser decides what a valid request is.
    HttpParser parser(HttpParser::Kind::Request);
    const HttpParser::Step step = parser.feed(head);
    if (step.event != HttpParser::Event::HeadComplete || step.consumed != head.size()) {
        *error = parser.errorString().isEmpty()
                ? tr("This is not a complete request head.")
                : tr("This is not a valid request: %1").arg(parser.errorString());
        return std::nullopt;
    }
    if (!parser.head().target.startsWith('/')) {
        *error = tr("The path must start with /.");
        return std::nullopt;
    }
    if (parser.head().value("Host").isEmpty()) {
        *error = tr("An HTTP/1.1 request needs a Host header.");
        return std::nullopt;
    }
    RequestRecord record;
    record.replayOf = original.id;
    record.method = parser.head().method;
    record.path = parser.head().target;
    record.requestHead = parser.head();
    record.requestBody = body;
    return record;
}

QString curlCommand(const RequestRecord &record, const QString &publicUrl)
{
    QString url = publicUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    QStringList parts{QStringLiteral("curl")};
    const QString method = QString::fromLatin1(record.requestHead.method);
    const std::optional<QByteArray> body = wholeBody(record);
    const bool sendsBody = body && !body->isEmpty();
    if (method == u"HEAD")
        parts << QStringLiteral("--head");
    else if (method != u"GET" && !(method == u"POST" && sendsBody))
        parts << QStringLiteral("-X") << method;
    parts << shellQuoted(url + QString::fromLatin1(record.requestHead.target));
    for (const HttpHeader &header : record.requestHead.headers) {
        if (header.name.compare("Host", Qt::CaseInsensitive) == 0
            || isFramingOrForwarding(header.name))
            continue;
        parts << QStringLiteral("-H")
              << shellQuoted(QString::fromLatin1(header.name + ": " + header.value));
    }
    if (sendsBody)
        parts << QStringLiteral("--data-binary") << shellQuoted(QString::fromUtf8(*body));
    QString command = parts.join(u' ');
    if (!body)
        command += QStringLiteral("  # ") + tr("the body was not kept, so it is not sent");
    return command;
}

} // namespace RequestEditing
