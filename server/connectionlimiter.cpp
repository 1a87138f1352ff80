// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "connectionlimiter.h"

ConnectionLimiter::ConnectionLimiter(int max, int maxPerAddress, QObject *parent)
    : QObject(parent)
    , m_max(max)
    , m_maxPerAddress(maxPerAddress)
{
}

QHostAddress ConnectionLimiter::key(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // unwraps ::ffff:a.b.c.d
    if (isV4)
        return QHostAddress(v4);
    Q_IPV6ADDR bytes = address.toIPv6Address();
    std::fill(bytes.c + 8, bytes.c + 16, 0);
    return QHostAddress(bytes);
}

ConnectionLimiter::Verdict ConnectionLimiter::admit(const QHostAddress &address,
                                                    QObject *connection)
{
    if (m_count >= m_max)
        return Verdict::TooMany;
    const QHostAddress k = key(address);
    int &fromAddress = m_perAddress[k];
    if (fromAddress >= m_maxPerAddress)
        return Verdict::TooManyFromAddress;
    ++fromAddress;
    ++m_count;
    connect(connection, &QObject::destroyed, this, [this, k] { release(k); });
    return Verdict::Admitted;
}

void ConnectionLimiter::release(const QHostAddress &key)
{
    --m_count;
    const auto it = m_perAddress.find(key);
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
}
