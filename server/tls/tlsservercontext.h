#pragma once

#include <QString>

#include <memory>

typedef struct ssl_ctx_st SSL_CTX;

// The certificate and settings the HTTPS edge answers with: an OpenSSL SSL_CTX made from PEM
// files, TLS 1.2 or later, ALPN http/1.1. Connections hold the context they started with, so a
// reload (certbot renewed the files) affects only new connections.
class TlsServerContext
{
public:
    // nullptr and *error if the files cannot be read or the key does not match the certificate.
    static std::shared_ptr<TlsServerContext> fromFiles(const QString &certificateFile,
                                                       const QString &keyFile, QString *error);
    ~TlsServerContext();

    SSL_CTX *get() const { return m_context; }
    QByteArray fingerprint() const { return m_fingerprint; } // SHA-256 of the leaf

private:
    explicit TlsServerContext(SSL_CTX *context, const QByteArray &fingerprint);

    SSL_CTX *m_context;
    QByteArray m_fingerprint;
};
