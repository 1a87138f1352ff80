// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <cstring>
#include <memory>

#include <QCborArray>
#include <QCborValue>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include "controlchannel.h"
#include "protocol.h"

using namespace Qt::StringLiterals;

class tst_ControlChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void bothDirections();
    void wireFormat();
    void severalMessagesInOneWrite();
    void messageSplitByteByByte();
    void bytesAlreadyBufferedAreRead();
    void largestMessageIsAccepted();
    void oversizedLengthFailsBeforeTheBody_data();
    void oversizedLengthFailsBeforeTheBody();
    void oversizedLengthOverSocket();
    void malformedMessageFails_data();
    void malformedMessageFails();
    void nothingIsReadAfterAFailure();
    void sendWithoutDeviceIsHarmless();
};

namespace {

// An in-memory sequential device: feed() makes bytes readable and emits readyRead, so a test
// decides exactly how the bytes arrive. What the channel writes is collected in written().
class PipeDevice : public QIODevice
{
public:
    PipeDevice() { open(QIODevice::ReadWrite | QIODevice::Unbuffered); }

    void feed(QByteArrayView bytes)
    {
        m_incoming.append(bytes);
        Q_EMIT readyRead();
    }
    QByteArray written() const { return m_written; }
    qint64 unread() const { return m_incoming.size(); }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_incoming.size() + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = qMin<qint64>(max, m_incoming.size());
        if (n <= 0)
            return 0; // QIODevice may pass a null buffer for an empty read
        std::memcpy(data, m_incoming.constData(), size_t(n));
        m_incoming.remove(0, n);
        return n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_written.append(data, size);
        return size;
    }

private:
    QByteArray m_incoming;
    QByteArray m_written;
};

QByteArray lengthPrefix(quint32 length)
{
    QByteArray prefix(4, Qt::Uninitialized);
    qToBigEndian<quint32>(length, prefix.data());
    return prefix;
}

QByteArray frame(const QByteArray &body)
{
    return lengthPrefix(quint32(body.size())) + body;
}

QByteArray frame(const QCborMap &map)
{
    return frame(map.toCborValue().toCbor());
}

QCborMap message(int n)
{
    return QCborMap{{u"type"_s, u"open"_s}, {u"n"_s, n}};
}

// Two connected loopback sockets.
struct SocketPair
{
    QTcpServer server;
    QTcpSocket client;
    std::unique_ptr<QTcpSocket> accepted;

    bool connect()
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QSignalSpy newConnection(&server, &QTcpServer::newConnection);
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!newConnection.count() && !newConnection.wait())
            return false;
        accepted.reset(server.nextPendingConnection());
        if (!accepted)
            return false;
        accepted->setParent(nullptr);
        return client.state() == QAbstractSocket::ConnectedState || client.waitForConnected(5000);
    }
};

QCborMap receivedMap(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<QCborMap>();
}

} // namespace

void tst_ControlChannel::roundTrip_data()
{
    QTest::addColumn<QCborMap>("map");

    QTest::newRow("empty") << QCborMap();
    QTest::newRow("hello") << QCborMap{{u"type"_s, u"hello"_s},
                                       {u"version"_s, Protocol::Version},
                                       {u"token"_s, QByteArray("\x00\x01\xff", 3)}};
    QTest::newRow("nested") << QCborMap{
            {u"type"_s, u"opened"_s},
            {u"tunnel"_s, QCborMap{{u"url"_s, u"http://brave-otter.localhost:8080"_s}}},
            {u"ports"_s, QCborArray{1, 2, 3}},
            {u"ok"_s, true},
            {u"ratio"_s, 0.5},
            {u"none"_s, QCborValue(QCborValue::Null)}};
    QTest::newRow("integer keys") << QCborMap{{1, u"one"_s}, {-2, u"minus two"_s}};
    QTest::newRow("unicode") << QCborMap{{u"text"_s, u"grüße, 世界 🦦"_s}};
    // larger than one TCP segment: arrives in pieces
    QTest::newRow("60 KiB") << QCborMap{{u"blob"_s, QByteArray(60 * 1024, 'z')}};
}

void tst_ControlChannel::roundTrip()
{
    QFETCH(QCborMap, map);

    SocketPair pair;
    QVERIFY(pair.connect());
    ControlChannel sender(&pair.client);
    ControlChannel receiver(pair.accepted.get());
    QCOMPARE(receiver.device(), pair.accepted.get());
    QSignalSpy received(&receiver, &ControlChannel::messageReceived);
    QSignalSpy failed(&receiver, &ControlChannel::failed);

    sender.send(map);
    QVERIFY(received.count() || received.wait());
    QCOMPARE(received.count(), 1);
    QCOMPARE(receivedMap(received, 0), map);
    QCOMPARE(failed.count(), 0);
}

void tst_ControlChannel::bothDirections()
{
    SocketPair pair;
    QVERIFY(pair.connect());
    ControlChannel a(&pair.client);
    ControlChannel b(pair.accepted.get());
    QSignalSpy atA(&a, &ControlChannel::messageReceived);
    QSignalSpy atB(&b, &ControlChannel::messageReceived);

    a.send(message(1));
    b.send(message(2));
    a.send(message(3));
    QTRY_COMPARE(atB.count(), 2);
    QTRY_COMPARE(atA.count(), 1);
    QCOMPARE(receivedMap(atB, 0), message(1));
    QCOMPARE(receivedMap(atB, 1), message(3));
    QCOMPARE(receivedMap(atA, 0), message(2));
}

void tst_ControlChannel::wireFormat()
{
    PipeDevice device;
    ControlChannel channel(&device);
    const QCborMap map{{u"type"_s, u"hello"_s}};
    channel.send(map);
    const QByteArray body = map.toCborValue().toCbor();
    QCOMPARE(device.written().size(), 4 + body.size());
    QCOMPARE(qFromBigEndian<quint32>(device.written().constData()), quint32(body.size()));
    QCOMPARE(device.written().sliced(4), body);
}

void tst_ControlChannel::severalMessagesInOneWrite()
{
    SocketPair pair;
    QVERIFY(pair.connect());
    ControlChannel receiver(pair.accepted.get());
    QSignalSpy received(&receiver, &ControlChannel::messageReceived);
    QSignalSpy failed(&receiver, &ControlChannel::failed);

    QByteArray bytes;
    for (int i = 0; i < 5; ++i)
        bytes += frame(message(i));
    QCOMPARE(pair.client.write(bytes), bytes.size());
    QTRY_COMPARE(received.count(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(receivedMap(received, i), message(i));
    QCOMPARE(failed.count(), 0);

    // the same, delivered in a single readyRead
    PipeDevice device;
    ControlChannel channel(&device);
    QSignalSpy fromPipe(&channel, &ControlChannel::messageReceived);
    device.feed(bytes);
    QCOMPARE(fromPipe.count(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(receivedMap(fromPipe, i), message(i));
    QCOMPARE(device.unread(), 0);
}

void tst_ControlChannel::messageSplitByteByByte()
{
    PipeDevice device;
    ControlChannel channel(&device);
    QSignalSpy received(&channel, &ControlChannel::messageReceived);
    QSignalSpy failed(&channel, &ControlChannel::failed);

    const QCborMap first{{u"type"_s, u"open"_s}, {u"name"_s, u"brave-otter"_s}};
    const QByteArray bytes = frame(first) + frame(message(7));
    const qsizetype firstEnd = frame(first).size();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        device.feed(bytes.sliced(i, 1));
        const int expected = i + 1 < firstEnd ? 0 : i + 1 < bytes.size() ? 1 : 2;
        QCOMPARE(received.count(), expected);
    }
    QCOMPARE(receivedMap(received, 0), first);
    QCOMPARE(receivedMap(received, 1), message(7));
    QCOMPARE(failed.count(), 0);

    // and over a socket, one byte per write
    SocketPair pair;
    QVERIFY(pair.connect());
    ControlChannel receiver(pair.accepted.get());
    QSignalSpy overSocket(&receiver, &ControlChannel::messageReceived);
    for (const char byte : bytes) {
        pair.client.write(&byte, 1);
        pair.client.flush();
    }
    QTRY_COMPARE(overSocket.count(), 2);
    QCOMPARE(receivedMap(overSocket, 0), first);
    QCOMPARE(receivedMap(overSocket, 1), message(7));
}

void tst_ControlChannel::bytesAlreadyBufferedAreRead()
{
    // bytes that arrived before the channel was made are read without a new readyRead
    PipeDevice device;
    device.feed(frame(message(42)));
    ControlChannel channel(&device);
    QSignalSpy received(&channel, &ControlChannel::messageReceived);
    QVERIFY(received.count() || received.wait());
    QCOMPARE(received.count(), 1);
    QCOMPARE(receivedMap(received, 0), message(42));
}

void tst_ControlChannel::largestMessageIsAccepted()
{
    // {"p": <byte string>}: a1, 61 70, 59 hi lo, then the bytes
    const QCborMap map{{u"p"_s, QByteArray(Protocol::MaxMessageSize - 6, 'x')}};
    const QByteArray body = map.toCborValue().toCbor();
    QCOMPARE(body.size(), Protocol::MaxMessageSize);

    PipeDevice device;
    ControlChannel channel(&device);
    QSignalSpy received(&channel, &ControlChannel::messageReceived);
    QSignalSpy failed(&channel, &ControlChannel::failed);
    device.feed(frame(body));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(received.count(), 1);
    QCOMPARE(receivedMap(received, 0), map);
}

void tst_ControlChannel::oversizedLengthFailsBeforeTheBody_data()
{
    QTest::addColumn<quint32>("length");

    QTest::newRow("limit + 1") << quint32(Protocol::MaxMessageSize + 1);
    QTest::newRow("1 MiB") << quint32(1024 * 1024);
    QTest::newRow("4 GiB - 1") << quint32(0xffffffffu);
}

void tst_ControlChannel::oversizedLengthFailsBeforeTheBody()
{
    QFETCH(quint32, length);

    PipeDevice device;
    ControlChannel channel(&device);
    QSignalSpy received(&channel, &ControlChannel::messageReceived);
    QSignalSpy failed(&channel, &ControlChannel::failed);

    device.feed(lengthPrefix(length)); // the header alone, no body byte
    QCOMPARE(failed.count(), 1);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QString::number(length)), qPrintable(reason));
    QVERIFY2(reason.contains(QString::number(Protocol::MaxMessageSize)), qPrintable(reason));
    QCOMPARE(received.count(), 0);
}

void tst_ControlChannel::oversizedLengthOverSocket()
{
    SocketPair pair;
    QVERIFY(pair.connect());
    ControlChannel receiver(pair.accepted.get());
    QSignalSpy received(&receiver, &ControlChannel::messageReceived);
    QSignalSpy failed(&receiver, &ControlChannel::failed);

    const quint32 length = quint32(Protocol::MaxMessageSize) * 4;
    pair.client.write(lengthPrefix(length)); // the body never comes
    QVERIFY(failed.count() || failed.wait());
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QString::number(length)),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(received.count(), 0);
}

void tst_ControlChannel::malformedMessageFails_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty body") << QByteArray();
    QTest::newRow("array") << QCborValue(QCborArray{1, 2}).toCbor();
    QTest::newRow("integer") << QCborValue(7).toCbor();
    QTest::newRow("string") << QCborValue(u"hello"_s).toCbor();
    QTest::newRow("null") << QCborValue(QCborValue::Null).toCbor();
    QTest::newRow("not CBOR") << "\xff\xff\xff"_ba;
    QTest::newRow("truncated map") << "\xa2\x61\x61\x01"_ba; // two pairs announced, one given
    QTest::newRow("text") << "type=hello"_ba;
}

void tst_ControlChannel::malformedMessageFails()
{
    QFETCH(QByteArray, body);

    PipeDevice device;
    ControlChannel channel(&device);
    QSignalSpy received(&channel, &ControlChannel::messageReceived);
    QSignalSpy failed(&channel, &ControlChannel::failed);
    device.feed(frame(body));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QCOMPARE(received.count(), 0);

    // the same over a socket
    SocketPair pair;
    QVERIFY(pair.connect());
    ControlChannel receiver(pair.accepted.get());
    QSignalSpy overSocket(&receiver, &ControlChannel::failed);
    pair.client.write(frame(body));
    QVERIFY(overSocket.count() || overSocket.wait());
    QCOMPARE(overSocket.count(), 1);
}

void tst_ControlChannel::nothingIsReadAfterAFailure()
{
    PipeDevice device;
    ControlChannel channel(&device);
    QSignalSpy received(&channel, &ControlChannel::messageReceived);
    QSignalSpy failed(&channel, &ControlChannel::failed);

    device.feed(frame(message(1)) + frame(QCborValue(1).toCbor()) + frame(message(2)));
    QCOMPARE(received.count(), 1);
    QCOMPARE(failed.count(), 1);
    device.feed(frame(message(3)));
    device.feed(lengthPrefix(0xffffffffu));
    QCOMPARE(received.count(), 1); // the channel is dead: no message, no second failure
    QCOMPARE(failed.count(), 1);
}

void tst_ControlChannel::sendWithoutDeviceIsHarmless()
{
    auto device = std::make_unique<PipeDevice>();
    ControlChannel channel(device.get());
    device.reset();
    QCOMPARE(channel.device(), nullptr);
    channel.send(message(1)); // must not crash
}

QTEST_GUILESS_MAIN(tst_ControlChannel)

#include "tst_controlchannel.moc"
