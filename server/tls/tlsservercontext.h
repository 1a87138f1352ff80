// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

// The certificate and settings the HTTPS edge answers with: an OpenSSL SSL_CTX made from PEM
// files, TLS 1.2 or later, ALPN http/1.1. Connections hold the context they started with, so a
// reload (certbot renewed the files) affects only new connections.
class TlsServerContext
{
public:
    // nullptr and *error if the files cannot be read or the key does not match the certificate.
    static std::shared_ptr<TlsServerContext> fromFiles(const QString &certificateFile,
                                                       const QString &keyFile, QString *error);
    // The same from PEM text: a certificate chain (leaf first) and its key (ACME's).
    static std::shared_ptr<TlsServerContext> fromPem(const QByteArray &chainPem,
                                                     const QByteArray &keyPem, QString *error);
    // Without a certificate: connections start here and get one by SNI (setNameSelector).
    static std::shared_ptr<TlsServerContext> withoutCertificate();
    ~TlsServerContext();

    SSL_CTX *get() const { return m_context; }
    bool hasCertificate() const { return !m_fingerprint.isEmpty(); }
    QByteArray fingerprint() const { return m_fingerprint; } // SHA-256 of the leaf
    QDateTime expires() const; // the leaf's notAfter; invalid without a certificate

    // During a handshake that starts with this context, `select` picks the context for the name
    // the client asked for (SNI). nullptr keeps this one; with no certificate here, the
    // handshake then fails with unrecognized_name.
    using NameSelector = std::function<SSL_CTX *(const QByteArray &host)>;
    void setNameSelector(NameSelector select);

private:
    explicit TlsServerContext(SSL_CTX *context, const QByteArray &fingerprint);
    static int onServerName(SSL *ssl, int *alert, void *self);

    SSL_CTX *m_context;
    QByteArray m_fingerprint;
    NameSelector m_selectByName;
};
