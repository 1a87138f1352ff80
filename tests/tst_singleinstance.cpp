// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QCborArray>
#include <QCborValue>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "singleinstance.h"

#include <memory>

using namespace Qt::StringLiterals;

// The first SingleInstance for a settings file claims it; later ones hand their arguments over.
// The runtime directory is a temporary one. handOver() blocks, as in a `rok` that is about to
// exit, so it runs on its own thread while this one answers.
class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstClaimsLaterHandsOver();
    void otherSettingsFileIsAnotherInstance();
    void claimableAgainAfterTheFirstEnds();
    void staleLockFromDeadProcessIsTakenOver();
    void malformedAndOversizedMessagesAreDropped();
    void handOverFailsWhenNobodyAnswers();

private:
    bool handOverInThread(SingleInstance &later, const QStringList &arguments, QString *error);
    QString settingsFile(const QString &name = u"rok.conf"_s) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_SingleInstance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.path())));
}

bool tst_SingleInstance::handOverInThread(SingleInstance &later, const QStringList &arguments,
                                          QString *error)
{
    bool ok = false;
    std::unique_ptr<QThread> thread(
            QThread::create([&] { ok = later.handOver(arguments, error); }));
    thread->start();
    if (!QTest::qWaitFor([&] { return thread->isFinished(); }, 10000))
        qFatal("handOver did not return");
    return ok;
}

void tst_SingleInstance::firstClaimsLaterHandsOver()
{
    SingleInstance first(settingsFile());
    QVERIFY(first.claim());
    QVERIFY(first.socketPath().startsWith(m_dir.path() + u"/rok-"_s));
    QCOMPARE(QFile::permissions(first.socketPath()) & (QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QSignalSpy received(&first, &SingleInstance::argumentsReceived);

    SingleInstance later(settingsFile());
    QVERIFY(!later.claim());
    QString error;
    const QStringList arguments{u"--local"_s, u"4000"_s, u"--server"_s, u"ünïcode:7835"_s};
    QVERIFY2(handOverInThread(later, arguments, &error), qPrintable(error));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.constFirst().constFirst().toStringList(), arguments);

    // No arguments at all: the window still comes up.
    QVERIFY2(handOverInThread(later, {}, &error), qPrintable(error));
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(received.at(1).constFirst().toStringList(), QStringList());
}

void tst_SingleInstance::otherSettingsFileIsAnotherInstance()
{
    SingleInstance first(settingsFile());
    QVERIFY(first.claim());
    SingleInstance other(settingsFile(u"other.conf"_s));
    QVERIFY(other.claim());
    QVERIFY(first.socketPath() != other.socketPath());
}

void tst_SingleInstance::claimableAgainAfterTheFirstEnds()
{
    QString socket;
    {
        SingleInstance first(settingsFile());
        QVERIFY(first.claim());
        socket = first.socketPath();
    }
    QVERIFY(!QFile::exists(socket));
    SingleInstance next(settingsFile());
    QVERIFY(next.claim());
}

void tst_SingleInstance::staleLockFromDeadProcessIsTakenOver()
{
    QString lockPath;
    {
        SingleInstance probe(settingsFile());
        QVERIFY(probe.claim());
        lockPath = probe.socketPath().chopped(int(qstrlen(".socket"))) + u".lock"_s;
    }
    // What a rok killed with SIGKILL leaves: its lock, naming a process that is gone.
    QFile lock(lockPath);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write("4194303\nrok\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    lock.close();
    SingleInstance next(settingsFile());
    QVERIFY(next.claim());
}

void tst_SingleInstance::malformedAndOversizedMessagesAreDropped()
{
    SingleInstance first(settingsFile());
    QVERIFY(first.claim());
    QSignalSpy received(&first, &SingleInstance::argumentsReceived);
    const QByteArrayList bad{
            "\xff\xff\xff"_ba, // not CBOR
            QCborValue(u"not an array"_s).toCbor(),
            QByteArray(SingleInstance::MaxMessageSize + 1, '\x9f'), // an endless array start
    };
    for (const QByteArray &message : bad) {
        QLocalSocket socket;
        socket.connectToServer(first.socketPath());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(message);
        QVERIFY(socket.flush() || socket.bytesToWrite() == 0);
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
    }
    QCOMPARE(received.size(), 0);

    // And it still answers a good one.
    SingleInstance later(settingsFile());
    QString error;
    QVERIFY2(handOverInThread(later, {u"--local"_s, u"1"_s}, &error), qPrintable(error));
    QTRY_COMPARE(received.size(), 1);
}

void tst_SingleInstance::handOverFailsWhenNobodyAnswers()
{
    SingleInstance first(settingsFile());
    QVERIFY(first.claim());
    QLocalServer::removeServer(first.socketPath()); // holds the lock, but nobody listens
    SingleInstance later(settingsFile());
    QVERIFY(!later.claim());
    QString error;
    QVERIFY(!handOverInThread(later, {}, &error));
    QVERIFY2(error.contains(u"does not answer"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
