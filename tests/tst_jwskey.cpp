// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// The ACME pieces that need no CA: JSON Web Signatures with the account key (checked with
// OpenSSL's own verifier), the JWK thumbprint's canonical form, challenge answers, and when a
// certificate is renewed.

#include "acme/acmecertificates.h"
#include "acme/http01responses.h"
#include "acme/jwskey.h"
#include "testcertificates.h"
#include "tls/openssl.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

#include <openssl/ecdsa.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray fromBase64Url(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Whether `signature` (R || S, 64 bytes) signs `input` with the public key of `pem`.
bool verifies(const QByteArray &pem, const QByteArray &input, const QByteArray &signature)
{
    if (signature.size() != 64)
        return false;
    const OpenSsl::Key key = OpenSsl::keyFromPem(pem);
    ECDSA_SIG *sig = ECDSA_SIG_new();
    const auto *raw = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG_set0(sig, BN_bin2bn(raw, 32, nullptr), BN_bin2bn(raw + 32, 32, nullptr));
    unsigned char *der = nullptr;
    const int derSize = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key.get()) == 1
            && EVP_DigestVerify(context, der, size_t(derSize),
                                reinterpret_cast<const unsigned char *>(input.constData()),
                                size_t(input.size()))
                    == 1;
    EVP_MD_CTX_free(context);
    OPENSSL_free(der);
    return ok;
}

} // namespace

class tst_JwsKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsWhatOpenSslVerifies();
    void postAsGetHasAnEmptyPayload();
    void keySurvivesPem();
    void rejectsOtherKeys();
    void thumbprintIsCanonical();
    void challengeAnswers();
    void renewsAtTwoThirds();
};

void tst_JwsKey::signsWhatOpenSslVerifies()
{
    const JwsKey key = JwsKey::generate();
    QVERIFY(!key.isNull());
    const QJsonObject header{{u"alg"_s, u"ES256"_s}, {u"nonce"_s, u"n1"_s}, {u"url"_s, u"u"_s}};
    const QByteArray payload = "{\"identifiers\":[]}";
    const QJsonObject jws = QJsonDocument::fromJson(key.sign(header, payload)).object();
    QCOMPARE(jws.keys(), (QStringList{u"payload"_s, u"protected"_s, u"signature"_s}));
    QCOMPARE(fromBase64Url(jws.value(u"payload"_s).toString()), payload);
    QCOMPARE(QJsonDocument::fromJson(fromBase64Url(jws.value(u"protected"_s).toString())).object(),
             header);
    // No '=' padding anywhere (RFC 7515 2).
    for (const QString &field : jws.keys())
        QVERIFY(!jws.value(field).toString().contains(u'='));
    const QByteArray input =
            (jws.value(u"protected"_s).toString() + u'.' + jws.value(u"payload"_s).toString())
                    .toLatin1();
    const QByteArray signature = fromBase64Url(jws.value(u"signature"_s).toString());
    QVERIFY(verifies(key.toPem(), input, signature));
    QVERIFY(!verifies(key.toPem(), input + "x", signature));
    QVERIFY(!verifies(JwsKey::generate().toPem(), input, signature));
}

void tst_JwsKey::postAsGetHasAnEmptyPayload()
{
    const JwsKey key = JwsKey::generate();
    const QJsonObject jws =
            QJsonDocument::fromJson(key.sign({{u"alg"_s, u"ES256"_s}}, {})).object();
    QVERIFY(jws.contains(u"payload"_s));
    QCOMPARE(jws.value(u"payload"_s).toString(), QString()); // RFC 8555 6.3
}

void tst_JwsKey::keySurvivesPem()
{
    const JwsKey key = JwsKey::generate();
    const JwsKey read = JwsKey::fromPem(key.toPem());
    QVERIFY(!read.isNull());
    QCOMPARE(read.jwk(), key.jwk());
    QCOMPARE(read.thumbprint(), key.thumbprint());
    QVERIFY(JwsKey::generate().thumbprint() != key.thumbprint());
}

void tst_JwsKey::rejectsOtherKeys()
{
    QVERIFY(JwsKey::fromPem({}).isNull());
    QVERIFY(JwsKey::fromPem("-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
                    .isNull());
    const OpenSsl::Key p384(EVP_EC_gen("P-384"));
    QVERIFY(JwsKey::fromPem(OpenSsl::toPem(p384.get())).isNull());
    const OpenSsl::Key rsa(EVP_RSA_gen(2048));
    QVERIFY(JwsKey::fromPem(OpenSsl::toPem(rsa.get())).isNull());
}

void tst_JwsKey::thumbprintIsCanonical()
{
    const JwsKey key = JwsKey::generate();
    const QJsonObject jwk = key.jwk();
    QCOMPARE(jwk.value(u"kty"_s).toString(), u"EC"_s);
    QCOMPARE(jwk.value(u"crv"_s).toString(), u"P-256"_s);
    QCOMPARE(fromBase64Url(jwk.value(u"x"_s).toString()).size(), 32);
    QCOMPARE(fromBase64Url(jwk.value(u"y"_s).toString()).size(), 32);
    // RFC 7638 3.2: the required members only, in lexicographic order, no whitespace.
    const QByteArray canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
            + jwk.value(u"x"_s).toString().toLatin1() + "\",\"y\":\""
            + jwk.value(u"y"_s).toString().toLatin1() + "\"}";
    const QByteArray expected =
            QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(key.thumbprint(), expected);
    QCOMPARE(key.thumbprint().size(), 43);
}

void tst_JwsKey::challengeAnswers()
{
    Http01Responses responses;
    responses.add("tok3n", "tok3n.thumb");
    QCOMPARE(responses.find("/.well-known/acme-challenge/tok3n"), std::optional("tok3n.thumb"_ba));
    QCOMPARE(responses.find("/.well-known/acme-challenge/other"), std::nullopt);
    QCOMPARE(responses.find("/.well-known/acme-challenge/"), std::nullopt);
    QCOMPARE(responses.find("/tok3n"), std::nullopt);
    QCOMPARE(responses.find("/.well-known/acme-challenge/tok3n?x=1"), std::nullopt);
    responses.remove("tok3n");
    QCOMPARE(responses.find("/.well-known/acme-challenge/tok3n"), std::nullopt);
    QVERIFY(responses.isEmpty());
}

void tst_JwsKey::renewsAtTwoThirds()
{
    const QDateTime from(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    // Let's Encrypt: 90 days, renewed after 60, as certbot does.
    QCOMPARE(AcmeCertificates::renewalTime(from, from.addDays(90)), from.addDays(60));
    QCOMPARE(AcmeCertificates::renewalTime(from, from.addSecs(6 * 24 * 3600)),
             from.addDays(4)); // short-lived (6-day) certificates
}

QTEST_GUILESS_MAIN(tst_JwsKey)
#include "tst_jwskey.moc"
