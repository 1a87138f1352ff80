// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "requeststats.h"

#include <algorithm>
#include <cmath>

RequestStats::RequestStats(int window)
    : m_window(qMax(1, window))
{
}

void RequestStats::add(const RequestRecord &record)
{
    if (record.kind == RequestRecord::Kind::UpgradeClosed)
        return;
    ++m_total;
    if (record.status == 0 || record.status >= 500)
        ++m_errors;
    if (record.status != 0) {
        m_durations.push_back(record.durationMs);
        if (qsizetype(m_durations.size()) > m_window)
            m_durations.pop_front();
    }
    if (record.tunnelMs >= 0) {
        m_tunnelDurations.push_back(record.tunnelMs);
        if (qsizetype(m_tunnelDurations.size()) > m_window)
            m_tunnelDurations.pop_front();
    }
    if (!record.started.isValid())
        return;
    const qint64 ms = record.started.toMSecsSinceEpoch();
    // Records arrive in the order their responses end, so starts are nearly sorted: the
    // insertion point is almost always at the back.
    const auto byTime = [](const std::pair<qint64, int> &entry, qint64 t) {
        return entry.first < t;
    };
    auto at = std::lower_bound(m_starts.begin(), m_starts.end(), ms, byTime);
    if (at != m_starts.end() && at->first == ms)
        ++at->second;
    else
        m_starts.insert(at, {ms, 1});
    const qint64 oldest = m_starts.back().first - MinuteMs;
    while (m_starts.front().first < oldest)
        m_starts.pop_front();
}

void RequestStats::clear()
{
    m_durations.clear();
    m_tunnelDurations.clear();
    m_starts.clear();
    m_errors = 0;
    m_total = 0;
}

double RequestStats::percentile(QList<double> &values, double p)
{
    if (values.isEmpty())
        return -1;
    const auto rank = qsizetype(std::ceil(p * double(values.size()) / 100.0));
    const qsizetype index = std::clamp<qsizetype>(rank - 1, 0, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return values.at(index);
}

RequestStats::Summary RequestStats::summary(const QDateTime &now) const
{
    Summary summary;
    summary.errors = m_errors;
    summary.total = m_total;
    QList<double> values(m_durations.begin(), m_durations.end());
    summary.p50 = percentile(values, 50);
    summary.p95 = percentile(values, 95);
    summary.p99 = percentile(values, 99);
    QList<double> tunnel(m_tunnelDurations.begin(), m_tunnelDurations.end());
    summary.tunnelP95 = percentile(tunnel, 95);

    const qint64 end = now.toMSecsSinceEpoch();
    const auto byTime = [](const std::pair<qint64, int> &entry, qint64 t) {
        return entry.first < t;
    };
    // (now - 60 s, now]
    auto from = std::lower_bound(m_starts.begin(), m_starts.end(), end - MinuteMs + 1, byTime);
    const auto to = std::lower_bound(from, m_starts.end(), end + 1, byTime);
    for (; from != to; ++from)
        summary.perMinute += from->second;
    return summary;
}

QList<double> RequestStats::recentDurations(int count) const
{
    const qsizetype n = std::clamp<qsizetype>(count, 0, qsizetype(m_durations.size()));
    return QList<double>(m_durations.end() - n, m_durations.end());
}
