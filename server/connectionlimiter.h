// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>

// Counts the visitor connections that are open, in all and per address, and says whether one
// more may open. A connection counts until the QObject given for it is destroyed. An IPv6
// visitor counts by its /64, the block one subscriber usually holds, so that stepping through
// addresses does not lift the per-address limit.
class ConnectionLimiter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionLimiter)

public:
    enum class Verdict { Admitted, TooMany, TooManyFromAddress };

    ConnectionLimiter(int max, int maxPerAddress, QObject *parent = nullptr);

    // Connections open stay open; the new limits apply to the next one.
    void setLimits(int max, int maxPerAddress)
    {
        m_max = max;
        m_maxPerAddress = maxPerAddress;
    }
    Verdict admit(const QHostAddress &address, QObject *connection);
    int count() const { return m_count; }
    int countFrom(const QHostAddress &address) const { return m_perAddress.value(key(address)); }

    static QHostAddress key(const QHostAddress &address);

private:
    void release(const QHostAddress &key);

    int m_max;
    int m_maxPerAddress;
    int m_count = 0;
    QHash<QHostAddress, int> m_perAddress;
};
