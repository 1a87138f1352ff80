// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tlsservercontext.h"

#include "openssl.h"

#include <QFile>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace {

constexpr qint64 MaxPemSize = 1024 * 1024; // a chain of a few certificates is a few KiB

// The edge speaks HTTP/1.1 only: a browser that offers h2 first is told so during the handshake.
int selectAlpn(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
               unsigned int inLength, void *)
{
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outLength, http11, sizeof http11, in, inLength)
        != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK; // no ALPN in the answer: HTTP/1.1 all the same
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

// A context with rok's settings and no certificate yet.
SSL_CTX *newContext()
{
    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    if (!context)
        return nullptr;
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    // No renegotiation (a client could make the server do handshakes for free), no compression.
    SSL_CTX_set_options(context,
                        SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION
                                | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(context, SSL_MODE_RELEASE_BUFFERS); // idle connections keep no 34 KiB buffers
    SSL_CTX_set_alpn_select_cb(context, selectAlpn, nullptr);
    return context;
}

QByteArray leafFingerprint(SSL_CTX *context)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(SSL_CTX_get0_certificate(context), EVP_sha256(), digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

} // namespace

std::shared_ptr<TlsServerContext>
TlsServerContext::fromFiles(const QString &certificateFile, const QString &keyFile, QString *error)
{
    QByteArray pem[2];
    const QString files[2] = {certificateFile, keyFile};
    for (int i = 0; i < 2; ++i) {
        QFile file(files[i]);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(files[i], file.errorString());
            return nullptr;
        }
        pem[i] = file.read(MaxPemSize);
    }
    QString why;
    std::shared_ptr<TlsServerContext> context = fromPem(pem[0], pem[1], &why);
    if (!context)
        *error = QStringLiteral("%1 and %2: %3").arg(certificateFile, keyFile, why);
    return context;
}

std::shared_ptr<TlsServerContext>
TlsServerContext::fromPem(const QByteArray &chainPem, const QByteArray &keyPem, QString *error)
{
    SSL_CTX *context = newContext();
    const auto fail = [&](const char *what) {
        *error = OpenSsl::error(what);
        SSL_CTX_free(context);
        return nullptr;
    };
    if (!context)
        return fail("SSL_CTX_new");
    OpenSsl::Bio chain(BIO_new_mem_buf(chainPem.constData(), int(chainPem.size())));
    OpenSsl::Certificate leaf(PEM_read_bio_X509(chain.get(), nullptr, nullptr, nullptr));
    if (!leaf || SSL_CTX_use_certificate(context, leaf.get()) != 1)
        return fail("cannot use the certificate");
    // The rest of the chain: the intermediates browsers need to reach a root they know.
    while (X509 *intermediate = PEM_read_bio_X509(chain.get(), nullptr, nullptr, nullptr)) {
        if (SSL_CTX_add0_chain_cert(context, intermediate) != 1) {
            X509_free(intermediate);
            return fail("cannot use the certificate chain");
        }
    }
    ERR_clear_error(); // the end of the PEM text reads as an error
    const OpenSsl::Key key = OpenSsl::keyFromPem(keyPem);
    if (!key || SSL_CTX_use_PrivateKey(context, key.get()) != 1
        || SSL_CTX_check_private_key(context) != 1)
        return fail("the key is not the certificate's");
    return std::shared_ptr<TlsServerContext>(
            new TlsServerContext(context, leafFingerprint(context)));
}

std::shared_ptr<TlsServerContext> TlsServerContext::withoutCertificate()
{
    SSL_CTX *context = newContext();
    if (!context)
        return nullptr;
    return std::shared_ptr<TlsServerContext>(new TlsServerContext(context, {}));
}

void TlsServerContext::setNameSelector(NameSelector select)
{
    m_selectByName = std::move(select);
    SSL_CTX_set_tlsext_servername_callback(m_context, onServerName);
    SSL_CTX_set_tlsext_servername_arg(m_context, this);
}

int TlsServerContext::onServerName(SSL *ssl, int *alert, void *self)
{
    auto *context = static_cast<TlsServerContext *>(self);
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    SSL_CTX *chosen = name ? context->m_selectByName(QByteArray(name).toLower()) : nullptr;
    if (chosen && chosen != context->m_context) {
        SSL_set_SSL_CTX(ssl, chosen); // takes a reference: a renewal cannot free it under us
        return SSL_TLSEXT_ERR_OK;
    }
    if (context->hasCertificate())
        return SSL_TLSEXT_ERR_OK;
    *alert = SSL_AD_UNRECOGNIZED_NAME;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

TlsServerContext::TlsServerContext(SSL_CTX *context, const QByteArray &fingerprint)
    : m_context(context)
    , m_fingerprint(fingerprint)
{
}

TlsServerContext::~TlsServerContext()
{
    SSL_CTX_free(m_context);
}

QDateTime TlsServerContext::expires() const
{
    const X509 *leaf = SSL_CTX_get0_certificate(m_context);
    tm when{};
    if (!leaf || ASN1_TIME_to_tm(X509_get0_notAfter(leaf), &when) != 1)
        return {};
    return QDateTime(QDate(when.tm_year + 1900, when.tm_mon + 1, when.tm_mday),
                     QTime(when.tm_hour, when.tm_min, when.tm_sec), Qt::UTC);
}
