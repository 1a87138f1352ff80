// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

// Owning pointers and PEM conversions for the OpenSSL objects rok-server makes: keys,
// certificates and certificate requests (the self-signed certificate, ACME, the tests' CAs).
// Included by .cpp files only, so OpenSSL's headers stay out of the rest.
namespace OpenSsl {

template <typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using CertificateRequest = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

// "step: OpenSSL's reason for the last error", and clears OpenSSL's error queue.
QString error(const char *step);

Key newEcKey(); // ECDSA P-256: small, fast, and what every CA and browser takes
QByteArray toPem(EVP_PKEY *key);
QByteArray toPem(X509 *certificate);
Key keyFromPem(const QByteArray &pem);
Certificate certificateFromPem(const QByteArray &pem); // the first certificate in `pem`

} // namespace OpenSsl
