// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "adminserver.h"

#include "cluster/cluster.h"
#include "server.h"

#include <QHttpServerResponse>
#include <QJsonDocument>

AdminServer::AdminServer(const Server &server, QObject *parent)
    : QObject(parent)
{
    m_http.route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [&server] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   server.metricsText());
    });
    m_http.route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [&server] {
        return server.isServing()
                ? QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"))
                : QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                      QByteArrayLiteral("stopping\n"),
                                      QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
    m_http.route(QStringLiteral("/api/tunnels"), QHttpServerRequest::Method::Get, [&server] {
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   QJsonDocument(server.tunnelsJson()).toJson());
    });
    m_http.route(QStringLiteral("/api/cluster"), QHttpServerRequest::Method::Get, [&server] {
        if (!server.cluster())
            return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                       QByteArrayLiteral("{\"error\": \"not in cluster mode: "
                                                         "start rok-server with --redis\"}\n"),
                                       QHttpServerResponse::StatusCode::NotFound);
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   QJsonDocument(server.clusterJson()).toJson());
    });
}

quint16 AdminServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http.listen(address, port);
}
