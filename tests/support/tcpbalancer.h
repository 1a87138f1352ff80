// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A round-robin TCP balancer on loopback, as HAProxy in TCP mode would be in front of a
// cluster: each connection goes to the next backend, and to the one after it when that one
// refuses. It knows nothing of names. (The end-to-end test uses the real HAProxy.)
class TcpBalancer : public QTcpServer
{
public:
    using Backend = std::pair<QHostAddress, quint16>;

    explicit TcpBalancer(const QList<quint16> &ports)
    {
        setBackends(ports);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *visitor = nextPendingConnection())
                relay(visitor, int(m_backends.size()));
        });
    }

    void setBackends(QList<Backend> backends) { m_backends = std::move(backends); }
    void setBackends(const QList<quint16> &ports) // on 127.0.0.1
    {
        m_backends.clear();
        for (const quint16 port : ports)
            m_backends.append({QHostAddress(QHostAddress::LocalHost), port});
    }

private:
    void relay(QTcpSocket *front, int triesLeft)
    {
        if (triesLeft == 0 || m_backends.isEmpty()) {
            front->abort();
            front->deleteLater();
            return;
        }
        const Backend backend = m_backends.at(m_next++ % m_backends.size());
        auto *back = new QTcpSocket(front);
        connect(back, &QTcpSocket::errorOccurred, front, [this, front, back, triesLeft] {
            if (back->state() != QAbstractSocket::ConnectedState
                && !back->property("up").toBool()) {
                back->deleteLater();
                relay(front, triesLeft - 1);
                return;
            }
            front->disconnectFromHost();
        });
        connect(back, &QTcpSocket::connected, front, [front, back] {
            back->setProperty("up", true);
            back->write(front->readAll());
            connect(front, &QTcpSocket::readyRead, back,
                    [front, back] { back->write(front->readAll()); });
            connect(back, &QTcpSocket::readyRead, front,
                    [front, back] { front->write(back->readAll()); });
            connect(front, &QTcpSocket::disconnected, back, &QTcpSocket::disconnectFromHost);
            connect(back, &QTcpSocket::disconnected, front, &QTcpSocket::disconnectFromHost);
        });
        connect(front, &QTcpSocket::disconnected, front, &QObject::deleteLater);
        back->connectToHost(backend.first, backend.second);
    }

    QList<Backend> m_backends;
    int m_next = 0;
};
