// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "acmecertificates.h"

#include "eventlog.h"
#include "statedirectory.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace {

constexpr std::chrono::minutes FirstRetry{1};
constexpr std::chrono::hours LongestRetry{6};
constexpr std::chrono::hours LongestSleep{1}; // look again at least hourly (clock changes)

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(1024 * 1024) : QByteArray();
}

} // namespace

AcmeCertificates::AcmeCertificates(const Settings &settings, EventLog &log, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_log(log)
{
    m_renewal.setSingleShot(true);
    connect(&m_renewal, &QTimer::timeout, this, &AcmeCertificates::renewDue);
}

QDateTime AcmeCertificates::renewalTime(const QDateTime &notBefore, const QDateTime &notAfter)
{
    return notBefore.addSecs(notBefore.secsTo(notAfter) * 2 / 3);
}

bool AcmeCertificates::start(QString *error)
{
    const QDir directory(m_settings.directory);
    if (!StateDirectory::makePrivate(m_settings.directory, error)
        || !StateDirectory::makePrivate(directory.filePath(u"certificates"_s), error))
        return false;
    const QString accountFile = directory.filePath(u"account-key.pem"_s);
    JwsKey key = JwsKey::fromPem(readFile(accountFile));
    if (key.isNull()) {
        if (QFile::exists(accountFile)) {
            *error = tr("%1 is not an ECDSA P-256 key; move it away to make a new account")
                             .arg(accountFile);
            return false;
        }
        key = JwsKey::generate();
        if (!StateDirectory::writePrivate(accountFile, key.toPem(), error))
            return false;
    }
    m_client = new AcmeClient(m_settings.client, std::move(key), m_challenges, this);
    connect(m_client, &AcmeClient::issued, this, &AcmeCertificates::onIssued);
    connect(m_client, &AcmeClient::failed, this, &AcmeCertificates::onFailed);

    const QStringList kept = QDir(directory.filePath(u"certificates"_s))
                                     .entryList({u"*.crt"_s}, QDir::Files, QDir::Name);
    for (const QString &file : kept) {
        const QString host = file.chopped(4);
        announce(host, readFile(certificateFile(host)), readFile(keyFile(host)));
    }
    scheduleRenewal();
    return true;
}

void AcmeCertificates::want(const QString &host)
{
    m_wanted.insert(host);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if ((has(host) && m_renewAt.value(host) > now) || m_client->isOrdering(host)
        || m_retryAt.value(host) > now)
        return;
    while (!m_ordersLastHour.empty() && m_ordersLastHour.front().secsTo(now) >= 3600)
        m_ordersLastHour.pop_front();
    if (int(m_ordersLastHour.size()) >= m_settings.ordersPerHour) {
        const QDateTime next = m_ordersLastHour.front().addSecs(3600);
        m_retryAt.insert(host, next);
        m_log.event(u"certificate_deferred"_s,
                    {{u"host"_s, host}, {u"until"_s, next.toString(Qt::ISODate)}},
                    tr("no certificate for %1 before %2: %3 were asked for in the last hour "
                       "(--acme-orders-per-hour)")
                            .arg(host, next.toString(Qt::ISODate))
                            .arg(m_settings.ordersPerHour));
        scheduleRenewal();
        return;
    }
    m_ordersLastHour.push_back(now);
    m_log.event(
            u"certificate_requested"_s, {{u"host"_s, host}},
            tr("asking %1 for a certificate for %2").arg(m_settings.client.directory.host(), host));
    m_client->order(host);
}

void AcmeCertificates::onIssued(const QString &host, const QByteArray &chainPem,
                                const QByteArray &keyPem)
{
    save(host, chainPem, keyPem);
    m_failures.remove(host);
    m_retryAt.remove(host);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(chainPem, QSsl::Pem);
    const QDateTime renewAt = chain.isEmpty()
            ? QDateTime()
            : renewalTime(chain.constFirst().effectiveDate(), chain.constFirst().expiryDate());
    m_log.event(u"certificate_issued"_s,
                {{u"host"_s, host}, {u"renew_at"_s, renewAt.toString(Qt::ISODate)}},
                tr("got a certificate for %1 (renews from %2)")
                        .arg(host, renewAt.toString(Qt::ISODate)));
    announce(host, chainPem, keyPem);
    scheduleRenewal();
    Q_EMIT issued(host, chainPem, keyPem);
}

void AcmeCertificates::adopt(const QString &host, const QByteArray &chainPem,
                             const QByteArray &keyPem)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(chainPem, QSsl::Pem);
    if (chain.isEmpty())
        return;
    const QDateTime renewAt =
            renewalTime(chain.constFirst().effectiveDate(), chain.constFirst().expiryDate());
    if (has(host) && m_renewAt.value(host) >= renewAt)
        return; // this one, or a newer one, is here already
    if (!announce(host, chainPem, keyPem))
        return;
    save(host, chainPem, keyPem);
    m_retryAt.remove(host);
    m_log.event(u"certificate_adopted"_s,
                {{u"host"_s, host}, {u"renew_at"_s, renewAt.toString(Qt::ISODate)}},
                tr("took the certificate for %1 from the cluster").arg(host));
    scheduleRenewal();
}

void AcmeCertificates::save(const QString &host, const QByteArray &chainPem,
                            const QByteArray &keyPem)
{
    QString error;
    // The key first: a certificate is never left behind without it.
    if (!StateDirectory::writePrivate(keyFile(host), keyPem, &error)
        || !StateDirectory::writePrivate(certificateFile(host), chainPem, &error))
        m_log.event(u"certificate_not_saved"_s, {{u"host"_s, host}, {u"error"_s, error}},
                    tr("the certificate for %1 works but was not saved: %2").arg(host, error));
}

void AcmeCertificates::onFailed(const QString &host, const QString &reason)
{
    const int failures = ++m_failures[host];
    const auto wait = std::min<std::chrono::minutes>(FirstRetry * (1 << std::min(failures - 1, 10)),
                                                     LongestRetry);
    m_retryAt.insert(host,
                     QDateTime::currentDateTimeUtc().addSecs(
                             std::chrono::duration_cast<std::chrono::seconds>(wait).count()));
    m_log.event(
            u"certificate_failed"_s,
            {{u"host"_s, host}, {u"error"_s, reason}, {u"retry_in_s"_s, qint64(wait.count() * 60)}},
            tr("no certificate for %1: %2 (trying again in %3 min while it is in use)")
                    .arg(host, reason)
                    .arg(wait.count()));
    scheduleRenewal();
}

bool AcmeCertificates::announce(const QString &host, const QByteArray &chainPem,
                                const QByteArray &keyPem)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(chainPem, QSsl::Pem);
    if (chain.isEmpty() || keyPem.isEmpty()
        || chain.constFirst().expiryDate() <= QDateTime::currentDateTimeUtc())
        return false; // unreadable or expired: as if there were none, so it is ordered again
    const QSslCertificate &leaf = chain.constFirst();
    m_renewAt.insert(host, renewalTime(leaf.effectiveDate(), leaf.expiryDate()));
    Q_EMIT certificateReady(host, chainPem, keyPem);
    return true;
}

void AcmeCertificates::renewDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &host : std::as_const(m_wanted)) {
        if (!has(host) || m_renewAt.value(host) <= now)
            want(host);
    }
    scheduleRenewal();
}

void AcmeCertificates::scheduleRenewal()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime next = now.addSecs(std::chrono::seconds(LongestSleep).count());
    for (const QString &host : std::as_const(m_wanted)) {
        if (m_client->isOrdering(host))
            continue; // issued() or failed() schedules again
        const QDateTime due = std::max(m_renewAt.value(host, now), m_retryAt.value(host, now));
        next = std::min(next, due);
    }
    m_renewal.start(std::max<qint64>(1000, now.msecsTo(next)));
}

QString AcmeCertificates::certificateFile(const QString &host) const
{
    return m_settings.directory + u"/certificates/"_s + host + u".crt"_s;
}

QString AcmeCertificates::keyFile(const QString &host) const
{
    return m_settings.directory + u"/certificates/"_s + host + u".key"_s;
}
