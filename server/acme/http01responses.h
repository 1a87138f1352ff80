// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QHash>

#include <optional>

// The answers to ACME HTTP-01 challenges in flight (RFC 8555 8.3): the CA fetches
// http://NAME/.well-known/acme-challenge/TOKEN and must get TOKEN.THUMBPRINT back. The HTTP
// edge answers these before it routes by name or redirects to HTTPS.
class Http01Responses
{
public:
    static constexpr QByteArrayView PathPrefix = "/.well-known/acme-challenge/";

    void add(const QByteArray &token, const QByteArray &keyAuthorization)
    {
        m_byToken.insert(token, keyAuthorization);
    }
    void remove(const QByteArray &token) { m_byToken.remove(token); }
    bool isEmpty() const { return m_byToken.isEmpty(); }

    // The key authorization for a request target, if it is a challenge path we know.
    std::optional<QByteArray> find(const QByteArray &target) const
    {
        if (!target.startsWith(PathPrefix))
            return std::nullopt;
        const auto found = m_byToken.constFind(target.mid(PathPrefix.size()));
        if (found == m_byToken.cend())
            return std::nullopt;
        return *found;
    }

private:
    QHash<QByteArray, QByteArray> m_byToken;
};
