// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "openssl.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace OpenSsl {

namespace {

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

Bio readFrom(const QByteArray &pem)
{
    return Bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
}

} // namespace

QString error(const char *step)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(QLatin1StringView(step), QLatin1StringView(text));
}

Key newEcKey()
{
    return Key(EVP_EC_gen("P-256"));
}

QByteArray toPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return drain(bio.get());
}

QByteArray toPem(X509 *certificate)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), certificate);
    return drain(bio.get());
}

Key keyFromPem(const QByteArray &pem)
{
    return Key(PEM_read_bio_PrivateKey(readFrom(pem).get(), nullptr, nullptr, nullptr));
}

Certificate certificateFromPem(const QByteArray &pem)
{
    return Certificate(PEM_read_bio_X509(readFrom(pem).get(), nullptr, nullptr, nullptr));
}

} // namespace OpenSsl
