// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tls.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslKey>

namespace Tls {

namespace {

const QString Sha256Prefix = QStringLiteral("sha256:");

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

std::optional<QByteArray> parseFingerprint(const QString &text, QString *error)
{
    if (!text.startsWith(Sha256Prefix, Qt::CaseInsensitive)) {
        *error = QStringLiteral("a fingerprint starts with \"sha256:\"");
        return std::nullopt;
    }
    QString hex = text.mid(Sha256Prefix.size());
    hex.remove(u':');
    const bool allHex = std::all_of(hex.cbegin(), hex.cend(), [](QChar c) {
        return c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f');
    });
    if (hex.size() != 64 || !allHex) {
        *error = QStringLiteral("a SHA-256 fingerprint has 64 hex digits");
        return std::nullopt;
    }
    return QByteArray::fromHex(hex.toLatin1());
}

QString formatFingerprint(const QByteArray &sha256)
{
    return Sha256Prefix + QString::fromLatin1(sha256.toHex());
}

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QList<QSslCertificate> loadCertificates(const QString &path, QString *error)
{
    const QByteArray pem = readFile(path, error);
    if (pem.isEmpty()) {
        if (error->isEmpty())
            *error = QStringLiteral("%1 is empty").arg(path);
        return {};
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        *error = QStringLiteral("%1 holds no PEM certificate").arg(path);
    return certificates;
}

std::optional<QSslConfiguration> serverConfiguration(const QString &certificateFile,
                                                     const QString &keyFile, QString *error)
{
    const QList<QSslCertificate> chain = loadCertificates(certificateFile, error);
    if (chain.isEmpty())
        return std::nullopt;
    const QByteArray keyPem = readFile(keyFile, error);
    if (keyPem.isEmpty()) {
        if (error->isEmpty())
            *error = QStringLiteral("%1 is empty").arg(keyFile);
        return std::nullopt;
    }
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        *error =
                QStringLiteral("%1 holds no PEM private key (EC or RSA, unencrypted)").arg(keyFile);
        return std::nullopt;
    }
    return serverConfiguration(chain, key);
}

QSslConfiguration serverConfiguration(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove themselves by token
    return configuration;
}

QSslConfiguration clientConfiguration(const Trust &trust)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!trust.extraCas.isEmpty())
        configuration.addCaCertificates(trust.extraCas);
    return configuration;
}

bool pinMatches(const Trust &trust, const QSslCertificate &peer)
{
    return trust.isPinned() && !peer.isNull() && fingerprint(peer) == trust.pinnedSha256;
}

QString describe(const QList<QSslError> &errors, const QSslCertificate &peer)
{
    const auto has = [&errors](std::initializer_list<QSslError::SslError> kinds) {
        return std::any_of(errors.cbegin(), errors.cend(), [kinds](const QSslError &error) {
            return std::find(kinds.begin(), kinds.end(), error.error()) != kinds.end();
        });
    };
    if (has({QSslError::CertificateExpired}))
        return QCoreApplication::translate("Tls", "the server's certificate expired on %1")
                .arg(peer.expiryDate().toUTC().toString(Qt::ISODate));
    if (has({QSslError::CertificateNotYetValid}))
        return QCoreApplication::translate("Tls", "the server's certificate is not valid before %1")
                .arg(peer.effectiveDate().toUTC().toString(Qt::ISODate));
    if (has({QSslError::HostNameMismatch})) {
        QStringList names = peer.subjectAlternativeNames().values(QSsl::DnsEntry);
        if (names.isEmpty())
            names = peer.subjectInfo(QSslCertificate::CommonName);
        return QCoreApplication::translate("Tls",
                                           "the server's certificate is for %1, not this address")
                .arg(names.join(QStringLiteral(", ")));
    }
    if (has({QSslError::SelfSignedCertificate, QSslError::SelfSignedCertificateInChain,
             QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToGetIssuerCertificate,
             QSslError::UnableToVerifyFirstCertificate, QSslError::CertificateUntrusted}))
        return QCoreApplication::translate(
                       "Tls",
                       "the server's certificate is from an unknown issuer (%1); trust it "
                       "with --ca FILE or --fingerprint %2")
                .arg(peer.issuerDisplayName(), formatFingerprint(fingerprint(peer)));
    if (errors.isEmpty())
        return QCoreApplication::translate("Tls", "the TLS check failed");
    return errors.constFirst().errorString();
}

} // namespace Tls
