// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "frame.h"
#include "muxsession.h"
#include "muxstream.h"
#include "rawframe.h"
#include "tcppair.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Yamux;
using namespace std::chrono_literals;

namespace {

// Two connected loopback sockets.
struct SocketPair
{
    QTcpSocket *client = nullptr;
    QTcpSocket *server = nullptr;
};

SocketPair connectedPair()
{
    QTcpServer listener;
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return {};
    auto *client = new QTcpSocket;
    client->connectToHost(QHostAddress::LocalHost, listener.serverPort());
    if (!client->waitForConnected(5000) || !listener.waitForNewConnection(5000))
        return {};
    QTcpSocket *server = listener.nextPendingConnection();
    server->setParent(nullptr);
    return {client, server};
}

// The headers of the frames in `bytes`, skipping Data payloads.
QList<FrameHeader> headersIn(const QByteArray &bytes)
{
    QList<FrameHeader> headers;
    qsizetype at = 0;
    while (bytes.size() - at >= HeaderSize) {
        const FrameHeader header = FrameHeader::decode(bytes.constData() + at);
        headers.append(header);
        at += HeaderSize + (header.type == FrameType::Data ? qsizetype(header.length) : 0);
    }
    return headers;
}

bool hasReset(const QList<FrameHeader> &headers, quint32 id)
{
    return std::any_of(headers.cbegin(), headers.cend(), [id](const FrameHeader &header) {
        return header.streamId == id && header.has(Rst);
    });
}

} // namespace

class tst_MuxSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MuxStream *>();
        qRegisterMetaType<GoAwayCode>();
    }
    void init();
    void cleanup();

    void frameHeaderRoundTrip();
    void openWriteRead();
    void bothSidesOpenStreams();
    void windowBoundsBufferedData();
    void slowStreamDoesNotStallOthers();
    void halfCloseKeepsOtherDirection();
    void resetReachesPeer();
    void pingMeasuresRoundTrip();
    void deadPeerIsDetected();
    void goAwayStopsNewStreams();
    void transportLossFailsStreams();
    void garbageIsProtocolError();
    void oversizedFrameRejectedBeforePayload();
    void windowOverrunIsProtocolError();
    void wrongStreamIdIsProtocolError();
    void streamLimitResetsExtraStreams();
    void floodWithoutReadingIsDropped_data();
    void floodWithoutReadingIsDropped();
    void outboundStreamsAreCapped();
    void unacknowledgedOpenIsReset();
    void streamIdExhaustionSaysGoAway();
    void goAwayDrainDeliversEverythingThenCloses();
    void drainWithoutStreamsClosesAtOnce();
    void drainLimitClosesStuckStreams();

private:
    std::unique_ptr<MuxSession> m_client;
    std::unique_ptr<MuxSession> m_server;
    QTcpSocket *m_rawPeer = nullptr; // for tests that speak bytes to one session
    QPointer<QTcpSocket> m_serverTransport; // the socket under m_server, with a raw peer

    void makeSessions(MuxSession::Options options = {});
    void makeServerWithRawPeer(MuxSession::Options options = {});
};

void tst_MuxSession::init()
{
    m_rawPeer = nullptr;
}

void tst_MuxSession::cleanup()
{
    m_client.reset();
    m_server.reset();
    delete m_rawPeer;
    m_rawPeer = nullptr;
}

void tst_MuxSession::makeSessions(MuxSession::Options options)
{
    const SocketPair pair = connectedPair();
    QVERIFY(pair.client && pair.server);
    m_client = std::make_unique<MuxSession>(pair.client, MuxSession::Side::Client, options);
    m_server = std::make_unique<MuxSession>(pair.server, MuxSession::Side::Server, options);
}

void tst_MuxSession::makeServerWithRawPeer(MuxSession::Options options)
{
    const SocketPair pair = connectedPair();
    QVERIFY(pair.client && pair.server);
    m_rawPeer = pair.client;
    m_serverTransport = pair.server;
    m_server = std::make_unique<MuxSession>(pair.server, MuxSession::Side::Server, options);
}

void tst_MuxSession::frameHeaderRoundTrip()
{
    FrameHeader header;
    header.type = FrameType::WindowUpdate;
    header.flags = Syn | Fin;
    header.streamId = 0x01020304;
    header.length = 0xa0b0c0d0;
    const QByteArray raw = header.encode();
    QCOMPARE(raw.size(), HeaderSize);
    QCOMPARE(raw.toHex(),
             QByteArray("000100050102030"
                        "4a0b0c0d0"));
    const FrameHeader back = FrameHeader::decode(raw.constData());
    QCOMPARE(back.type, FrameType::WindowUpdate);
    QCOMPARE(back.flags, quint16(Syn | Fin));
    QCOMPARE(back.streamId, 0x01020304u);
    QCOMPARE(back.length, 0xa0b0c0d0u);
}

void tst_MuxSession::openWriteRead()
{
    makeSessions();
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    MuxStream *stream = m_client->openStream();
    QVERIFY(stream);
    QCOMPARE(stream->id() % 2, 1u); // clients use odd ids
    stream->write("hello");
    QVERIFY(opened.count() || opened.wait());
    auto *remote = opened.at(0).at(0).value<MuxStream *>();
    QCOMPARE(remote->id(), stream->id());
    QTRY_COMPARE(remote->bytesAvailable(), 5);
    QCOMPARE(remote->readAll(), QByteArray("hello"));
    remote->write("world");
    QTRY_COMPARE(stream->bytesAvailable(), 5);
    QCOMPARE(stream->readAll(), QByteArray("world"));
}

void tst_MuxSession::bothSidesOpenStreams()
{
    makeSessions();
    QSignalSpy atClient(m_client.get(), &MuxSession::streamOpened);
    QSignalSpy atServer(m_server.get(), &MuxSession::streamOpened);
    MuxStream *fromServer = m_server->openStream();
    MuxStream *fromClient = m_client->openStream();
    QCOMPARE(fromServer->id() % 2, 0u);
    fromServer->write("s");
    fromClient->write("c");
    QTRY_COMPARE(atClient.count(), 1);
    QTRY_COMPARE(atServer.count(), 1);
    auto *a = atClient.at(0).at(0).value<MuxStream *>();
    auto *b = atServer.at(0).at(0).value<MuxStream *>();
    QTRY_COMPARE(a->bytesAvailable(), 1);
    QTRY_COMPARE(b->bytesAvailable(), 1);
    QCOMPARE(a->readAll(), QByteArray("s"));
    QCOMPARE(b->readAll(), QByteArray("c"));
    QCOMPARE(m_client->streamCount(), 2);
}

void tst_MuxSession::windowBoundsBufferedData()
{
    makeSessions();
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    MuxStream *stream = m_client->openStream();
    const QByteArray data = bytePattern(2 * 1024 * 1024);
    stream->write(data);
    QVERIFY(opened.count() || opened.wait());
    auto *remote = opened.at(0).at(0).value<MuxStream *>();
    // Nobody reads: exactly one window crosses, the rest waits at the sender.
    QTRY_COMPARE(remote->bytesAvailable(), qint64(InitialWindow));
    QTest::qWait(100); // and no more arrives
    QCOMPARE(remote->bytesAvailable(), qint64(InitialWindow));
    QCOMPARE(stream->bytesToWrite(), data.size() - qint64(InitialWindow));

    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += remote->readAll(), received.size() == data.size()),
                             20000);
    QCOMPARE(received, data);
}

void tst_MuxSession::slowStreamDoesNotStallOthers()
{
    makeSessions();
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    MuxStream *stalled = m_client->openStream();
    stalled->write(bytePattern(1024 * 1024)); // its reader never reads
    MuxStream *busy = m_client->openStream();
    const QByteArray data = bytePattern(4 * 1024 * 1024);
    busy->write(data);
    QTRY_COMPARE(opened.count(), 2);
    auto *remoteBusy = opened.at(1).at(0).value<MuxStream *>();
    QCOMPARE(remoteBusy->id(), busy->id());
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += remoteBusy->readAll(), received.size() == data.size()),
                             20000);
    QCOMPARE(received, data);
}

void tst_MuxSession::halfCloseKeepsOtherDirection()
{
    makeSessions();
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    MuxStream *stream = m_client->openStream();
    stream->write("question");
    stream->closeWrite();
    QVERIFY(opened.count() || opened.wait());
    auto *remote = opened.at(0).at(0).value<MuxStream *>();
    QTRY_COMPARE(remote->bytesAvailable(), 8); // data and FIN came in one frame
    QCOMPARE(remote->readAll(), QByteArray("question"));
    QVERIFY(remote->atReadEnd());
    QVERIFY(!remote->isFinished());

    QSignalSpy clientFinished(stream, &DuplexDevice::finished);
    remote->write("answer after the FIN");
    remote->closeWrite();
    QTRY_COMPARE(clientFinished.count(), 1);
    QCOMPARE(stream->readAll(), QByteArray("answer after the FIN"));
    QVERIFY(!stream->hasFailed());
    QTRY_VERIFY(remote->isFinished());
    QTRY_COMPARE(m_client->streamCount(), 0);
    QTRY_COMPARE(m_server->streamCount(), 0);
}

void tst_MuxSession::resetReachesPeer()
{
    makeSessions();
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    MuxStream *stream = m_client->openStream();
    stream->write("x");
    QVERIFY(opened.count() || opened.wait());
    auto *remote = opened.at(0).at(0).value<MuxStream *>();
    QSignalSpy finished(remote, &DuplexDevice::finished);
    stream->abort();
    QVERIFY(finished.count() || finished.wait());
    QVERIFY(remote->hasFailed());
    QVERIFY(remote->errorString().contains(u"reset"));
}

void tst_MuxSession::pingMeasuresRoundTrip()
{
    MuxSession::Options options;
    options.keepAliveInterval = std::chrono::milliseconds(20);
    makeSessions(options);
    QCOMPARE(m_client->lastRoundTripMs(), -1);
    QTRY_VERIFY(m_client->lastRoundTripMs() >= 0);
    QVERIFY(m_client->isOpen());
}

void tst_MuxSession::deadPeerIsDetected()
{
    MuxSession::Options options;
    options.keepAliveInterval = std::chrono::milliseconds(50);
    options.deadPeerTimeout = std::chrono::milliseconds(300);
    makeServerWithRawPeer(options); // the raw peer never answers a ping
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    QVERIFY(closed.wait(5000));
    QVERIFY(closed.at(0).at(0).toString().contains(u"no answer"));
    QVERIFY(!m_server->isOpen());
}

void tst_MuxSession::goAwayStopsNewStreams()
{
    makeSessions();
    QSignalSpy goAway(m_client.get(), &MuxSession::goAwayReceived);
    m_server->goAway();
    QVERIFY(goAway.wait());
    QCOMPARE(goAway.at(0).at(0).value<GoAwayCode>(), GoAwayCode::Normal);
    QCOMPARE(m_client->openStream(), nullptr);
    QCOMPARE(m_server->openStream(), nullptr);
}

void tst_MuxSession::transportLossFailsStreams()
{
    makeServerWithRawPeer();
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    m_rawPeer->write(rawFrame(FrameType::WindowUpdate, Syn, 1, 0));
    QVERIFY(opened.wait());
    auto *stream = opened.at(0).at(0).value<MuxStream *>();
    QSignalSpy finished(stream, &DuplexDevice::finished);
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    m_rawPeer->abort();
    QVERIFY(closed.wait());
    QCOMPARE(finished.count(), 1);
    QVERIFY(stream->hasFailed());
}

void tst_MuxSession::garbageIsProtocolError()
{
    makeServerWithRawPeer();
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    m_rawPeer->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(closed.wait());
    QVERIFY2(closed.at(0).at(0).toString().contains(u"version"),
             qPrintable(closed.at(0).at(0).toString()));
    // The peer is told why before the connection closes: a GoAway with ProtocolError.
    QTRY_VERIFY(m_rawPeer->bytesAvailable() >= HeaderSize
                || m_rawPeer->state() == QAbstractSocket::UnconnectedState);
    const QByteArray reply = m_rawPeer->readAll();
    QVERIFY(reply.size() >= HeaderSize);
    const FrameHeader goAway = FrameHeader::decode(reply.constData());
    QCOMPARE(goAway.type, FrameType::GoAway);
    QCOMPARE(goAway.length, quint32(GoAwayCode::ProtocolError));
}

void tst_MuxSession::oversizedFrameRejectedBeforePayload()
{
    makeServerWithRawPeer();
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    m_rawPeer->write(rawFrame(FrameType::Data, Syn, 1, 64 * 1024 * 1024)); // header only
    QVERIFY(closed.wait());
    QVERIFY(closed.at(0).at(0).toString().contains(u"larger than"));
}

void tst_MuxSession::windowOverrunIsProtocolError()
{
    makeServerWithRawPeer();
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    m_rawPeer->write(
            rawFrame(FrameType::Data, Syn, 1, InitialWindow, QByteArray(InitialWindow, 'a')));
    m_rawPeer->write(rawFrame(FrameType::Data, 0, 1, 1, "b")); // no window left for this byte
    QVERIFY(closed.wait());
    QVERIFY(closed.at(0).at(0).toString().contains(u"window"));
}

void tst_MuxSession::wrongStreamIdIsProtocolError()
{
    makeServerWithRawPeer();
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    m_rawPeer->write(rawFrame(FrameType::WindowUpdate, Syn, 2, 0)); // even ids are the server's
    QVERIFY(closed.wait());
    QVERIFY(closed.at(0).at(0).toString().contains(u"stream id"));
}

void tst_MuxSession::streamLimitResetsExtraStreams()
{
    MuxSession::Options options;
    options.maxStreams = 2;
    makeSessions(options);
    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    MuxStream *a = m_client->openStream();
    MuxStream *b = m_client->openStream();
    MuxStream *c = m_client->openStream();
    QSignalSpy cFinished(c, &DuplexDevice::finished);
    QVERIFY(cFinished.wait());
    QVERIFY(c->hasFailed());
    QCOMPARE(opened.count(), 2);
    QVERIFY(!a->isFinished());
    QVERIFY(!b->isFinished());
    QVERIFY(m_server->isOpen());
}

void tst_MuxSession::floodWithoutReadingIsDropped_data()
{
    QTest::addColumn<QByteArray>("unit"); // what the peer sends, over and over
    QTest::addColumn<int>("maxStreams");
    // Each asks for an answer: a ping's ACK, the ACK of a stream it resets at once, or the
    // RST of a stream over the limit.
    QTest::newRow("pings") << rawFrame(FrameType::Ping, Syn, 0, 7) << 4096;
    QTest::newRow("opens and resets") << rawFrame(FrameType::WindowUpdate, Syn, 1, 0)
                    + rawFrame(FrameType::WindowUpdate, Rst, 1, 0)
                                      << 4096;
    QTest::newRow("opens over the limit") << rawFrame(FrameType::WindowUpdate, Syn, 1, 0) << 0;
}

void tst_MuxSession::floodWithoutReadingIsDropped()
{
    QFETCH(QByteArray, unit);
    QFETCH(int, maxStreams);
    MuxSession::Options options;
    options.writeTimeout = 300ms;
    options.maxStreams = maxStreams;
    makeServerWithRawPeer(options);
    connect(m_server.get(), &MuxSession::streamOpened, this, [](MuxStream *stream) {
        connect(stream, &DuplexDevice::finished, stream, &QObject::deleteLater);
    });
    // The peer reads nothing, and small kernel buffers make the answers pile up in this process.
    m_rawPeer->setReadBufferSize(1);
    m_rawPeer->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8192);
    m_serverTransport->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 8192);

    QByteArray burst;
    while (burst.size() < 64 * 1024)
        burst += unit;
    qint64 mostQueued = 0;
    QPointer<QTcpSocket> transport = m_serverTransport;
    const auto floodAndMeasure = [&] {
        if (transport)
            mostQueued = qMax(mostQueued, transport->bytesToWrite());
        while (m_rawPeer->bytesToWrite() < 256 * 1024)
            m_rawPeer->write(burst);
    };
    QObject scope; // ends the connections with this function
    connect(m_rawPeer, &QIODevice::bytesWritten, &scope, floodAndMeasure);
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, &scope, floodAndMeasure);
    sampler.start(5ms);
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    floodAndMeasure();

    QVERIFY(closed.wait(10'000));
    const QString reason = closed.at(0).at(0).toString();
    QVERIFY2(reason.contains(u"stopped reading for 0.3 s"), qPrintable(reason));
    // The flood reached the bound (or the test proves nothing), and the bound held.
    QVERIFY2(mostQueued >= MuxSession::TransportHighWater, qPrintable(QString::number(mostQueued)));
    QVERIFY2(mostQueued < 3 * MuxSession::TransportHighWater,
             qPrintable(QString::number(mostQueued)));
}

void tst_MuxSession::outboundStreamsAreCapped()
{
    MuxSession::Options options;
    options.maxOutboundStreams = 2;
    makeSessions(options);
    MuxStream *first = m_server->openStream();
    QVERIFY(first);
    QVERIFY(m_server->openStream());
    QCOMPARE(m_server->openStream(), nullptr); // the caller answers 503
    QCOMPARE(m_server->outboundStreamCount(), 2);
    QVERIFY(m_server->isOpen());

    QSignalSpy opened(m_server.get(), &MuxSession::streamOpened);
    QVERIFY(m_client->openStream()); // the peer's streams do not count
    QVERIFY(opened.count() || opened.wait());
    QCOMPARE(m_server->outboundStreamCount(), 2);

    first->abort(); // a slot comes free
    QCOMPARE(m_server->outboundStreamCount(), 1);
    QVERIFY(m_server->openStream());
}

void tst_MuxSession::unacknowledgedOpenIsReset()
{
    MuxSession::Options options;
    options.streamOpenTimeout = 500ms;
    makeServerWithRawPeer(options);
    MuxStream *ignored = m_server->openStream();
    MuxStream *accepted = m_server->openStream();
    m_rawPeer->write(rawFrame(FrameType::WindowUpdate, Ack, accepted->id(), 0)); // only this one
    QSignalSpy finished(ignored, &DuplexDevice::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(ignored->hasFailed());
    QVERIFY2(ignored->errorString().contains(u"did not accept the stream within 0.5 s"),
             qPrintable(ignored->errorString()));
    QVERIFY(!accepted->isFinished());
    QCOMPARE(m_server->streamCount(), 1);
    QCOMPARE(m_server->outboundStreamCount(), 1);
    QVERIFY(m_server->isOpen());
    // The peer is told, in case its ACK is only late.
    QByteArray received;
    QTRY_VERIFY((received += m_rawPeer->readAll(), hasReset(headersIn(received), ignored->id())));
    QVERIFY(!hasReset(headersIn(received), accepted->id()));
}

void tst_MuxSession::streamIdExhaustionSaysGoAway()
{
    MuxSession::Options options;
    options.lastStreamId = 4; // the server's ids are 2 and 4
    makeSessions(options);
    QSignalSpy opened(m_client.get(), &MuxSession::streamOpened);
    QSignalSpy goAway(m_client.get(), &MuxSession::goAwayReceived);
    QSignalSpy closed(m_server.get(), &MuxSession::closed);
    MuxStream *first = m_server->openStream();
    MuxStream *last = m_server->openStream();
    QVERIFY(first && last);
    QCOMPARE(last->id(), 4u);
    QCOMPARE(m_server->openStream(), nullptr); // 6 would be past the last id
    QVERIFY(goAway.count() || goAway.wait());
    QVERIFY(m_server->isDraining());

    // The streams already open still work, and the session ends once they are done.
    last->write("still here");
    QTRY_COMPARE(opened.count(), 2);
    auto *remoteLast = opened.at(1).at(0).value<MuxStream *>();
    QTRY_COMPARE(remoteLast->bytesAvailable(), 10);
    for (MuxStream *stream : {first, last, opened.at(0).at(0).value<MuxStream *>(), remoteLast})
        stream->closeWrite();
    QVERIFY(closed.count() || closed.wait());
    QCOMPARE(closed.at(0).at(0).toString(), QString());
    QVERIFY(!last->hasFailed());
}

void tst_MuxSession::goAwayDrainDeliversEverythingThenCloses()
{
    makeSessions();
    // A server that drains when its client says goodbye, as ClientSession does.
    connect(m_server.get(), &MuxSession::goAwayReceived, m_server.get(),
            [this] { m_server->closeWhenDrained(); });
    QSignalSpy opened(m_client.get(), &MuxSession::streamOpened);
    MuxStream *visitor = m_server->openStream();
    visitor->write("GET /large");
    QVERIFY(opened.count() || opened.wait());
    auto *local = opened.at(0).at(0).value<MuxStream *>();
    const QByteArray answer = bytePattern(2 * 1024 * 1024);
    local->write(answer); // most of it waits at the client: one window crosses at a time
    QTRY_VERIFY(visitor->bytesAvailable() > 0);

    // rok stops during the download.
    QSignalSpy clientClosed(m_client.get(), &MuxSession::closed);
    QSignalSpy serverClosed(m_server.get(), &MuxSession::closed);
    m_client->closeWhenDrained(20s);
    local->closeWrite();
    QCOMPARE(m_client->openStream(), nullptr);
    QTRY_VERIFY(m_server->isDraining());
    QCOMPARE(m_server->openStream(), nullptr); // no new visitors

    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += visitor->readAll(), visitor->atReadEnd()), 20'000);
    QCOMPARE(received.size(), answer.size());
    QCOMPARE(received, answer);
    QVERIFY(!visitor->hasFailed());
    QCOMPARE(serverClosed.count(), 0); // the visitor has not finished yet

    visitor->closeWrite();
    QTRY_COMPARE(serverClosed.count(), 1);
    QTRY_COMPARE(clientClosed.count(), 1);
    QCOMPARE(serverClosed.at(0).at(0).toString(), QString());
    QCOMPARE(clientClosed.at(0).at(0).toString(), QString());
    QVERIFY(!local->hasFailed());
    QVERIFY(!visitor->hasFailed());
}

void tst_MuxSession::drainWithoutStreamsClosesAtOnce()
{
    makeSessions();
    QSignalSpy goAway(m_client.get(), &MuxSession::goAwayReceived);
    m_server->closeWhenDrained();
    QVERIFY(!m_server->isOpen());
    QCOMPARE(m_server->closeReason(), QString());
    QVERIFY(goAway.count() || goAway.wait()); // and the peer heard why
}

void tst_MuxSession::drainLimitClosesStuckStreams()
{
    makeSessions();
    MuxStream *stuck = m_client->openStream(); // nobody ever ends it
    QSignalSpy finished(stuck, &DuplexDevice::finished);
    QSignalSpy closed(m_client.get(), &MuxSession::closed);
    m_client->closeWhenDrained(200ms);
    QVERIFY(m_client->isOpen());
    QVERIFY(closed.wait(5000));
    QVERIFY2(closed.at(0).at(0).toString().contains(u"did not finish within 0.2 s"),
             qPrintable(closed.at(0).at(0).toString()));
    QCOMPARE(finished.count(), 1);
    QVERIFY(stuck->hasFailed());
}

QTEST_GUILESS_MAIN(tst_MuxSession)
#include "tst_muxsession.moc"
