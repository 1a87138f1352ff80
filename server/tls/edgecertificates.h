// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <memory>

class TlsServerContext;

// The HTTPS edge's certificates: the files' (--edge-cert, usually *.DOMAIN) and one per name
// obtained by ACME, chosen during each handshake by the name the visitor asked for (SNI). A
// name's own certificate wins over the files'.
class EdgeCertificates
{
public:
    EdgeCertificates();

    // The files' certificate (nullptr: none, only per-name ones). New connections only.
    void setDefault(std::shared_ptr<TlsServerContext> context);
    void setForHost(const QByteArray &host, std::shared_ptr<TlsServerContext> context);

    // Whether a visitor can reach `host` (lowercase) over HTTPS.
    bool covers(const QByteArray &host) const;
    // The context a new connection starts its handshake with.
    std::shared_ptr<TlsServerContext> front() const;
    // Every certificate served, by the name it is for ("*" for the files' default).
    QList<std::pair<QByteArray, std::shared_ptr<TlsServerContext>>> all() const;

private:
    struct Table
    {
        std::shared_ptr<TlsServerContext> fallback;
        QHash<QByteArray, std::shared_ptr<TlsServerContext>> byHost;
    };
    void selectByName(TlsServerContext &context) const;

    // Shared with the contexts' SNI callbacks, which may outlive this object in a connection.
    std::shared_ptr<Table> m_table;
    // front() when there is no default; made when first needed
    mutable std::shared_ptr<TlsServerContext> m_withoutCertificate;
};
