// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "listener.h"
#include "tcpconnection.h"
#include "tcppair.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 ReadChunkSize = 64 * 1024; // what one recv() asks for, tcpconnection.cpp

QStringList toStrings(const QList<QHostAddress> &addresses)
{
    QStringList out;
    for (const QHostAddress &address : addresses)
        out << address.toString();
    return out;
}

// A loopback port that nobody listens on (it was free a moment ago).
quint16 closedPort()
{
    Listener listener;
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = listener.serverPort();
    listener.close();
    return port;
}

} // namespace

class tst_TcpConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void connectWriteReadBothWays();
    void resolveLocal_data();
    void resolveLocal();
    void localhostFallsBackToIPv4();
    void connectToClosedPortFails_data();
    void connectToClosedPortFails();
    void connectWithoutAddressFails();
    void halfClose();
    void peerShutdownBeforeWeWrite();
    void abortResetsPeer();
    void backpressure();
    void sendTimeoutDropsAPeerThatReadsNothing();
    void peerAddressOfAcceptedConnection();

private:
    QObject *m_owner = nullptr; // parent of every connection of one test
    TcpConnection *m_a = nullptr; // the connecting side
    TcpConnection *m_b = nullptr; // the accepted side
};

void tst_TcpConnection::init()
{
    m_owner = new QObject;
    m_a = nullptr;
    m_b = nullptr;
}

void tst_TcpConnection::cleanup()
{
    delete m_owner;
    m_owner = nullptr;
}

void tst_TcpConnection::connectWriteReadBothWays()
{
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    QCOMPARE(m_a->write("hello"), 5);
    QTRY_COMPARE(m_b->bytesAvailable(), 5);
    QCOMPARE(m_b->readAll(), "hello"_ba);

    QCOMPARE(m_b->write("world!"), 6);
    QTRY_COMPARE(m_a->bytesAvailable(), 6);
    QCOMPARE(m_a->readAll(), "world!"_ba);

    QVERIFY(!m_a->isFinished());
    QVERIFY(!m_b->isFinished());
    QVERIFY(!m_a->atReadEnd());
    QVERIFY(!m_b->atReadEnd());
}

void tst_TcpConnection::resolveLocal_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("addresses");
    const QStringList both{u"::1"_s, u"127.0.0.1"_s};
    QTest::newRow("localhost") << u"localhost"_s << both;
    QTest::newRow("LocalHost") << u"LocalHost"_s << both;
    QTest::newRow("empty") << QString() << both;
    QTest::newRow("IPv4 loopback") << u"127.0.0.1"_s << QStringList{u"127.0.0.1"_s};
    QTest::newRow("IPv4") << u"10.0.0.5"_s << QStringList{u"10.0.0.5"_s};
    QTest::newRow("IPv6 loopback") << u"::1"_s << QStringList{u"::1"_s};
    QTest::newRow("IPv6") << u"fd00::5"_s << QStringList{u"fd00::5"_s};
    QTest::newRow("name") << u"example.com"_s << QStringList();
    QTest::newRow("single label") << u"myhost"_s << QStringList();
}

void tst_TcpConnection::resolveLocal()
{
    QFETCH(QString, host);
    QFETCH(QStringList, addresses);
    QCOMPARE(toStrings(TcpConnection::resolveLocal(host)), addresses);
}

void tst_TcpConnection::localhostFallsBackToIPv4()
{
    Listener listener; // IPv4 only: ::1 on this port refuses
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    TcpConnection *accepted = nullptr;
    connect(&listener, &Listener::accepted, m_owner,
            [&](qintptr descriptor) { accepted = new TcpConnection(descriptor, m_owner); });

    auto *client = new TcpConnection(m_owner);
    QSignalSpy connected(client, &TcpConnection::connected);
    QSignalSpy failed(client, &TcpConnection::connectFailed);
    client->connectTo(TcpConnection::resolveLocal(u"localhost"_s), listener.serverPort());
    QVERIFY(connected.count() || connected.wait());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(client->connectedAddress().toString(), u"127.0.0.1"_s);
    QCOMPARE(client->peerPort(), listener.serverPort());
    QTRY_VERIFY(accepted);

    client->write("via IPv4");
    QTRY_COMPARE(accepted->bytesAvailable(), 8);
    QCOMPARE(accepted->readAll(), "via IPv4"_ba);
}

void tst_TcpConnection::connectToClosedPortFails_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s;
    QTest::newRow("localhost (both addresses)") << u"localhost"_s;
}

void tst_TcpConnection::connectToClosedPortFails()
{
    QFETCH(QString, host);
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    auto *client = new TcpConnection(m_owner);
    QSignalSpy connected(client, &TcpConnection::connected);
    QSignalSpy failed(client, &TcpConnection::connectFailed);
    client->connectTo(TcpConnection::resolveLocal(host), port);
    QVERIFY(failed.count() || failed.wait());
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(u"refused", Qt::CaseInsensitive), qPrintable(message));
    QTest::qWait(50); // no second report, and no late success
    QCOMPARE(failed.count(), 1);
    QCOMPARE(connected.count(), 0);
    QVERIFY(!client->isOpen());
}

void tst_TcpConnection::connectWithoutAddressFails()
{
    auto *client = new TcpConnection(m_owner);
    QSignalSpy failed(client, &TcpConnection::connectFailed);
    client->connectTo({}, 80);
    QCOMPARE(failed.count(), 1); // at once: there is nothing to wait for
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
}

void tst_TcpConnection::halfClose()
{
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    QSignalSpy aEnd(m_a, &QIODevice::readChannelFinished);
    QSignalSpy bEnd(m_b, &QIODevice::readChannelFinished);
    QSignalSpy aFinished(m_a, &DuplexDevice::finished);
    QSignalSpy bFinished(m_b, &DuplexDevice::finished);

    m_a->write("request");
    m_a->closeWrite();
    QVERIFY(bEnd.count() || bEnd.wait());
    QVERIFY(!m_b->atReadEnd()); // the request is still unread
    QCOMPARE(m_b->readAll(), "request"_ba);
    QVERIFY(m_b->atReadEnd());
    QCOMPARE(m_b->read(1), QByteArray());
    QVERIFY(!m_a->isFinished());
    QVERIFY(!m_b->isFinished());

    // The other direction is still open.
    m_b->write("response");
    QTRY_COMPARE(m_a->bytesAvailable(), 8);
    QCOMPARE(m_a->readAll(), "response"_ba);
    QCOMPARE(aEnd.count(), 0);
    QVERIFY(!m_a->atReadEnd());

    m_b->closeWrite();
    QVERIFY(aEnd.count() || aEnd.wait());
    QVERIFY(m_a->atReadEnd());
    QTRY_COMPARE(aFinished.count(), 1);
    QTRY_COMPARE(bFinished.count(), 1);
    QVERIFY(!m_a->hasFailed());
    QVERIFY(!m_b->hasFailed());
    QVERIFY(m_a->isFinished());
    QVERIFY(m_b->isFinished());
    QCOMPARE(bEnd.count(), 1);
}

void tst_TcpConnection::peerShutdownBeforeWeWrite()
{
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    QSignalSpy bEnd(m_b, &QIODevice::readChannelFinished);
    m_a->closeWrite(); // like `nc -N` or an HTTP/1.0 client: send nothing more, then wait
    QVERIFY(bEnd.count() || bEnd.wait());
    QVERIFY(m_b->atReadEnd());

    const QByteArray answer = bytePattern(300 * 1024);
    m_b->write(answer);
    QByteArray received;
    QTRY_VERIFY((received += m_a->readAll(), received.size() >= answer.size()));
    QCOMPARE(received, answer);

    QSignalSpy aFinished(m_a, &DuplexDevice::finished);
    m_b->closeWrite();
    QVERIFY(aFinished.count() || aFinished.wait());
    QVERIFY(!m_a->hasFailed());
    QTRY_VERIFY(m_b->isFinished());
    QVERIFY(!m_b->hasFailed());
}

void tst_TcpConnection::abortResetsPeer()
{
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    QSignalSpy aFinished(m_a, &DuplexDevice::finished);
    QSignalSpy bFinished(m_b, &DuplexDevice::finished);
    QSignalSpy bEnd(m_b, &QIODevice::readChannelFinished);
    m_a->abort();
    QCOMPARE(aFinished.count(), 1); // at once
    QVERIFY(m_a->hasFailed());

    QVERIFY(bFinished.count() || bFinished.wait());
    QVERIFY(m_b->hasFailed());
    QVERIFY2(m_b->errorString().contains(u"reset", Qt::CaseInsensitive),
             qPrintable(m_b->errorString()));
    QCOMPARE(bEnd.count(), 0); // a reset is not a clean end of data
    QCOMPARE(bFinished.count(), 1);
}

void tst_TcpConnection::backpressure()
{
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    const QByteArray data = bytePattern(8 * 1024 * 1024);
    m_a->write(data);

    // The receiver reads until its buffer is full, then stops.
    QTRY_VERIFY(m_b->bytesAvailable() >= TcpConnection::ReadBufferSize);
    const qint64 buffered = m_b->bytesAvailable();
    QVERIFY2(buffered < TcpConnection::ReadBufferSize + ReadChunkSize,
             qPrintable(QString::number(buffered)));
    QTest::qWait(200); // and does not grow
    QCOMPARE(m_b->bytesAvailable(), buffered);
    QVERIFY(m_a->bytesToWrite() > 0); // the kernel buffers are full, the rest waits here

    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += m_b->readAll(), received.size() >= data.size()), 30000);
    QCOMPARE(received.size(), data.size());
    QVERIFY(received == data); // QCOMPARE would print 8 MiB
    QTRY_COMPARE(m_a->bytesToWrite(), 0);
}

void tst_TcpConnection::sendTimeoutDropsAPeerThatReadsNothing()
{
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    m_a->setSendTimeout(300ms);
    QSignalSpy aTimedOut(m_a, &TcpConnection::sendTimedOut);
    QSignalSpy aFinished(m_a, &DuplexDevice::finished);
    QSignalSpy bFinished(m_b, &DuplexDevice::finished);
    m_a->write(bytePattern(8 * 1024 * 1024)); // b reads its buffer full, then nothing more
    QTRY_VERIFY(m_b->bytesAvailable() >= TcpConnection::ReadBufferSize);
    QElapsedTimer stuck;
    stuck.start();
    QVERIFY(aFinished.count() || aFinished.wait(5000));
    QVERIFY2(stuck.elapsed() >= 250, qPrintable(QString::number(stuck.elapsed())));
    QVERIFY(m_a->hasFailed());
    QCOMPARE(aTimedOut.count(), 1);
    QCOMPARE(m_a->errorString(), u"the peer read nothing for 0.3 s"_s);
    // The peer reads what it has, then finds a reset, not a clean end.
    QTRY_VERIFY((m_b->readAll(), m_b->isFinished()));
    QVERIFY(m_b->hasFailed());

    // A slow reader that keeps reading is not a peer that reads nothing.
    QVERIFY(connectTcpPair(m_owner, m_a, m_b));
    m_a->setSendTimeout(300ms);
    const QByteArray data = bytePattern(4 * 1024 * 1024);
    m_a->write(data);
    QByteArray received;
    while (received.size() < data.size() && !m_a->isFinished()) {
        QTest::qWait(100); // a third of the timeout between reads
        received += m_b->read(256 * 1024);
    }
    QVERIFY(!m_a->hasFailed());
    QCOMPARE(received.size(), data.size());
}

void tst_TcpConnection::peerAddressOfAcceptedConnection()
{
    Listener listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    TcpConnection *accepted = nullptr;
    connect(&listener, &Listener::accepted, m_owner,
            [&](qintptr descriptor) { accepted = new TcpConnection(descriptor, m_owner); });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY(accepted);
    QCOMPARE(accepted->peerAddress().toString(), client.localAddress().toString());
    QCOMPARE(accepted->peerAddress().toString(), u"127.0.0.1"_s);
    QCOMPARE(accepted->peerPort(), client.localPort());

    // And a connecting TcpConnection reports the listener as its peer.
    TcpConnection *a = nullptr;
    TcpConnection *b = nullptr;
    QVERIFY(connectTcpPair(m_owner, a, b));
    QCOMPARE(a->peerAddress().toString(), u"127.0.0.1"_s);
    QCOMPARE(b->peerAddress().toString(), u"127.0.0.1"_s);
    QVERIFY(a->peerPort() != 0);
    QVERIFY(b->peerPort() != 0);
    QVERIFY(a->peerPort() != b->peerPort());
}

QTEST_GUILESS_MAIN(tst_TcpConnection)
#include "tst_tcpconnection.moc"
