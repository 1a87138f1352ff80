#include "tlsservercontext.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace {

QString lastError()
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    ERR_clear_error();
    return QString::fromLatin1(text);
}

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

} // namespace

std::shared_ptr<TlsServerContext>
TlsServerContext::fromFiles(const QString &certificateFile, const QString &keyFile, QString *error)
{
    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    const auto fail = [&](const QString &what) {
        *error = what + QStringLiteral(": ") + lastError();
        SSL_CTX_free(context);
        return nullptr;
    };
    if (!context)
        return fail(QStringLiteral("SSL_CTX_new"));
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    // No renegotiation (a client could make the server do handshakes for free), no compression.
    SSL_CTX_set_options(context,
                        SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION
                                | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(context, SSL_MODE_RELEASE_BUFFERS); // idle connections keep no 34 KiB buffers
    SSL_CTX_set_alpn_select_cb(context, selectAlpn, nullptr);
    const QByteArray certificatePath = certificateFile.toLocal8Bit();
    const QByteArray keyPath = keyFile.toLocal8Bit();
    if (SSL_CTX_use_certificate_chain_file(context, certificatePath.constData()) != 1)
        return fail(QStringLiteral("cannot use the certificate %1").arg(certificateFile));
    if (SSL_CTX_use_PrivateKey_file(context, keyPath.constData(), SSL_FILETYPE_PEM) != 1)
        return fail(QStringLiteral("cannot use the key %1").arg(keyFile));
    if (SSL_CTX_check_private_key(context) != 1)
        return fail(QStringLiteral("%1 is not the key of %2").arg(keyFile, certificateFile));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(SSL_CTX_get0_certificate(context), EVP_sha256(), digest, &length);
    return std::shared_ptr<TlsServerContext>(new TlsServerContext(
            context, QByteArray(reinterpret_cast<const char *>(digest), int(length))));
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
