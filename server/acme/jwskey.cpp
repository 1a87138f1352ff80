// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "jwskey.h"

#include "tls/openssl.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>

namespace {

constexpr int CoordinateSize = 32; // P-256

// One coordinate of the public point, left-padded to 32 bytes (RFC 7518 6.2.1.2).
QByteArray coordinate(EVP_PKEY *key, const char *name)
{
    BIGNUM *value = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &value) != 1)
        return {};
    QByteArray bytes(CoordinateSize, '\0');
    BN_bn2binpad(value, reinterpret_cast<unsigned char *>(bytes.data()), CoordinateSize);
    BN_free(value);
    return bytes;
}

} // namespace

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void JwsKey::Free::operator()(EVP_PKEY *key) const
{
    EVP_PKEY_free(key);
}

JwsKey::JwsKey(EVP_PKEY *key)
    : m_key(key)
{
}

JwsKey::JwsKey(JwsKey &&) noexcept = default;
JwsKey &JwsKey::operator=(JwsKey &&) noexcept = default;
JwsKey::~JwsKey() = default;

JwsKey JwsKey::generate()
{
    return JwsKey(OpenSsl::newEcKey().release());
}

JwsKey JwsKey::fromPem(const QByteArray &pem)
{
    OpenSsl::Key key = OpenSsl::keyFromPem(pem);
    if (!key || !EVP_PKEY_is_a(key.get(), "EC") || EVP_PKEY_get_bits(key.get()) != 256)
        return JwsKey(nullptr);
    return JwsKey(key.release());
}

QByteArray JwsKey::toPem() const
{
    return m_key ? OpenSsl::toPem(m_key.get()) : QByteArray();
}

QJsonObject JwsKey::jwk() const
{
    return {{QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("x"),
             QString::fromLatin1(base64Url(coordinate(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_X)))},
            {QStringLiteral("y"),
             QString::fromLatin1(base64Url(coordinate(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_Y)))}};
}

QByteArray JwsKey::thumbprint() const
{
    // QJsonDocument writes keys sorted and, compact, without whitespace: RFC 7638's form.
    const QByteArray canonical = QJsonDocument(jwk()).toJson(QJsonDocument::Compact);
    return base64Url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256));
}

QByteArray JwsKey::sign(const QJsonObject &protectedHeader, const QByteArray &payload) const
{
    const QByteArray header =
            base64Url(QJsonDocument(protectedHeader).toJson(QJsonDocument::Compact));
    const QByteArray body = payload.isEmpty() ? QByteArray() : base64Url(payload);
    const QByteArray input = header + '.' + body;

    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    EVP_MD_CTX_free);
    size_t derSize = 0;
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &derSize,
                          reinterpret_cast<const unsigned char *>(input.constData()),
                          size_t(input.size()))
                != 1)
        return {};
    QByteArray der(qsizetype(derSize), '\0');
    auto *derData = reinterpret_cast<unsigned char *>(der.data());
    if (EVP_DigestSign(context.get(), derData, &derSize,
                       reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size()))
        != 1)
        return {};
    // OpenSSL signs in DER; JWS wants R and S as two 32-byte big-endian numbers (RFC 7518 3.4).
    const unsigned char *cursor = derData;
    ECDSA_SIG *signature = d2i_ECDSA_SIG(nullptr, &cursor, long(derSize));
    if (!signature)
        return {};
    QByteArray raw(2 * CoordinateSize, '\0');
    auto *rawData = reinterpret_cast<unsigned char *>(raw.data());
    BN_bn2binpad(ECDSA_SIG_get0_r(signature), rawData, CoordinateSize);
    BN_bn2binpad(ECDSA_SIG_get0_s(signature), rawData + CoordinateSize, CoordinateSize);
    ECDSA_SIG_free(signature);
    return QJsonDocument(
                   QJsonObject{{QStringLiteral("protected"), QString::fromLatin1(header)},
                               {QStringLiteral("payload"), QString::fromLatin1(body)},
                               {QStringLiteral("signature"), QString::fromLatin1(base64Url(raw))}})
            .toJson(QJsonDocument::Compact);
}
