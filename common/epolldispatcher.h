// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>

#include <chrono>
#include <set>
#include <utility>
#include <vector>

#include <sys/epoll.h>

// An event dispatcher for Linux on epoll, for the programs without a window (rok-server and
// `rok http|tcp|start`), installed with QCoreApplication::setEventDispatcher().
//
// Why: Qt's dispatchers (glib's, and its own UNIX one) hand poll() every socket at each wake-up,
// so a wake-up costs O(sockets) however few are ready; with 4,000 visitors that is most of the
// work. Here the kernel keeps the set: a wake-up costs O(ready sockets), and enabling or
// disabling a notifier is one epoll_ctl().
//
// What it keeps from Qt's UNIX dispatcher: level-triggered notifiers (a read notifier fires for
// as long as there is data), the error and hang-up conditions wake read notifiers (and errors
// write notifiers), each due timer fires at most once per processEvents(), a repeating timer
// that fell behind skips the ticks it missed, and wakeUp()/interrupt() work from any thread.
// Timers of every type fire at their deadline, to the millisecond (coarse ones included: they
// only allow Qt to be late).
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollEventDispatcher)

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;

    // The notifiers of one file descriptor; `generation` tells a registration from a later one
    // of the same (closed and reused) descriptor, whose events an older epoll_wait() reported.
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 generation = 0;
        quint32 events() const;
        QSocketNotifier *&slot(int type);
    };
    struct Timer
    {
        QObject *object;
        qint64 interval; // ms
        Qt::TimerType type;
        Clock::time_point deadline;
    };

    void updateEpoll(int fd, const Watch &watch, quint32 before);
    int activateSocketNotifiers(const epoll_event *ready, int count);
    void activate(int fd, quint32 generation, int type);
    int activateTimers();
    int waitMs(bool canWait) const; // epoll_wait()'s timeout: -1 blocks
    void schedule(int timerId, Timer &timer, Clock::time_point deadline);
    void drainWakeUps();

    int m_epoll = -1;
    int m_wakeUpFd = -1; // an eventfd, readable after wakeUp()
    QAtomicInt m_wakeUpPending;
    QAtomicInt m_interrupted;
    quint32 m_generations = 0;
    QHash<int, Watch> m_watches;
    QHash<int, Timer> m_timers;
    std::set<std::pair<Clock::time_point, int>> m_deadlines; // (deadline, timer id), soonest first
    std::vector<epoll_event> m_ready;
};
