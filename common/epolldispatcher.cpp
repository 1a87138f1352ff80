// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

constexpr quint64 WakeUpKey =
        ~quint64(0); // epoll data of the eventfd; sockets carry fd and generation

quint64 keyOf(int fd, quint32 generation)
{
    return quint64(generation) << 32 | quint32(fd);
}

} // namespace

quint32 EpollEventDispatcher::Watch::events() const
{
    return (read ? EPOLLIN : 0u) | (write ? EPOLLOUT : 0u) | (exception ? EPOLLPRI : 0u);
}

QSocketNotifier *&EpollEventDispatcher::Watch::slot(int type)
{
    return type == QSocketNotifier::Read     ? read
            : type == QSocketNotifier::Write ? write
                                             : exception;
}

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeUpFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    , m_ready(256)
{
    if (m_epoll < 0 || m_wakeUpFd < 0)
        qFatal("EpollEventDispatcher: cannot create an epoll set or eventfd (%s)",
               qPrintable(qt_error_string(errno)));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = WakeUpKey;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeUpFd, &event);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeUpFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool canWait =
            flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupted.loadRelaxed())
        return false;

    int events = 0;
    const int timeout =
            flags.testFlag(QEventLoop::X11ExcludeTimers) && canWait ? -1 : waitMs(canWait);
    if (flags.testFlag(QEventLoop::ExcludeSocketNotifiers)) {
        // the sockets stay ready (level-triggered) while their notifiers wait: wait for the
        // wake-up alone
        pollfd wake{m_wakeUpFd, POLLIN, 0};
        if (::poll(&wake, 1, timeout) > 0)
            drainWakeUps();
    } else {
        const int count = epoll_wait(m_epoll, m_ready.data(), int(m_ready.size()), timeout);
        if (count > 0)
            events += activateSocketNotifiers(m_ready.data(), count);
        if (count == int(m_ready.size()))
            m_ready.resize(m_ready.size() * 2); // busy: take more next time
    }
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        events += activateTimers();
    return events > 0;
}

int EpollEventDispatcher::waitMs(bool canWait) const
{
    if (!canWait)
        return 0;
    if (m_deadlines.empty())
        return -1;
    const auto left = m_deadlines.begin()->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // round up: waking before the deadline would only mean waiting again
    return int(std::chrono::ceil<std::chrono::milliseconds>(left).count());
}

void EpollEventDispatcher::drainWakeUps()
{
    eventfd_t count;
    eventfd_read(m_wakeUpFd, &count);
    m_wakeUpPending.storeRelease(0);
}

int EpollEventDispatcher::activateSocketNotifiers(const epoll_event *ready, int count)
{
    int activated = 0;
    for (int i = 0; i < count; ++i) {
        const quint64 key = ready[i].data.u64;
        if (key == WakeUpKey) {
            drainWakeUps();
            continue;
        }
        const int fd = int(quint32(key));
        const auto generation = quint32(key >> 32);
        const quint32 events = ready[i].events;
        // as Qt's UNIX dispatcher reads poll(): errors and hang-ups are for the reader to find
        if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
            activate(fd, generation, QSocketNotifier::Read), ++activated;
        if (events & (EPOLLOUT | EPOLLERR))
            activate(fd, generation, QSocketNotifier::Write), ++activated;
        if (events & EPOLLPRI)
            activate(fd, generation, QSocketNotifier::Exception), ++activated;
    }
    return activated;
}

__attribute__((no_sanitize("vptr"))) // see activateTimers()
void EpollEventDispatcher::activate(int fd, quint32 generation, int type)
{
    // Looked up again for each: an earlier notifier's slot may have removed or replaced this one.
    const auto watch = m_watches.find(fd);
    if (watch == m_watches.end() || watch->generation != generation)
        return;
    if (QSocketNotifier *notifier = watch->slot(type)) {
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
    }
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    if (fd < 0)
        return;
    Watch &watch = m_watches[fd];
    const quint32 before = watch.events();
    if (before == 0)
        watch.generation = ++m_generations;
    QSocketNotifier *&slot = watch.slot(notifier->type());
    if (slot && slot != notifier)
        qWarning("EpollEventDispatcher: a second notifier of the same type for socket %d", fd);
    slot = notifier;
    updateEpoll(fd, watch, before);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto watch = m_watches.find(fd);
    if (watch == m_watches.end())
        return;
    QSocketNotifier *&slot = watch->slot(notifier->type());
    if (slot != notifier)
        return;
    const quint32 before = watch->events();
    slot = nullptr;
    updateEpoll(fd, *watch, before);
    if (watch->events() == 0)
        m_watches.erase(watch);
}

void EpollEventDispatcher::updateEpoll(int fd, const Watch &watch, quint32 before)
{
    const quint32 after = watch.events();
    if (after == before)
        return;
    epoll_event event{};
    event.events = after;
    event.data.u64 = keyOf(fd, watch.generation);
    if (after == 0) {
        // fails harmlessly (EBADF, ENOENT) if the descriptor was closed first: closing removed it
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event);
        return;
    }
    int op = before == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    if (epoll_ctl(m_epoll, op, fd, &event) == 0)
        return;
    // The descriptor was closed and reused without its notifiers being disabled: the kernel
    // dropped the old registration (ENOENT) or still has one we thought gone (EEXIST).
    op = errno == ENOENT ? EPOLL_CTL_ADD : errno == EEXIST ? EPOLL_CTL_MOD : -1;
    if (op < 0 || epoll_ctl(m_epoll, op, fd, &event) != 0)
        qWarning("EpollEventDispatcher: cannot watch socket %d (%s)", fd,
                 qPrintable(qt_error_string(errno)));
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    if (timerId < 1 || interval < 0 || !object)
        return;
    unregisterTimer(timerId);
    Timer &timer = m_timers[timerId];
    timer = {object, interval, timerType, {}};
    schedule(timerId, timer, Clock::now() + std::chrono::milliseconds(interval));
}

void EpollEventDispatcher::schedule(int timerId, Timer &timer, Clock::time_point deadline)
{
    m_deadlines.erase({timer.deadline, timerId});
    timer.deadline = deadline;
    m_deadlines.emplace(deadline, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto timer = m_timers.find(timerId);
    if (timer == m_timers.end())
        return false;
    m_deadlines.erase({timer->deadline, timerId});
    m_timers.erase(timer);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool found = false;
    for (auto timer = m_timers.begin(); timer != m_timers.end();) {
        if (timer->object != object) {
            ++timer;
            continue;
        }
        m_deadlines.erase({timer->deadline, timer.key()});
        timer = m_timers.erase(timer);
        found = true;
    }
    return found;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto timer = m_timers.begin(); timer != m_timers.end(); ++timer) {
        if (timer->object == object)
            timers.append(TimerInfo(timer.key(), int(timer->interval), timer->type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto timer = m_timers.find(timerId);
    if (timer == m_timers.end())
        return -1;
    const auto left = timer->deadline - Clock::now();
    return int(qMax<qint64>(0, std::chrono::ceil<std::chrono::milliseconds>(left).count()));
}

// Not checked by UBSan's vptr check, like Qt's own (uninstrumented) dispatchers: the check
// reads an object's type through a pipe(), which fails when the process is out of descriptors,
// the very moment a listener's back-off timer fires and must fire.
__attribute__((no_sanitize("vptr"))) int EpollEventDispatcher::activateTimers()
{
    const Clock::time_point now = Clock::now();
    if (m_deadlines.empty() || m_deadlines.begin()->first > now)
        return 0;
    // The due ones, taken before any fires: a timer started by a timer event waits for the next
    // round, as does one restarted with interval 0.
    std::vector<int> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= now; ++it)
        due.push_back(it->second);
    int fired = 0;
    for (const int timerId : due) {
        const auto timer = m_timers.find(timerId);
        // killed by an earlier one, or killed and its id given to a new timer
        if (timer == m_timers.end() || timer->deadline > now)
            continue;
        const auto interval = std::chrono::milliseconds(timer->interval);
        auto next = timer->deadline + interval;
        if (next <= now) // fell behind: skip the missed ticks
            next = now + interval;
        QObject *object = timer->object;
        schedule(timerId, *timer, next);
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
    }
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakeUpPending.testAndSetAcquire(0, 1))
        eventfd_write(m_wakeUpFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}
