// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "selfsignedcertificate.h"

#include "certificateissuer.h"
#include "statedirectory.h"

#include <QDir>
#include <QFile>

namespace SelfSignedCertificate {

using StateDirectory::writePrivate;

std::optional<Files> ensure(const QString &stateDirectory, const QString &domain, QString *error)
{
    const QDir directory(stateDirectory);
    Files files{directory.filePath(QStringLiteral("control-cert.pem")),
                directory.filePath(QStringLiteral("control-key.pem"))};
    const bool haveCertificate = QFile::exists(files.certificate);
    if (haveCertificate && QFile::exists(files.key))
        return files;
    if (haveCertificate != QFile::exists(files.key)) {
        *error = QStringLiteral("%1 holds only one of control-cert.pem and control-key.pem; "
                                "remove it to make a new pair")
                         .arg(stateDirectory);
        return std::nullopt;
    }
    if (!StateDirectory::makePrivate(stateDirectory, error))
        return std::nullopt;
    CertificateIssuer::Request request;
    request.commonName = domain;
    request.dnsNames = {domain, QStringLiteral("*.") + domain}; // *.: for --https-port too
    // Clients pin the certificate itself, so its lifetime only has to outlast the server.
    request.notAfter = QDateTime::currentDateTimeUtc().addYears(20);
    const CertificateIssuer::Identity identity = CertificateIssuer::issue(request, nullptr, error);
    if (identity.isNull())
        return std::nullopt;
    // The key first: a certificate alone is never left behind as if it were a pair.
    if (!writePrivate(files.key, identity.key.toPem(), error)
        || !writePrivate(files.certificate, identity.certificate.toPem(), error))
        return std::nullopt;
    files.created = true;
    return files;
}

} // namespace SelfSignedCertificate
