// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "accesspolicy.h"

#include <QCoreApplication>

namespace {

// "10.0.0.0/8" or "2001:db8::/32"; a bare address is a single host.
bool parseRanges(const QStringList &texts, QList<QPair<QHostAddress, int>> *ranges, QString *error)
{
    for (const QString &text : texts) {
        QPair<QHostAddress, int> range = QHostAddress::parseSubnet(text);
        if (range.first.isNull()) {
            const QHostAddress single(text);
            if (single.isNull()) {
                *error = QCoreApplication::translate("AccessPolicy",
                                                     "\"%1\" is not an address range such as "
                                                     "10.0.0.0/8 or 2001:db8::/32")
                                 .arg(text.left(64));
                return false;
            }
            range = {single, single.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        ranges->append(range);
    }
    return true;
}

bool inAny(const QHostAddress &address, const QList<QPair<QHostAddress, int>> &ranges)
{
    // A visitor over IPv4 on a dual-stack socket arrives as ::ffff:a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QHostAddress plain = isV4 ? QHostAddress(v4) : address;
    return std::any_of(ranges.cbegin(), ranges.cend(),
                       [&plain](const auto &range) { return plain.isInSubnet(range); });
}

} // namespace

std::shared_ptr<const AccessPolicy> AccessPolicy::fromOpen(const Protocol::Open &open, bool *ok,
                                                           QString *error)
{
    *ok = false;
    auto policy = std::make_shared<AccessPolicy>();
    if (open.credentials.size() > MaxCredentials
        || open.allowCidrs.size() + open.denyCidrs.size() > MaxRanges) {
        *error = QCoreApplication::translate("AccessPolicy",
                                             "at most %1 users and %2 address ranges per tunnel")
                         .arg(MaxCredentials)
                         .arg(MaxRanges);
        return nullptr;
    }
    for (const Protocol::Credential &credential : open.credentials) {
        if (credential.user.isEmpty() || credential.user.contains(':')
            || credential.user.size() > 256 || credential.salt.size() != Protocol::SaltSize
            || credential.hash.size() != 32) {
            *error = QCoreApplication::translate("AccessPolicy", "a malformed basic-auth user");
            return nullptr;
        }
    }
    policy->m_credentials = open.credentials;
    if (!parseRanges(open.allowCidrs, &policy->m_allowed, error)
        || !parseRanges(open.denyCidrs, &policy->m_denied, error))
        return nullptr;
    *ok = true;
    if (!policy->requiresLogin() && policy->m_allowed.isEmpty() && policy->m_denied.isEmpty())
        return nullptr; // open to everyone
    return policy;
}

bool AccessPolicy::allowsAddress(const QHostAddress &address) const
{
    if (inAny(address, m_denied))
        return false;
    return m_allowed.isEmpty() || inAny(address, m_allowed);
}

bool AccessPolicy::authorizes(QByteArrayView authorization) const
{
    const QByteArrayView scheme = "basic ";
    if (authorization.size() <= scheme.size()
        || authorization.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
            authorization.sliced(scheme.size()).trimmed().toByteArray(),
            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QByteArray &pair = decoded.decoded;
    const qsizetype colon = pair.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArray user = pair.first(colon);
    const QByteArray password = pair.sliced(colon + 1);
    bool match = false;
    for (const Protocol::Credential &credential : m_credentials) {
        // Every credential is checked, so the time taken does not tell which user exists.
        const bool sameUser = Protocol::constantTimeEquals(user, credential.user);
        const bool samePassword = Protocol::constantTimeEquals(
                Protocol::passwordHash(credential.salt, password), credential.hash);
        match |= sameUser && samePassword;
    }
    return match;
}

QString AccessPolicy::summary() const
{
    QStringList parts;
    if (requiresLogin())
        parts.append(QStringLiteral("basic auth (%1 users)").arg(m_credentials.size()));
    if (!m_allowed.isEmpty())
        parts.append(QStringLiteral("%1 allowed ranges").arg(m_allowed.size()));
    if (!m_denied.isEmpty())
        parts.append(QStringLiteral("%1 denied ranges").arg(m_denied.size()));
    return parts.join(QStringLiteral(", "));
}
