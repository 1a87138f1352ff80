// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "testcertificates.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>

// A local service that speaks HTTPS (a dev server with its own certificate): one page per
// connection, then close.
class HttpsService : public QSslServer
{
public:
    explicit HttpsService(const CertificateIssuer::Identity &identity)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(identity.certificate);
        configuration.setPrivateKey(identity.key);
        setSslConfiguration(configuration);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QIODevice::readyRead, socket, [socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: "
                                  "close\r\n\r\nhello, TLS\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};
