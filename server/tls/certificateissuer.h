// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

// Makes keys and X.509 certificates with OpenSSL: rok-server's --self-signed certificate, and
// the test CAs and leaves that the TLS tests need (valid, expired, for the wrong name). Qt can
// read certificates but not make them.
namespace CertificateIssuer {

struct Identity
{
    QSslCertificate certificate;
    QSslKey key; // ECDSA P-256

    bool isNull() const { return certificate.isNull() || key.isNull(); }
};

struct Request
{
    QString commonName;
    QStringList dnsNames; // subjectAltName DNS entries; "*.example.com" is allowed
    QList<QHostAddress> addresses; // subjectAltName IP entries
    bool isCa = false;
    QDateTime notBefore = QDateTime::currentDateTimeUtc().addSecs(-3600); // clock skew
    QDateTime notAfter = QDateTime::currentDateTimeUtc().addDays(825);
};

// A new key and a certificate for it, signed by `issuer`, or by itself when `issuer` is null.
// Returns a null Identity and sets *error if OpenSSL fails.
Identity issue(const Request &request, const Identity *issuer = nullptr, QString *error = nullptr);

} // namespace CertificateIssuer
