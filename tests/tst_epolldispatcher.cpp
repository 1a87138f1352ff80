// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "epolldispatcher.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace {

// Both ends of a UNIX stream socket pair, closed on destruction.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair()
    {
        closeEnd(0);
        closeEnd(1);
    }
    void closeEnd(int end)
    {
        if (fds[end] >= 0)
            ::close(fds[end]);
        fds[end] = -1;
    }
    bool send(int end) { return ::write(fds[end], "x", 1) == 1; }
    bool receive(int end)
    {
        char byte;
        return ::read(fds[end], &byte, 1) == 1;
    }
};

} // namespace

class tst_EpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isTheApplicationsDispatcher();
    void singleShotTimerFiresOnceAtItsDeadline();
    void repeatingTimerKeepsFiring();
    void zeroIntervalTimerFiresEveryRound();
    void timerKilledByAnEarlierTimerDoesNotFire();
    void registeredTimersAndRemainingTime();
    void readNotifierFiresWhileDataIsUnread();
    void writeAndReadNotifiersOfOneSocket();
    void hangUpWakesTheReader();
    void disabledNotifierDoesNotFire();
    void notifierDeletedByAnEarlierOneIsNotActivated();
    void excludedSocketNotifiersWait();
    void eventPostedFromAnotherThreadWakesTheLoop();
    void interruptFromAnotherThreadEndsAWait();
    void deleteLaterRuns();
    void tcpRoundTrip();
};

void tst_EpollDispatcher::isTheApplicationsDispatcher()
{
    QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
}

void tst_EpollDispatcher::singleShotTimerFiresOnceAtItsDeadline()
{
    int fired = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 firedAfter = -1;
    QTimer::singleShot(50ms, Qt::PreciseTimer, this, [&] {
        ++fired;
        firedAfter = clock.elapsed();
    });
    QTRY_COMPARE(fired, 1);
    QVERIFY2(firedAfter >= 50, QByteArray::number(firedAfter));
    bool later = false;
    QTimer::singleShot(100ms, this, [&] { later = true; });
    QTRY_VERIFY(later);
    QCOMPARE(fired, 1);
}

void tst_EpollDispatcher::repeatingTimerKeepsFiring()
{
    QTimer timer;
    timer.setInterval(10ms);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] { ++fired; });
    timer.start();
    QTRY_VERIFY(fired >= 5);
    QVERIFY(timer.remainingTime() >= 0 && timer.remainingTime() <= 10);
    timer.stop();
    const int stoppedAt = fired;
    bool later = false;
    QTimer::singleShot(50ms, this, [&] { later = true; });
    QTRY_VERIFY(later);
    QCOMPARE(fired, stoppedAt);
}

void tst_EpollDispatcher::zeroIntervalTimerFiresEveryRound()
{
    QTimer timer;
    timer.setInterval(0);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] { ++fired; });
    timer.start();
    QTRY_VERIFY(fired >= 100);
}

void tst_EpollDispatcher::timerKilledByAnEarlierTimerDoesNotFire()
{
    // Both are due in the next round; whichever fires first stops the other.
    QTimer first;
    QTimer second;
    int fired = 0;
    for (QTimer *timer : {&first, &second}) {
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [&] {
            ++fired;
            first.stop();
            second.stop();
        });
    }
    first.start(0ms);
    second.start(0ms);
    QTRY_COMPARE(fired, 1);
    bool later = false;
    QTimer::singleShot(50ms, this, [&] { later = true; });
    QTRY_VERIFY(later);
    QCOMPARE(fired, 1);
}

void tst_EpollDispatcher::registeredTimersAndRemainingTime()
{
    auto *dispatcher = QAbstractEventDispatcher::instance();
    QObject object;
    const int id = object.startTimer(1000ms, Qt::VeryCoarseTimer);
    const QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher->registeredTimers(&object);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().timerId, id);
    QCOMPARE(timers.first().interval, 1000);
    QCOMPARE(timers.first().timerType, Qt::VeryCoarseTimer);
    const int remaining = dispatcher->remainingTime(id);
    QVERIFY2(remaining > 900 && remaining <= 1000, QByteArray::number(remaining));
    object.killTimer(id);
    QCOMPARE(dispatcher->remainingTime(id), -1);
    QVERIFY(dispatcher->registeredTimers(&object).isEmpty());

    auto gone = std::make_unique<QObject>();
    gone->startTimer(10ms);
    gone->startTimer(20ms);
    QCOMPARE(dispatcher->registeredTimers(gone.get()).size(), 2);
    QVERIFY(dispatcher->unregisterTimers(gone.get()));
    QVERIFY(dispatcher->registeredTimers(gone.get()).isEmpty());
    QVERIFY(!dispatcher->unregisterTimers(gone.get()));
}

void tst_EpollDispatcher::readNotifierFiresWhileDataIsUnread()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] { ++fired; });
    QVERIFY(pair.send(0));
    QTRY_VERIFY(fired >= 3); // level-triggered: again and again while unread
    QVERIFY(pair.receive(1));
    const int readAt = fired;
    bool later = false;
    QTimer::singleShot(50ms, this, [&] { later = true; });
    QTRY_VERIFY(later);
    QVERIFY(fired <= readAt + 1);
}

void tst_EpollDispatcher::writeAndReadNotifiersOfOneSocket()
{
    SocketPair pair;
    QSocketNotifier reader(pair.fds[1], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fds[1], QSocketNotifier::Write);
    int read = 0;
    int written = 0;
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        ++read;
        pair.receive(1);
    });
    connect(&writer, &QSocketNotifier::activated, this, [&] {
        ++written;
        writer.setEnabled(false);
    });
    QTRY_COMPARE(written, 1);
    QCOMPARE(read, 0);
    QVERIFY(pair.send(0));
    QTRY_COMPARE(read, 1);
    writer.setEnabled(true); // the socket stays registered for reading throughout
    QTRY_COMPARE(written, 2);
    QVERIFY(pair.send(0));
    QTRY_COMPARE(read, 2);
}

void tst_EpollDispatcher::hangUpWakesTheReader()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    bool endOfFile = false;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char byte;
        endOfFile = ::read(pair.fds[1], &byte, 1) == 0;
        notifier.setEnabled(false);
    });
    pair.closeEnd(0);
    QTRY_VERIFY(endOfFile);
}

void tst_EpollDispatcher::disabledNotifierDoesNotFire()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    notifier.setEnabled(false);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] { ++fired; });
    QVERIFY(pair.send(0));
    bool later = false;
    QTimer::singleShot(50ms, this, [&] { later = true; });
    QTRY_VERIFY(later);
    QCOMPARE(fired, 0);
    notifier.setEnabled(true);
    QTRY_VERIFY(fired > 0);
}

void tst_EpollDispatcher::notifierDeletedByAnEarlierOneIsNotActivated()
{
    // Two readable sockets reported by one epoll_wait(); the slot of whichever comes first deletes
    // the other's notifier (as closing a connection deletes its peer's). ASan sees any use of it.
    SocketPair one;
    SocketPair two;
    QPointer<QSocketNotifier> notifiers[2] = {
            new QSocketNotifier(one.fds[1], QSocketNotifier::Read),
            new QSocketNotifier(two.fds[1], QSocketNotifier::Read)};
    int fired = 0;
    for (int i = 0; i < 2; ++i) {
        connect(notifiers[i], &QSocketNotifier::activated, this, [&, i] {
            ++fired;
            delete notifiers[1 - i];
            notifiers[i]->setEnabled(false);
        });
    }
    QVERIFY(one.send(0));
    QVERIFY(two.send(0));
    QTRY_COMPARE(fired, 1);
    bool later = false;
    QTimer::singleShot(50ms, this, [&] { later = true; });
    QTRY_VERIFY(later);
    QCOMPARE(fired, 1);
    delete notifiers[0];
    delete notifiers[1];
}

void tst_EpollDispatcher::excludedSocketNotifiersWait()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] { ++fired; });
    QVERIFY(pair.send(0));
    bool timedOut = false;
    QTimer::singleShot(30ms, this, [&] { timedOut = true; });
    QElapsedTimer clock;
    clock.start();
    // blocks until the timer, though the socket is readable all along
    for (int round = 0; round < 100 && !timedOut; ++round)
        QAbstractEventDispatcher::instance()->processEvents(QEventLoop::ExcludeSocketNotifiers
                                                            | QEventLoop::WaitForMoreEvents);
    QVERIFY(timedOut);
    QCOMPARE(fired, 0);
    QTRY_VERIFY(fired > 0);
}

void tst_EpollDispatcher::eventPostedFromAnotherThreadWakesTheLoop()
{
    // No timer of ours is running: only wakeUp() can end the wait.
    QEventLoop loop;
    bool arrived = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QMetaObject::invokeMethod(
                &loop,
                [&] {
                    arrived = true;
                    loop.quit();
                },
                Qt::QueuedConnection);
    }));
    thread->start();
    QTimer::singleShot(10s, &loop, [&] { loop.exit(1); }); // would fail the test below
    QCOMPARE(loop.exec(), 0);
    QVERIFY(arrived);
    thread->wait();
}

void tst_EpollDispatcher::interruptFromAnotherThreadEndsAWait()
{
    auto *dispatcher = QAbstractEventDispatcher::instance();
    std::unique_ptr<QThread> thread(QThread::create([dispatcher] { dispatcher->interrupt(); }));
    const auto connection = connect(
            dispatcher, &QAbstractEventDispatcher::aboutToBlock, thread.get(),
            [&] { thread->start(); }, Qt::DirectConnection);
    QTimer watchdog;
    watchdog.start(10s);
    QElapsedTimer clock;
    clock.start();
    dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
    disconnect(connection);
    QVERIFY2(clock.elapsed() < 5000, QByteArray::number(clock.elapsed()));
    thread->wait();
}

void tst_EpollDispatcher::deleteLaterRuns()
{
    QPointer<QObject> object = new QObject;
    object->deleteLater();
    QTRY_VERIFY(object.isNull());
}

void tst_EpollDispatcher::tcpRoundTrip()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QByteArray echoed;
    connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
    const QByteArray message(256 * 1024, 'r');
    client.write(message);
    QTRY_COMPARE(echoed.size(), message.size());
    QCOMPARE(echoed, message);
}

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
