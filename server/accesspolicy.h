// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "controlmessages.h"

#include <QHostAddress>
#include <QList>
#include <QPair>

#include <memory>

// Who may reach one tunnel, checked at the edge before a byte goes to the client: addresses
// (--allow-cidr, --deny-cidr) and HTTP basic auth (--basic-auth). The server keeps only a salt
// and a hash of each password, made by the client.
class AccessPolicy
{
public:
    static constexpr int MaxCredentials = 16;
    static constexpr int MaxRanges = 64;

    // From what a client's Open asked for; nullptr when it asks for nothing. Sets *error and
    // returns nullptr for a malformed rule.
    static std::shared_ptr<const AccessPolicy> fromOpen(const Protocol::Open &open, bool *ok,
                                                        QString *error);

    // Denied ranges win; with allowed ranges, the address must be in one of them.
    bool allowsAddress(const QHostAddress &address) const;
    bool requiresLogin() const { return !m_credentials.isEmpty(); }
    // An Authorization header value ("Basic base64(user:password)") that names a credential.
    bool authorizes(QByteArrayView authorization) const;
    QString summary() const; // "basic auth (2 users), 1 allowed range" for logs

private:
    using Range = QPair<QHostAddress, int>;

    QList<Protocol::Credential> m_credentials;
    QList<Range> m_allowed;
    QList<Range> m_denied;
};
