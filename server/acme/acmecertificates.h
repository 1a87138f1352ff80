// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "acmeclient.h"
#include "http01responses.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

class EventLog;

// Certificates for tunnel names from an ACME CA (--acme-email): one per name, asked for when a
// tunnel first opens the name, kept under --state-dir/acme so a restart asks for nothing, and
// renewed at two thirds of their lifetime while the name is in use. A failed order is tried
// again later, waiting longer each time, and --acme-orders-per-hour bounds new orders for all
// names together, so neither a failing name nor a user opening many names spends a CA's limits.
class AcmeCertificates : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcmeCertificates)

public:
    struct Settings
    {
        AcmeClient::Settings client;
        QString directory; // --state-dir/acme/CA-HOST
        int ordersPerHour = 20; // --acme-orders-per-hour
    };

    AcmeCertificates(const Settings &settings, EventLog &log, QObject *parent = nullptr);

    // Makes the directory, reads or makes the account key, and announces every certificate kept
    // from an earlier run (certificateReady). False and *error if the directory is unusable.
    bool start(QString *error);

    // A tunnel opened `host`: order its certificate unless one is kept and not due.
    void want(const QString &host);
    // No tunnel holds `host` any more: its certificate is not renewed (one is ordered again if a
    // tunnel opens it later).
    void release(const QString &host) { m_wanted.remove(host); }
    // A certificate another node of the cluster got (ClusterCertificates): kept and served as
    // if it had been issued here, and not ordered again while it is good. An older one than
    // this node has is ignored.
    void adopt(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    // Whether a certificate for `host` has been announced.
    bool has(const QString &host) const { return m_renewAt.contains(host); }

    const Http01Responses &challenges() const { return m_challenges; }

    // When to renew a certificate valid from `notBefore` to `notAfter`: at two thirds.
    static QDateTime renewalTime(const QDateTime &notBefore, const QDateTime &notAfter);

Q_SIGNALS:
    // The CA issued it to this node (not read from disk, not adopted): for the cluster.
    void issued(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void certificateReady(const QString &host, const QByteArray &chainPem,
                          const QByteArray &keyPem);

private:
    void onIssued(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void onFailed(const QString &host, const QString &reason);
    bool announce(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void save(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void renewDue();
    void scheduleRenewal();
    QString certificateFile(const QString &host) const;
    QString keyFile(const QString &host) const;

    Settings m_settings;
    EventLog &m_log;
    Http01Responses m_challenges;
    AcmeClient *m_client = nullptr;
    QSet<QString> m_wanted; // names opened since start: the ones worth renewing
    QHash<QString, QDateTime> m_renewAt;
    QHash<QString, QDateTime> m_retryAt; // after a failure
    QHash<QString, int> m_failures;
    std::deque<QDateTime> m_ordersLastHour; // when each recent order started, oldest first
    QTimer m_renewal;
};
