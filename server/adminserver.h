// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

class Server;

// The operator's HTTP endpoint (--admin-listen, off unless set), served by Qt HttpServer:
// /metrics in Prometheus' text format, /healthz (200 while the server serves, 503 once it
// stops) and /api/tunnels (the open tunnels as JSON). It shows who uses the server: keep it on
// loopback or a private network.
class AdminServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminServer)

public:
    explicit AdminServer(const Server &server, QObject *parent = nullptr);

    // The port bound (port 0 picks one), or 0 when it cannot listen.
    quint16 listen(const QHostAddress &address, quint16 port);

private:
    QHttpServer m_http;
};
