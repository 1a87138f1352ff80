// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "inspector.h"

#include "readablebody.h"
#include "replayer.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse json(const QJsonValue &value, Status status = Status::Ok)
{
    const QByteArray body = value.isArray()
            ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body, status);
}

QHttpServerResponse error(Status status, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"), message}}, status);
}

// A duration that may not be known yet: null, not -1.
QJsonValue ms(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

// A head, and its body as a person reads it (decoded, JSON indented; an image as a data: URL).
QJsonObject part(const HttpHead &head, const QByteArray &kept, bool truncated)
{
    const ReadableBody body = ReadableBody::of(head, kept, truncated);
    QJsonObject object{{QStringLiteral("head"), QString::fromLatin1(head.serialize())},
                       {QStringLiteral("body"), body.isText() ? body.readableText() : QString()},
                       {QStringLiteral("body_complete"), body.complete},
                       {QStringLiteral("body_notes"), QJsonArray::fromStringList(body.notes)}};
    if (body.kind == ReadableBody::Kind::Image)
        object.insert(
                QStringLiteral("body_image"),
                QString::fromLatin1("data:" + body.mimeType + ";base64," + body.bytes.toBase64()));
    return object;
}

} // namespace

Inspector::Inspector(RequestLog *log, const LocalTarget &local, bool insecure, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_replayer(new Replayer(local, this))
{
    m_replayer->setLocal(local, insecure);
    connect(m_replayer, &Replayer::finished, log, [log](const RequestRecord &result) {
        log->add(result); // a record of its own, with replay_of
    });
    m_http.route(QStringLiteral("/"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) {
                     if (!isOwnHost(request))
                         return error(Status::Forbidden, tr("not a loopback Host"));
                     QFile page(QStringLiteral(":/inspector/index.html"));
                     page.open(QIODevice::ReadOnly);
                     return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"),
                                                page.readAll());
                 });
    m_http.route(QStringLiteral("/api/requests"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) {
                     if (!isOwnHost(request))
                         return error(Status::Forbidden, tr("not a loopback Host"));
                     QJsonArray list;
                     for (const RequestRecord &record : m_log->kept())
                         list.append(summary(record));
                     return json(list);
                 });
    m_http.route(QStringLiteral("/api/requests/<arg>"), QHttpServerRequest::Method::Get,
                 [this](quint64 id, const QHttpServerRequest &request) {
                     if (!isOwnHost(request))
                         return error(Status::Forbidden, tr("not a loopback Host"));
                     const RequestRecord *record = m_log->find(id);
                     return record
                             ? json(details(*record))
                             : error(Status::NotFound, tr("no request %1 in the log").arg(id));
                 });
    m_http.route(QStringLiteral("/api/requests/<arg>/replay"), QHttpServerRequest::Method::Post,
                 [this](quint64 id, const QHttpServerRequest &request) {
                     if (!isOwnHost(request) || !isOwnOrigin(request))
                         return error(Status::Forbidden, tr("not from this inspector"));
                     const RequestRecord *record = m_log->find(id);
                     if (!record)
                         return error(Status::NotFound, tr("no request %1 in the log").arg(id));
                     m_replayer->replay(*record);
                     return json(QJsonObject{{QStringLiteral("replaying"), qint64(id)}},
                                 Status::Accepted);
                 });
}

Inspector::~Inspector() = default;

quint16 Inspector::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback()) {
        *error = tr("--inspect listens on a loopback address only (127.0.0.1 or ::1), not %1: "
                    "the log holds your visitors' requests. Reach it from elsewhere with ssh -L.")
                         .arg(address.toString());
        return 0;
    }
    m_port = m_http.listen(address, port);
    if (m_port == 0)
        *error = tr("--inspect cannot listen on %1 port %2").arg(address.toString()).arg(port);
    return m_port;
}

bool Inspector::isOwnHost(const QHttpServerRequest &request) const
{
    const QUrl url(QStringLiteral("http://") + QString::fromLatin1(request.value("Host")));
    const QString host = url.host();
    return url.isValid() && url.port(80) == m_port
            && (host == u"localhost" || QHostAddress(host).isLoopback());
}

bool Inspector::isOwnOrigin(const QHttpServerRequest &request) const
{
    const QByteArray origin = request.value("Origin");
    return origin.isEmpty() || origin == "http://" + request.value("Host");
}

QJsonObject Inspector::summary(const RequestRecord &record)
{
    QJsonObject object{
            {QStringLiteral("id"), qint64(record.id)},
            {QStringLiteral("time"), record.started.toString(Qt::ISODateWithMs)},
            {QStringLiteral("method"), QString::fromLatin1(record.method)},
            {QStringLiteral("path"), QString::fromLatin1(record.path)},
            {QStringLiteral("status"), record.status},
            {QStringLiteral("local_ms"), record.status ? ms(record.durationMs) : QJsonValue()},
            {QStringLiteral("tunnel_ms"), ms(record.tunnelMs)},
            {QStringLiteral("request_bytes"), record.requestBytes},
            {QStringLiteral("response_bytes"), record.responseBytes}};
    if (record.heldMs > 0)
        object.insert(QStringLiteral("held_ms"), record.heldMs);
    if (record.replayOf != 0)
        object.insert(QStringLiteral("replay_of"), qint64(record.replayOf));
    if (!record.error.isEmpty())
        object.insert(QStringLiteral("error"), record.error);
    return object;
}

QJsonObject Inspector::details(const RequestRecord &record)
{
    QJsonObject object = summary(record);
    object.insert(QStringLiteral("request"),
                  part(record.requestHead, record.requestBody, record.requestBodyTruncated));
    if (record.status != 0)
        object.insert(QStringLiteral("response"),
                      part(record.responseHead, record.responseBody, record.responseBodyTruncated));
    return object;
}
