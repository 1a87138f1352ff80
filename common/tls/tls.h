// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

#include <optional>

// The one place that turns TLS flags into QSslConfigurations, for both programs: the server's
// certificate files, the client's trust (system CAs, --ca, --fingerprint), and the words a
// person reads when a check fails.
namespace Tls {

// What the client checks the server's certificate against.
struct Trust
{
    QList<QSslCertificate> extraCas; // --ca FILE: trusted besides the system store
    QByteArray pinnedSha256; // --fingerprint sha256:HEX: when set, the only check made

    bool isPinned() const { return !pinnedSha256.isEmpty(); }
};

// "sha256:AB:CD:..." or "sha256:abcd..." (64 hex digits, colons optional) -> 32 bytes.
std::optional<QByteArray> parseFingerprint(const QString &text, QString *error);
QString formatFingerprint(const QByteArray &sha256); // "sha256:ab12...", as parseFingerprint reads

QByteArray fingerprint(const QSslCertificate &certificate); // SHA-256 of the DER encoding

// Every certificate in a PEM file (a CA file may hold several); sets *error if none.
QList<QSslCertificate> loadCertificates(const QString &path, QString *error);

// rok-server's side: the certificate chain and key from PEM files, TLS 1.2 or later.
std::optional<QSslConfiguration> serverConfiguration(const QString &certificateFile,
                                                     const QString &keyFile, QString *error);
QSslConfiguration serverConfiguration(const QList<QSslCertificate> &chain, const QSslKey &key);

// rok's side: verifies the peer against the system store plus trust.extraCas, or against the
// pin alone (then CA and name errors are left to the pin check; see acceptableErrors()).
QSslConfiguration clientConfiguration(const Trust &trust);

// The errors of a handshake that a pinned certificate makes irrelevant: the pin, checked
// against the certificate itself, replaces the CA and name checks.
bool pinMatches(const Trust &trust, const QSslCertificate &peer);

// One line for people: "the certificate expired on 2026-01-01", "the certificate is for
// other.example, not tunnel.example", "the certificate's issuer is not trusted (pass --ca FILE
// or --fingerprint ...)". Uses the first error that explains the most.
QString describe(const QList<QSslError> &errors, const QSslCertificate &peer);

// What the token proof is bound to (docs/PROTOCOL.md): the SHA-256 of the server's leaf
// certificate as RFC 5929's tls-server-end-point, or empty without TLS. A server that relays a
// client's proof to another server presents a different certificate, so the proof fails there.
inline QByteArray channelBinding(const QSslCertificate &serverLeaf)
{
    return serverLeaf.isNull() ? QByteArray() : fingerprint(serverLeaf);
}

} // namespace Tls
