// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"

#include <QDateTime>
#include <QList>

#include <deque>
#include <utility>

// Response-time figures for the tray app: percentiles over the last `window` responses,
// requests per minute and an error count. Plain data, fed from RequestLog::recordsAdded.
class RequestStats
{
    Q_DISABLE_COPY_MOVE(RequestStats)

public:
    struct Summary
    {
        double p50 = -1; // the local app's time (durationMs), milliseconds; -1 before a response
        double p95 = -1;
        double p99 = -1;
        double tunnelP95 = -1; // the tunnel's time (tunnelMs); -1 while none is known
        int perMinute = 0; // requests started in the 60 s before `now` (now - 60 s, now]
        int errors = 0; // no response, or a 5xx, since clear()
        int total = 0; // requests since clear()
    };

    explicit RequestStats(int window = 1000);

    // Upgraded connections that end (Kind::UpgradeClosed) are not requests and are ignored.
    // A record without a response (status 0) counts as an error, not toward the percentiles.
    void add(const RequestRecord &record);
    void clear();

    int window() const { return m_window; }
    // `now` no earlier than the newest start seen: older starts are forgotten as time moves on
    Summary summary(const QDateTime &now) const;
    // The durations of up to `count` most recent responses, oldest first (for a chart).
    QList<double> recentDurations(int count) const;

    // Nearest-rank percentile (0 < p <= 100) of `values`; -1 when empty. Reorders `values`.
    static double percentile(QList<double> &values, double p);

private:
    static constexpr qint64 MinuteMs = 60'000;

    int m_window;
    std::deque<double> m_durations; // newest at the back, at most m_window
    std::deque<double> m_tunnelDurations; // the same for the known tunnel times
    // start times in ms since the epoch with their count, sorted, spanning at most a minute
    // before the newest one: bounded by the clock resolution, not by the request rate
    std::deque<std::pair<qint64, int>> m_starts;
    int m_errors = 0;
    int m_total = 0;
};
