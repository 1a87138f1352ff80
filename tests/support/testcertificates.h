// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tls/certificateissuer.h"

#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>

// Certificates and files for the TLS tests: a CA, leaves valid (or not) for some days around
// now, and PEM files in a test's temporary directory.
namespace TestCertificates {

using CertificateIssuer::Identity;

inline Identity issue(const QString &name, const Identity *issuer, int validFromDays = -1,
                      int validToDays = 30, const QStringList &moreNames = {})
{
    CertificateIssuer::Request request;
    request.commonName = name;
    request.dnsNames = QStringList{name} + moreNames;
    request.notBefore = QDateTime::currentDateTimeUtc().addDays(validFromDays);
    request.notAfter = QDateTime::currentDateTimeUtc().addDays(validToDays);
    QString error;
    const Identity identity = CertificateIssuer::issue(request, issuer, &error);
    if (identity.isNull())
        qWarning() << "cannot issue a certificate:" << error;
    return identity;
}

inline Identity issueCa(const QString &name)
{
    CertificateIssuer::Request request;
    request.commonName = name;
    request.isCa = true;
    return CertificateIssuer::issue(request);
}

// Writes `data` to `name` in `directory`; returns the path.
inline QString writeFile(const QDir &directory, const QString &name, const QByteArray &data)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qWarning() << "cannot write" << path;
    return path;
}

} // namespace TestCertificates
