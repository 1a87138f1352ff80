// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QTcpServer>

// A small HTTP/1.1 service for tests, standing in for the developer's local web server.
//   GET /              a short page
//   GET /bytes/N       N bytes of pattern(), sent with backpressure
//   GET /headers       the request head it received, as the body
//   GET /delay/MS      answers after MS milliseconds
//   POST /sha256       the SHA-256 (hex) of the request body
//   GET /gzip-json?…   GzipJson, compressed with gzip (Content-Encoding: gzip)
// Keep-alive, pipelining and Connection: close work; it counts the connections it accepted.
class TestHttpService : public QTcpServer
{
    Q_OBJECT

public:
    explicit TestHttpService(QObject *parent = nullptr);

    int connectionsAccepted() const { return m_accepted; }
    static QByteArray pattern(qint64 offset, qint64 size);
    static constexpr const char *Page = "hello from the local service\n";
    static constexpr const char *GzipJson = "{\"name\":\"otter\",\"legs\":4}";

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    int m_accepted = 0;
};
