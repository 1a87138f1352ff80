// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "signalwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

class tst_SignalWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalBecomesQtSignal_data();
    void signalBecomesQtSignal();
    void severalSignalsInOrder();
    void hangupIsReloadWhenAsked();
    void hangupHandlerIsRestored();
    void defaultActionIsRestored();
};

namespace {

bool handlerIsDefault(int number)
{
    struct sigaction current
    {
    };
    ::sigaction(number, nullptr, &current);
    return current.sa_handler == SIG_DFL;
}

} // namespace

void tst_SignalWatcher::signalBecomesQtSignal_data()
{
    QTest::addColumn<int>("number");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_SignalWatcher::signalBecomesQtSignal()
{
    QFETCH(int, number);
    SignalWatcher watcher; // a new watcher for each row: the second one must work too
    QSignalSpy spy(&watcher, &SignalWatcher::terminationRequested);
    QCOMPARE(::raise(number), 0); // would end the test run if the watcher did not catch it
    QCOMPARE(spy.count(), 0); // delivered from the event loop, not from the handler
    QVERIFY(spy.wait());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), number);
}

void tst_SignalWatcher::severalSignalsInOrder()
{
    SignalWatcher watcher;
    QSignalSpy spy(&watcher, &SignalWatcher::terminationRequested);
    ::raise(SIGINT);
    ::raise(SIGTERM);
    ::raise(SIGINT);
    QTRY_COMPARE(spy.count(), 3);
    QCOMPARE(spy.at(0).at(0).toInt(), int(SIGINT));
    QCOMPARE(spy.at(1).at(0).toInt(), int(SIGTERM));
    QCOMPARE(spy.at(2).at(0).toInt(), int(SIGINT));
    QTest::qWait(50);
    QCOMPARE(spy.count(), 3); // one Qt signal per signal, no more
}

void tst_SignalWatcher::hangupIsReloadWhenAsked()
{
    struct sigaction before
    {
    };
    ::sigaction(SIGHUP, nullptr, &before);
    {
        SignalWatcher watcher;
        struct sigaction unchanged
        {
        };
        ::sigaction(SIGHUP, nullptr, &unchanged);
        QVERIFY(unchanged.sa_handler == before.sa_handler); // a client ends with its terminal
    }
    SignalWatcher watcher;
    watcher.watchHangup();
    QVERIFY(!handlerIsDefault(SIGHUP));
    QSignalSpy reload(&watcher, &SignalWatcher::reloadRequested);
    QSignalSpy terminate(&watcher, &SignalWatcher::terminationRequested);
    QCOMPARE(::raise(SIGHUP), 0);
    QVERIFY(reload.wait());
    QCOMPARE(reload.count(), 1);
    QCOMPARE(terminate.count(), 0);
}

void tst_SignalWatcher::hangupHandlerIsRestored()
{
    struct sigaction before
    {
    };
    ::sigaction(SIGHUP, nullptr, &before);
    {
        SignalWatcher watcher;
        watcher.watchHangup();
    }
    struct sigaction after
    {
    };
    ::sigaction(SIGHUP, nullptr, &after);
    QVERIFY(after.sa_handler == before.sa_handler); // SIG_DFL, or nohup's SIG_IGN
}

void tst_SignalWatcher::defaultActionIsRestored()
{
    {
        SignalWatcher watcher;
        QVERIFY(!handlerIsDefault(SIGINT));
        QVERIFY(!handlerIsDefault(SIGTERM));
    }
    QVERIFY(handlerIsDefault(SIGINT));
    QVERIFY(handlerIsDefault(SIGTERM));
}

QTEST_GUILESS_MAIN(tst_SignalWatcher)
#include "tst_signalwatcher.moc"
