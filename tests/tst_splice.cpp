// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "listener.h"
#include "splice.h"
#include "tcpconnection.h"
#include "tcppair.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ChunkSize = 64 * 1024; // what the splice and a TcpConnection move at once

class UpperCase : public SpliceFilter
{
public:
    explicit UpperCase(int *finishCalls)
        : m_finishCalls(finishCalls)
    {
    }
    bool filter(QByteArray &chunk) override
    {
        chunk = chunk.toUpper();
        return true;
    }
    void finish() override { ++*m_finishCalls; }

private:
    int *m_finishCalls;
};

class DropX : public SpliceFilter // changes the size; a chunk of only 'x' becomes empty
{
public:
    bool filter(QByteArray &chunk) override
    {
        chunk.replace('x', QByteArray());
        return true;
    }
};

class RefuseBad : public SpliceFilter
{
public:
    bool filter(QByteArray &chunk) override { return !chunk.contains("bad"); }
};

} // namespace

class tst_Splice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bytesFlowBothWays();
    void halfCloseFromOuterSide();
    void halfCloseFromInnerSide();
    void dataAndEndBeforeStart();
    void resetReachesOtherSide_data();
    void resetReachesOtherSide();
    void filterRewritesOneDirection();
    void filterMayChangeSize();
    void refusingFilterResetsBoth();
    void backpressure();
    void bytesCountWhatMoved();

private:
    // outer <-> a  ==splice==  b <-> inner: the visitor, the splice's two devices, the service.
    QObject *m_owner = nullptr;
    TcpConnection *m_outer = nullptr;
    TcpConnection *m_inner = nullptr;
    QPointer<TcpConnection> m_a;
    QPointer<TcpConnection> m_b;
    QPointer<Splice> m_splice;
    std::unique_ptr<QSignalSpy> m_finished; // Splice::finished(bool)

    bool makeSplice(bool start = true);
    void verifyCleanEnd();
};

void tst_Splice::init()
{
    m_owner = new QObject;
}

void tst_Splice::cleanup()
{
    m_finished.reset();
    delete m_owner; // also the splice and its devices, if the test left them alive
    m_owner = nullptr;
}

bool tst_Splice::makeSplice(bool start)
{
    TcpConnection *a = nullptr;
    TcpConnection *b = nullptr;
    if (!connectTcpPair(m_owner, m_outer, a) || !connectTcpPair(m_owner, b, m_inner))
        return false;
    m_a = a;
    m_b = b;
    m_splice = new Splice(a, b, m_owner);
    m_finished = std::make_unique<QSignalSpy>(m_splice.data(), &Splice::finished);
    if (start)
        m_splice->start();
    return true;
}

// Both directions ended cleanly: the splice reports success and deletes itself and its devices.
void tst_Splice::verifyCleanEnd()
{
    QVERIFY(m_finished->count() || m_finished->wait());
    QCOMPARE(m_finished->count(), 1);
    QCOMPARE(m_finished->at(0).at(0).toBool(), false);
    QTRY_VERIFY(m_splice.isNull());
    QTRY_VERIFY(m_a.isNull());
    QTRY_VERIFY(m_b.isNull());
    QTRY_VERIFY(m_outer->isFinished());
    QTRY_VERIFY(m_inner->isFinished());
    QVERIFY(!m_outer->hasFailed());
    QVERIFY(!m_inner->hasFailed());
}

void tst_Splice::bytesFlowBothWays()
{
    QVERIFY(makeSplice());
    m_outer->write("ping");
    QTRY_COMPARE(m_inner->bytesAvailable(), 4);
    QCOMPARE(m_inner->readAll(), "ping"_ba);
    m_inner->write("pong!");
    QTRY_COMPARE(m_outer->bytesAvailable(), 5);
    QCOMPARE(m_outer->readAll(), "pong!"_ba);
    QCOMPARE(m_finished->count(), 0);
    QVERIFY(m_splice);
}

void tst_Splice::halfCloseFromOuterSide()
{
    QVERIFY(makeSplice());
    QSignalSpy innerEnd(m_inner, &QIODevice::readChannelFinished);
    m_outer->write("request");
    m_outer->closeWrite(); // like an HTTP/1.0 client or `nc -N`
    QVERIFY(innerEnd.count() || innerEnd.wait());
    QCOMPARE(m_inner->readAll(), "request"_ba);
    QVERIFY(m_inner->atReadEnd());

    // The service can still answer, and the answer arrives.
    m_inner->write("answer");
    QTRY_COMPARE(m_outer->bytesAvailable(), 6);
    QCOMPARE(m_outer->readAll(), "answer"_ba);
    QVERIFY(!m_outer->atReadEnd());
    QCOMPARE(m_finished->count(), 0);
    QVERIFY(m_splice);

    m_inner->closeWrite();
    QTRY_VERIFY(m_outer->atReadEnd());
    verifyCleanEnd();
}

void tst_Splice::halfCloseFromInnerSide()
{
    QVERIFY(makeSplice());
    QSignalSpy outerEnd(m_outer, &QIODevice::readChannelFinished);
    m_inner->write("banner");
    m_inner->closeWrite();
    QVERIFY(outerEnd.count() || outerEnd.wait());
    QCOMPARE(m_outer->readAll(), "banner"_ba);
    QVERIFY(m_outer->atReadEnd());

    m_outer->write("reply");
    QTRY_COMPARE(m_inner->bytesAvailable(), 5);
    QCOMPARE(m_inner->readAll(), "reply"_ba);
    QVERIFY(!m_inner->atReadEnd());
    QCOMPARE(m_finished->count(), 0);

    m_outer->closeWrite();
    QTRY_VERIFY(m_inner->atReadEnd());
    verifyCleanEnd();
}

void tst_Splice::dataAndEndBeforeStart()
{
    QVERIFY(makeSplice(false));
    QSignalSpy aEnd(m_a.data(), &QIODevice::readChannelFinished);
    m_outer->write("early");
    m_outer->closeWrite();
    m_inner->write("hello");
    QVERIFY(aEnd.count() || aEnd.wait());
    QTRY_COMPARE(m_b->bytesAvailable(), 5);
    QCOMPARE(m_a->bytesAvailable(), 5);

    m_splice->start();
    QByteArray atInner;
    QTRY_VERIFY((atInner += m_inner->readAll(), m_inner->atReadEnd()));
    QCOMPARE(atInner, "early"_ba);
    QTRY_COMPARE(m_outer->bytesAvailable(), 5);
    QCOMPARE(m_outer->readAll(), "hello"_ba);
    m_inner->closeWrite();
    verifyCleanEnd();
}

void tst_Splice::resetReachesOtherSide_data()
{
    QTest::addColumn<bool>("outerResets");
    QTest::newRow("visitor resets") << true;
    QTest::newRow("service resets") << false;
}

void tst_Splice::resetReachesOtherSide()
{
    QFETCH(bool, outerResets);
    QVERIFY(makeSplice());
    m_outer->write("x");
    QTRY_COMPARE(m_inner->bytesAvailable(), 1); // the splice is up and running

    TcpConnection *resetting = outerResets ? m_outer : m_inner;
    TcpConnection *other = outerResets ? m_inner : m_outer;
    QSignalSpy otherFinished(other, &DuplexDevice::finished);
    resetting->abort();
    QVERIFY(otherFinished.count() || otherFinished.wait());
    QVERIFY(other->hasFailed());
    QVERIFY(m_finished->count() || m_finished->wait());
    QCOMPARE(m_finished->count(), 1);
    QCOMPARE(m_finished->at(0).at(0).toBool(), true);
    QTRY_VERIFY(m_splice.isNull());
    QTRY_VERIFY(m_a.isNull());
    QTRY_VERIFY(m_b.isNull());
}

void tst_Splice::filterRewritesOneDirection()
{
    QVERIFY(makeSplice(false));
    int finishCalls = 0;
    m_splice->setFilter(Splice::AtoB, std::make_unique<UpperCase>(&finishCalls));
    m_splice->start();

    m_outer->write("hello, world");
    QTRY_COMPARE(m_inner->bytesAvailable(), 12);
    QCOMPARE(m_inner->readAll(), "HELLO, WORLD"_ba);
    m_inner->write("MiXeD");
    QTRY_COMPARE(m_outer->bytesAvailable(), 5);
    QCOMPARE(m_outer->readAll(), "MiXeD"_ba); // the other direction is untouched

    QCOMPARE(finishCalls, 0);
    m_outer->closeWrite();
    QTRY_VERIFY(m_inner->atReadEnd());
    QCOMPARE(finishCalls, 1);
    m_inner->closeWrite();
    verifyCleanEnd();
    QCOMPARE(finishCalls, 1);
}

void tst_Splice::filterMayChangeSize()
{
    QVERIFY(makeSplice(false));
    m_splice->setFilter(Splice::BtoA, std::make_unique<DropX>());
    m_splice->start();

    m_inner->write("xaxbxcx");
    QTRY_COMPARE(m_outer->bytesAvailable(), 3);
    m_inner->write("xxx"); // becomes empty: nothing to forward
    QTRY_COMPARE(m_splice->bytes(Splice::BtoA), 10); // read by the splice (and dropped)
    QTest::qWait(50);
    QCOMPARE(m_outer->bytesAvailable(), 3);
    m_inner->write("d");
    m_inner->closeWrite();
    QByteArray received;
    QTRY_VERIFY((received += m_outer->readAll(), m_outer->atReadEnd()));
    QCOMPARE(received, "abcd"_ba);
}

void tst_Splice::refusingFilterResetsBoth()
{
    QVERIFY(makeSplice(false));
    m_splice->setFilter(Splice::AtoB, std::make_unique<RefuseBad>());
    m_splice->start();

    m_outer->write("good");
    QTRY_COMPARE(m_inner->bytesAvailable(), 4);
    QCOMPARE(m_inner->readAll(), "good"_ba);

    QSignalSpy outerFinished(m_outer, &DuplexDevice::finished);
    QSignalSpy innerFinished(m_inner, &DuplexDevice::finished);
    m_outer->write("bad");
    QVERIFY(m_finished->count() || m_finished->wait());
    QCOMPARE(m_finished->at(0).at(0).toBool(), true);
    QVERIFY(outerFinished.count() || outerFinished.wait());
    QVERIFY(innerFinished.count() || innerFinished.wait());
    QVERIFY(m_outer->hasFailed());
    QVERIFY(m_inner->hasFailed());
    QCOMPARE(m_inner->readAll(), QByteArray()); // the refused bytes never reached the service
    QTRY_VERIFY(m_splice.isNull());
}

void tst_Splice::backpressure()
{
    QVERIFY(makeSplice());
    const QByteArray data = bytePattern(16 * 1024 * 1024);
    m_outer->write(data);

    // The service never reads: every buffer on the way fills, then the splice stops reading.
    QTRY_VERIFY_WITH_TIMEOUT(m_a->bytesAvailable() >= TcpConnection::ReadBufferSize, 20000);
    QTest::qWait(200); // settle
    const qint64 nearBuffered = m_a->bytesAvailable();
    const qint64 farQueued = m_b->bytesToWrite();
    const qint64 moved = m_splice->bytes(Splice::AtoB);
    QTest::qWait(200); // nothing moves any more
    QCOMPARE(m_a->bytesAvailable(), nearBuffered);
    QCOMPARE(m_b->bytesToWrite(), farQueued);
    QCOMPARE(m_splice->bytes(Splice::AtoB), moved);
    QVERIFY2(nearBuffered >= TcpConnection::ReadBufferSize
                     && nearBuffered < TcpConnection::ReadBufferSize + ChunkSize,
             qPrintable(QString::number(nearBuffered)));
    QVERIFY2(farQueued >= Splice::HighWater && farQueued < Splice::HighWater + ChunkSize,
             qPrintable(QString::number(farQueued)));
    QVERIFY(moved < data.size());

    // Once the service reads, everything arrives intact.
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += m_inner->readAll(), received.size() >= data.size()),
                             60000);
    QCOMPARE(received.size(), data.size());
    QVERIFY(received == data); // QCOMPARE would print 16 MiB
    QCOMPARE(m_splice->bytes(Splice::AtoB), data.size());
    QCOMPARE(m_splice->bytes(Splice::BtoA), 0);
}

void tst_Splice::bytesCountWhatMoved()
{
    QVERIFY(makeSplice());
    QCOMPARE(m_splice->bytes(Splice::AtoB), 0);
    QCOMPARE(m_splice->bytes(Splice::BtoA), 0);
    const QByteArray up = bytePattern(100000);
    const QByteArray down = bytePattern(3000);
    m_outer->write(up);
    m_inner->write(down);
    QByteArray atInner;
    QByteArray atOuter;
    QTRY_VERIFY((atInner += m_inner->readAll(), atInner.size() >= up.size()));
    QTRY_VERIFY((atOuter += m_outer->readAll(), atOuter.size() >= down.size()));
    QCOMPARE(atInner, up);
    QCOMPARE(atOuter, down);
    QCOMPARE(m_splice->bytes(Splice::AtoB), up.size());
    QCOMPARE(m_splice->bytes(Splice::BtoA), down.size());
}

QTEST_GUILESS_MAIN(tst_Splice)
#include "tst_splice.moc"
