// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHash>
#include <QString>

// Open tunnels per token, against --max-tunnels-per-token: one token holder cannot take every
// name and port of the server.
class TunnelQuota
{
public:
    explicit TunnelQuota(int maxPerToken)
        : m_max(maxPerToken)
    {
    }

    bool isFull(const QString &token) const { return isFull(token, m_max); }
    bool isFull(const QString &token, int max) const { return count(token) >= max; }
    int count(const QString &token) const { return m_open.value(token); }
    int max() const { return m_max; }
    void add(const QString &token) { ++m_open[token]; }
    void remove(const QString &token)
    {
        if (--m_open[token] <= 0)
            m_open.remove(token);
    }

private:
    int m_max;
    QHash<QString, int> m_open;
};
