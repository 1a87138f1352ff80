// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"
#include "tunneloptions.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>

class QHttpServerRequest;
class Replayer;

// rok http --inspect: the request log over HTTP, for terminals without a desktop (SSH, WSL):
//   GET  /                         a page over the API
//   GET  /api/requests             every record kept, oldest first (summary())
//   GET  /api/requests/ID          one, with its heads and bodies (details())
//   POST /api/requests/ID/replay   sends it to the local service again: 202; the answer comes
//                                  as a new record whose replay_of is ID
// It listens on loopback only, and answers only requests whose Host is a loopback name (a page
// elsewhere cannot reach it by DNS rebinding) and, for a replay, whose Origin, if any, is its
// own (nor by a cross-site form).
class Inspector : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Inspector)

public:
    // Replays go to `local` (insecure: its certificate is not checked, --local-insecure).
    Inspector(RequestLog *log, const LocalTarget &local, bool insecure = false,
              QObject *parent = nullptr);
    ~Inspector() override;

    // The port listened on; 0 and *error when it cannot (a non-loopback address, a port in use).
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

    static QJsonObject summary(const RequestRecord &record);
    static QJsonObject details(const RequestRecord &record);

private:
    bool isOwnHost(const QHttpServerRequest &request) const;
    bool isOwnOrigin(const QHttpServerRequest &request) const;

    RequestLog *m_log;
    Replayer *m_replayer;
    QHttpServer m_http;
    quint16 m_port = 0;
};
