// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class Splice;

// Ends a splice whose connection has been idle too long. What idle means is the caller's:
// deadline() says when to end the splice if nothing happens until then, or nothing while the
// connection is busy (a request in flight, say). One single-shot timer, re-armed at the
// deadline, so a busy connection costs no work per byte.
class IdleTimeout : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleTimeout)

public:
    using Clock = std::chrono::steady_clock;
    using Deadline = std::function<std::optional<Clock::time_point>()>;

    // A child of splice; looks again after `recheck` while the connection is busy.
    IdleTimeout(Splice *splice, Deadline deadline, std::chrono::milliseconds recheck);

private:
    void check();

    QPointer<Splice> m_splice;
    Deadline m_deadline;
    std::chrono::milliseconds m_recheck;
    QTimer m_timer;
};
