// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "sealedbox.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>

class RedisClient;

// The certificates a cluster's nodes get from an ACME CA, shared through Redis so that each
// name is ordered once, by the node that holds its tunnel, and every node can answer HTTPS for
// it (a visitor's TLS ends at whichever node the balancer picked).
//
// rok:cert:HOST holds the chain and the key, sealed with the cluster secret (SealedBox): Redis
// never sees a private key. rok:certs is a sorted set of the hosts by a serial number
// (rok:certs:serial); each node asks every `interval` for what came after the last serial it
// saw, so one command a round however many certificates there are.
class ClusterCertificates : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterCertificates)

public:
    ClusterCertificates(RedisClient *redis, const QByteArray &secret,
                        std::chrono::milliseconds interval, QObject *parent = nullptr);

    void publish(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);

Q_SIGNALS:
    // Another node's certificate (or this node's, once: the first round sees everything).
    void arrived(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void unreadable(const QString &host); // sealed with another secret, or damaged

private:
    void poll();
    void fetch(const QString &host);

    RedisClient *m_redis;
    SealedBox m_box;
    QTimer m_timer;
    qint64 m_seen = 0; // the highest serial taken in
    bool m_polling = false;
};
