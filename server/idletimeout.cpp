// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "idletimeout.h"

#include "splice.h"

#include <limits>

namespace {
// QTimer counts in int milliseconds: about 24 days at most.
std::chrono::milliseconds timerSafe(std::chrono::milliseconds interval)
{
    return std::min(interval, std::chrono::milliseconds(std::numeric_limits<int>::max()));
}
} // namespace

IdleTimeout::IdleTimeout(Splice *splice, Deadline deadline, std::chrono::milliseconds recheck)
    : QObject(splice)
    , m_splice(splice)
    , m_deadline(std::move(deadline))
    , m_recheck(recheck)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleTimeout::check);
    check();
}

void IdleTimeout::check()
{
    const std::optional<Clock::time_point> deadline = m_deadline();
    if (!deadline) {
        m_timer.start(timerSafe(m_recheck));
        return;
    }
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
    if (left.count() > 0) {
        m_timer.start(timerSafe(left));
        return;
    }
    if (m_splice)
        m_splice->abort();
}
