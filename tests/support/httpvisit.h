// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "httpparser.h"

#include <QCryptographicHash>
#include <QObject>
#include <QTcpSocket>

// One visitor request on its own connection to the HTTP edge, as a browser or curl would
// send it (with a Host header naming the tunnel), read back with our own response parser.
// Optionally uploads `uploadSize` bytes of TestHttpService::pattern() as the body.
class HttpVisit : public QObject
{
    Q_OBJECT

public:
    HttpVisit(quint16 port, const QByteArray &host, const QByteArray &method,
              const QByteArray &path, qint64 uploadSize = 0, QObject *parent = nullptr);

    void setExtraHeaders(const QByteArray &lines) { m_extra = lines; }
    void setReadChunk(qint64 bytes) { m_readChunk = bytes; }
    void start();

    bool isDone() const { return m_done; }
    int status() const { return m_status; }
    QByteArray body() const { return m_body; } // kept up to 1 MiB
    qint64 bodySize() const { return m_bodySize; }
    QByteArray bodySha256() const { return m_hash.result().toHex(); }
    HttpHead head() const { return m_head; }
    QString error() const { return m_error; }
    QTcpSocket *socket() { return &m_socket; }

Q_SIGNALS:
    void done();

private:
    void onConnected();
    void pumpUpload();
    void onReadyRead();
    void finish(const QString &error = {});

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_host, m_method, m_path, m_extra;
    qint64 m_uploadLeft, m_uploadOffset = 0;
    qint64 m_readChunk = 0; // 0: read everything available
    HttpParser m_parser{HttpParser::Kind::Response};
    HttpHead m_head;
    int m_status = 0;
    QByteArray m_body;
    qint64 m_bodySize = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    bool m_done = false;
    QString m_error;
};
