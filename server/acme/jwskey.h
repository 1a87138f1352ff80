// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

// The ACME account key (ECDSA P-256) and the JSON Web Signatures made with it: RFC 7515 in the
// flattened JSON form that RFC 8555 section 6.2 requires, algorithm ES256 (RFC 7518 3.4).
class JwsKey
{
public:
    static JwsKey generate();
    static JwsKey fromPem(const QByteArray &pem); // isNull() if `pem` is not a P-256 key

    JwsKey(JwsKey &&) noexcept;
    JwsKey &operator=(JwsKey &&) noexcept;
    ~JwsKey();

    bool isNull() const { return !m_key; }
    QByteArray toPem() const;

    // The public key as a JWK (RFC 7517): {"crv":"P-256","kty":"EC","x":...,"y":...}.
    QJsonObject jwk() const;
    // base64url(SHA-256 of the JWK's members in RFC 7638's canonical form); key authorizations
    // (RFC 8555 8.1) end with it.
    QByteArray thumbprint() const;
    // {"protected":..., "payload":..., "signature":...}; an empty payload is a POST-as-GET
    // (RFC 8555 6.3). Empty if signing fails.
    QByteArray sign(const QJsonObject &protectedHeader, const QByteArray &payload) const;

private:
    explicit JwsKey(EVP_PKEY *key);

    struct Free
    {
        void operator()(EVP_PKEY *key) const;
    };
    std::unique_ptr<EVP_PKEY, Free> m_key;
};

QByteArray base64Url(const QByteArray &data); // without padding, as JOSE wants
