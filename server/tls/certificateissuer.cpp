// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "certificateissuer.h"

#include "openssl.h"

#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace CertificateIssuer {

namespace {

using namespace OpenSsl;

bool setTime(ASN1_TIME *field, const QDateTime &time)
{
    return ASN1_TIME_set(field, time_t(time.toSecsSinceEpoch())) != nullptr;
}

// One v3 extension in OpenSSL's config syntax ("critical,CA:TRUE", "DNS:a,IP:127.0.0.1").
bool addExtension(X509 *certificate, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

QByteArray subjectAltNames(const Request &request)
{
    QByteArrayList names;
    for (const QString &name : request.dnsNames)
        names += "DNS:" + name.toLatin1();
    for (const QHostAddress &address : request.addresses)
        names += "IP:" + address.toString().toLatin1();
    return names.join(',');
}

} // namespace

Identity issue(const Request &request, const Identity *issuer, QString *error)
{
    const auto fail = [error](const char *step) {
        if (error)
            *error = OpenSsl::error(step);
        return Identity();
    };

    Key key = newEcKey();
    if (!key)
        return fail("EVP_EC_gen");
    Certificate certificate(X509_new());
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return fail("RAND_bytes");
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet =
            BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get())) != nullptr;
    BN_free(serialNumber);
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    const QByteArray commonName = request.commonName.toUtf8();
    if (X509_set_version(certificate.get(), 2) != 1 || !serialSet
        || !setTime(X509_getm_notBefore(certificate.get()), request.notBefore)
        || !setTime(X509_getm_notAfter(certificate.get()), request.notAfter)
        || X509_set_pubkey(certificate.get(), key.get()) != 1
        || X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(commonName.data()),
                                      int(commonName.size()), -1, 0)
                != 1)
        return fail("X509 fields");

    Certificate issuerCertificate;
    Key issuerKey;
    if (issuer) {
        issuerCertificate = certificateFromPem(issuer->certificate.toPem());
        issuerKey = keyFromPem(issuer->key.toPem());
        if (!issuerCertificate || !issuerKey)
            return fail("reading the issuer");
    }
    X509 *signer = issuer ? issuerCertificate.get() : certificate.get();
    if (X509_set_issuer_name(certificate.get(), X509_get_subject_name(signer)) != 1)
        return fail("X509_set_issuer_name");

    const QByteArray names = subjectAltNames(request);
    const bool extensionsAdded = request.isCa
            ? addExtension(certificate.get(), signer, NID_basic_constraints, "critical,CA:TRUE")
                    && addExtension(certificate.get(), signer, NID_key_usage,
                                    "critical,keyCertSign,cRLSign")
            : addExtension(certificate.get(), signer, NID_basic_constraints, "critical,CA:FALSE")
                    && addExtension(certificate.get(), signer, NID_key_usage,
                                    "critical,digitalSignature")
                    && addExtension(certificate.get(), signer, NID_ext_key_usage, "serverAuth");
    if (!extensionsAdded
        || !addExtension(certificate.get(), signer, NID_subject_key_identifier, "hash")
        || (issuer
            && !addExtension(certificate.get(), signer, NID_authority_key_identifier,
                             "keyid:always"))
        || (!names.isEmpty()
            && !addExtension(certificate.get(), signer, NID_subject_alt_name, names)))
        return fail("X509 extensions");
    if (X509_sign(certificate.get(), issuer ? issuerKey.get() : key.get(), EVP_sha256()) <= 0)
        return fail("X509_sign");

    Identity identity{QSslCertificate(toPem(certificate.get()), QSsl::Pem),
                      QSslKey(toPem(key.get()), QSsl::Ec, QSsl::Pem)};
    if (identity.isNull())
        return fail("reading the result into Qt");
    return identity;
}

} // namespace CertificateIssuer
