// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// NodeLinks: two nodes' links on loopback. A stream carries its visitor's header and bytes both
// ways; one link serves both directions; a node without the secret gets no stream, and one that
// skips its proof has nothing taken; a malformed header drops that stream, not the link; an
// unreachable node is a nullptr, soon.

#include "cluster/nodelinks.h"
#include "controlchannel.h"
#include "muxsession.h"
#include "muxstream.h"
#include "protocol.h"
#include "testcertificates.h"
#include "tls/tls.h"

#include <QCborValue>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A node's TLS configuration with a certificate of its own, as --self-signed gives each node.
QSslConfiguration tlsFor(const QString &node)
{
    const auto identity = TestCertificates::issue(node, nullptr);
    return Tls::serverConfiguration({identity.certificate}, identity.key);
}

// Relays TCP between a node and the one that dials it, keeping what passes either way.
class Tap : public QTcpServer
{
public:
    explicit Tap(quint16 target)
        : m_target(target)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *front = nextPendingConnection()) {
                auto *back = new QTcpSocket(front);
                back->connectToHost(QHostAddress::LocalHost, m_target);
                relay(front, back);
                relay(back, front);
            }
        });
    }
    QByteArray seen() const { return m_seen; }

private:
    void relay(QTcpSocket *from, QTcpSocket *to)
    {
        connect(from, &QIODevice::readyRead, to, [this, from, to] {
            const QByteArray bytes = from->readAll();
            m_seen += bytes;
            to->write(bytes);
        });
    }
    quint16 m_target;
    QByteArray m_seen;
};

// A party in the middle: ends the dialling node's TLS with a certificate of its own, opens
// its own TLS to the node dialled, and passes what it decrypts on, both ways.
class TlsMiddle : public QTcpServer
{
public:
    TlsMiddle(quint16 target, const QSslConfiguration &own)
        : m_target(target)
        , m_own(own)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *front = new QSslSocket(this);
        front->setSocketDescriptor(descriptor);
        front->setSslConfiguration(m_own);
        front->startServerEncryption();
        auto *back = new QSslSocket(front);
        QSslConfiguration any = QSslConfiguration::defaultConfiguration();
        any.setPeerVerifyMode(QSslSocket::VerifyNone);
        back->setSslConfiguration(any);
        back->connectToHostEncrypted(u"127.0.0.1"_s, m_target);
        connect(front, &QIODevice::readyRead, back,
                [front, back] { back->write(front->readAll()); });
        connect(back, &QIODevice::readyRead, front,
                [front, back] { front->write(back->readAll()); });
    }

private:
    quint16 m_target;
    QSslConfiguration m_own;
};

} // namespace

class tst_NodeLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aStreamCarriesItsVisitorBothWays();
    void oneLinkServesBothDirections();
    void aNodeWithoutTheSecretGetsNoStream();
    void aStreamOpenedBeforeAWrongProofIsNotTaken();
    void aMalformedHeaderDropsTheStreamNotTheLink();
    void anUnreachableNodeIsANullptr();
    void aHeaderNamesATunnelOrAPortNeverBoth();
    void aTlsLinkShowsNothingOnTheWire();
    void aPartyInTheMiddleWithItsOwnCertificateFailsTheProof();
    void aTlsNodeAndAPlainNodeDoNotLink_data();
    void aTlsNodeAndAPlainNodeDoNotLink();

private:
    static QString addressOf(const NodeLinks &links)
    {
        return u"127.0.0.1:"_s + QString::number(links.port());
    }
    // Both with TLS, each with a certificate of its own; b listening.
    static bool listenWithTls(NodeLinks &a, NodeLinks &b)
    {
        a.setTls(tlsFor(u"node-a"_s));
        b.setTls(tlsFor(u"node-b"_s));
        QString error;
        return b.listen(QHostAddress::LocalHost, 0, &error);
    }
    static MuxStream *open(NodeLinks &from, const QString &node, const QString &address)
    {
        std::optional<MuxStream *> result;
        from.openStream(node, address, [&result](MuxStream *stream) { result = stream; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            return nullptr;
        return *result;
    }
};

void tst_NodeLinks::initTestCase()
{
    qRegisterMetaType<MuxStream *>(); // for QSignalSpy on visitorArrived
    qRegisterMetaType<ForwardedVisitor>();
}

void tst_NodeLinks::aStreamCarriesItsVisitorBothWays()
{
    NodeLinks a(u"node-a"_s, "secret");
    NodeLinks b(u"node-b"_s, "secret");
    QString error;
    QVERIFY(b.listen(QHostAddress::LocalHost, 0, &error));
    QSignalSpy arrived(&b, &NodeLinks::visitorArrived);
    QSignalSpy up(&a, &NodeLinks::linkUp);

    MuxStream *stream = open(a, u"node-b"_s, addressOf(b));
    QVERIFY(stream);
    QCOMPARE(up.count(), 1);
    QCOMPARE(up.at(0).at(0).toString(), u"node-b"_s);
    const ForwardedVisitor visitor{u"otter"_s, u"[2001:db8::7]:52114"_s, true};
    stream->write(visitor.toFrame() + "GET / HTTP/1.1\r\n");
    QTRY_COMPARE(arrived.count(), 1);
    auto *there = arrived.at(0).at(0).value<MuxStream *>();
    const auto header = arrived.at(0).at(1).value<ForwardedVisitor>();
    QCOMPARE(header.name, u"otter"_s);
    QCOMPARE(header.address(), QHostAddress(u"2001:db8::7"_s));
    QCOMPARE(header.port(), 52114);
    QVERIFY(header.https);
    QByteArray request; // the header taken off, and not a byte more
    QTRY_VERIFY((request += there->readAll()).size() >= 16);
    QCOMPARE(request, "GET / HTTP/1.1\r\n"_ba);
    there->write("HTTP/1.1 200 OK\r\n");
    QByteArray response;
    QTRY_VERIFY((response += stream->readAll()).size() >= 17);
    QCOMPARE(response, "HTTP/1.1 200 OK\r\n"_ba);
}

void tst_NodeLinks::oneLinkServesBothDirections()
{
    NodeLinks a(u"node-a"_s, "secret"); // does not even listen
    NodeLinks b(u"node-b"_s, "secret");
    QString error;
    QVERIFY(b.listen(QHostAddress::LocalHost, 0, &error));
    QSignalSpy arrivedAtA(&a, &NodeLinks::visitorArrived);
    QVERIFY(open(a, u"node-b"_s, addressOf(b)));
    QTRY_COMPARE(b.linkCount(), 1);
    // b reaches a over the link a made, by a's node id; the address is not used.
    MuxStream *back = open(b, u"node-a"_s, u"127.0.0.1:1"_s);
    QVERIFY(back);
    back->write(ForwardedVisitor{u"seal"_s, u"127.0.0.1:4000"_s}.toFrame());
    QTRY_COMPARE(arrivedAtA.count(), 1);
    QCOMPARE(a.linkCount(), 1);
    QCOMPARE(b.linkCount(), 1);
}

void tst_NodeLinks::aNodeWithoutTheSecretGetsNoStream()
{
    NodeLinks a(u"node-a"_s, "guess");
    NodeLinks b(u"node-b"_s, "secret");
    QString error;
    QVERIFY(b.listen(QHostAddress::LocalHost, 0, &error));
    QSignalSpy down(&a, &NodeLinks::linkDown);
    QSignalSpy arrived(&b, &NodeLinks::visitorArrived);
    QCOMPARE(open(a, u"node-b"_s, addressOf(b)), nullptr);
    QCOMPARE(down.count(), 1);
    QCOMPARE(down.at(0).at(1).toString(), u"the node does not hold the cluster secret"_s);
    QCOMPARE(a.linkCount(), 0);
    QTRY_COMPARE(b.linkCount(), 0);
    QCOMPARE(arrived.count(), 0);
}

// By hand: hello, then a visitor stream right behind a proof that is wrong. The stream must not
// reach the node, and the link must go.
void tst_NodeLinks::aStreamOpenedBeforeAWrongProofIsNotTaken()
{
    NodeLinks b(u"node-b"_s, "secret");
    QString error;
    QVERIFY(b.listen(QHostAddress::LocalHost, 0, &error));
    QSignalSpy arrived(&b, &NodeLinks::visitorArrived);
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, b.port());
    QVERIFY(socket->waitForConnected());
    MuxSession session(socket, MuxSession::Side::Client);
    ControlChannel control(session.openStream());
    QSignalSpy replies(&control, &ControlChannel::messageReceived);
    control.send({{u"type"_s, u"node_hello"_s},
                  {u"node"_s, u"mallory"_s},
                  {u"nonce"_s, QByteArray(32, 'n')}});
    QVERIFY(replies.wait());
    control.send({{u"type"_s, u"node_proof"_s}, {u"proof"_s, QByteArray(32, 'p')}});
    MuxStream *visitor = session.openStream();
    visitor->write(ForwardedVisitor{u"otter"_s, u"6.6.6.6:1"_s}.toFrame() + "GET /");
    QSignalSpy closed(&session, &MuxSession::closed);
    QVERIFY(closed.wait());
    QCOMPARE(arrived.count(), 0);
    QCOMPARE(b.linkCount(), 0);
}

void tst_NodeLinks::aMalformedHeaderDropsTheStreamNotTheLink()
{
    NodeLinks a(u"node-a"_s, {});
    NodeLinks b(u"node-b"_s, {});
    QString error;
    QVERIFY(b.listen(QHostAddress::LocalHost, 0, &error));
    QSignalSpy arrived(&b, &NodeLinks::visitorArrived);
    MuxStream *bad = open(a, u"node-b"_s, addressOf(b));
    QVERIFY(bad);
    QSignalSpy reset(bad, &DuplexDevice::finished);
    bad->write(QByteArray::fromHex("000fffff") + "GET / HTTP/1.1\r\n"); // a header of 1 MiB
    QVERIFY(reset.wait());
    QVERIFY(bad->hasFailed());
    MuxStream *notAMap = open(a, u"node-b"_s, addressOf(b));
    QSignalSpy reset2(notAMap, &DuplexDevice::finished);
    notAMap->write(Protocol::frame({{u"name"_s, 7}}));
    QVERIFY(reset2.wait());
    MuxStream *good = open(a, u"node-b"_s, addressOf(b));
    QVERIFY(good);
    good->write(ForwardedVisitor{u"otter"_s, u"127.0.0.1:5"_s}.toFrame());
    QTRY_COMPARE(arrived.count(), 1);
    QCOMPARE(a.linkCount(), 1);
}

void tst_NodeLinks::anUnreachableNodeIsANullptr()
{
    QTcpServer closed; // a port nobody listens on, found by listening and closing
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    const QString address = u"127.0.0.1:"_s + QString::number(port);
    closed.close();
    NodeLinks a(u"node-a"_s, {});
    QSignalSpy down(&a, &NodeLinks::linkDown);
    QCOMPARE(open(a, u"node-b"_s, address), nullptr);
    QCOMPARE(down.count(), 1);
    // Every visitor of a dead node asks for it: it is not dialled again at once, and its
    // outage is one line, not one per visitor.
    QTcpServer revived; // were it dialled, this would take the connection
    QVERIFY(revived.listen(QHostAddress::LocalHost, port));
    QCOMPARE(open(a, u"node-b"_s, address), nullptr);
    QVERIFY(!revived.hasPendingConnections());
    QCOMPARE(down.count(), 1);
    QCOMPARE(open(a, u"node-b"_s, u"not an address"_s), nullptr);
}

void tst_NodeLinks::aHeaderNamesATunnelOrAPortNeverBoth()
{
    const auto read = [](const QByteArray &frame) {
        return ForwardedVisitor::fromCbor(QCborValue::fromCbor(frame.mid(4)).toMap());
    };
    const auto http = read(ForwardedVisitor{u"otter"_s, u"[::1]:7"_s, true}.toFrame());
    QVERIFY(http);
    QCOMPARE(http->name, u"otter"_s);
    QCOMPARE(http->tunnelPort, 0);
    QVERIFY(http->https);
    QCOMPARE(http->address(), QHostAddress(u"::1"_s));
    QCOMPARE(http->port(), 7);
    const auto tcp =
            read(ForwardedVisitor{.visitor = u"10.0.0.1:9"_s, .tunnelPort = 10022}.toFrame());
    QVERIFY(tcp);
    QCOMPARE(tcp->name, QString());
    QCOMPARE(tcp->tunnelPort, 10022);

    const QString visitor = u"10.0.0.1:9"_s;
    const auto refused = [&](const QCborMap &map) { return !ForwardedVisitor::fromCbor(map); };
    QVERIFY(refused({{u"name"_s, u"otter"_s}, {u"visitor"_s, visitor}, {u"port"_s, 10022}}));
    QVERIFY(refused({{u"name"_s, QString()}, {u"visitor"_s, visitor}})); // neither
    QVERIFY(refused({{u"name"_s, QString()}, {u"visitor"_s, visitor}, {u"port"_s, 0}}));
    QVERIFY(refused({{u"name"_s, QString()}, {u"visitor"_s, visitor}, {u"port"_s, 65536}}));
    QVERIFY(refused({{u"name"_s, QString()}, {u"visitor"_s, visitor}, {u"port"_s, u"22"_s}}));
    QVERIFY(refused({{u"name"_s, QString()}, {u"visitor"_s, visitor}, {u"port"_s, -1}}));
    QVERIFY(refused({{u"port"_s, 22}, {u"visitor"_s, visitor}})); // no name at all
    QVERIFY(refused({{u"name"_s, u"otter"_s}, {u"visitor"_s, u"nowhere"_s}}));
    QVERIFY(!refused({{u"name"_s, QString()}, {u"visitor"_s, visitor}, {u"port"_s, 65535}}));
}

// With TLS (a node with --tls-cert or --self-signed), nothing of a visitor crosses in clear,
// not even the tunnel's name; a relay that only passes bytes on does not stop the link.
void tst_NodeLinks::aTlsLinkShowsNothingOnTheWire()
{
    NodeLinks a(u"node-a"_s, "secret");
    NodeLinks b(u"node-b"_s, "secret");
    QVERIFY(listenWithTls(a, b));
    Tap tap(b.port());
    QVERIFY(tap.listen(QHostAddress::LocalHost, 0));
    QSignalSpy arrived(&b, &NodeLinks::visitorArrived);
    MuxStream *stream = open(a, u"node-b"_s, u"127.0.0.1:"_s + QString::number(tap.serverPort()));
    QVERIFY(stream);
    stream->write(ForwardedVisitor{u"otter"_s, u"127.0.0.1:5"_s}.toFrame()
                  + "GET /the-visitors-secret HTTP/1.1\r\n");
    QTRY_COMPARE(arrived.count(), 1);
    QCOMPARE(arrived.at(0).at(1).value<ForwardedVisitor>().name, u"otter"_s);
    auto *there = arrived.at(0).at(0).value<MuxStream *>();
    QByteArray request;
    QTRY_VERIFY((request += there->readAll()).size() >= 35);
    QCOMPARE(request, "GET /the-visitors-secret HTTP/1.1\r\n"_ba);
    QVERIFY(tap.seen().size() > 35);
    QVERIFY(!tap.seen().contains("the-visitors-secret"));
    QVERIFY(!tap.seen().contains("otter"));
    QVERIFY(!tap.seen().contains("node-a")); // the hello is inside TLS too
}

// The dialling node takes any certificate, but both proofs of the cluster secret cover the one
// it sees: a party in the middle that shows its own cannot pass the real node's proof on.
void tst_NodeLinks::aPartyInTheMiddleWithItsOwnCertificateFailsTheProof()
{
    NodeLinks a(u"node-a"_s, "secret");
    NodeLinks b(u"node-b"_s, "secret");
    QVERIFY(listenWithTls(a, b));
    TlsMiddle middle(b.port(), tlsFor(u"mallory"_s));
    QVERIFY(middle.listen(QHostAddress::LocalHost, 0));
    QSignalSpy arrived(&b, &NodeLinks::visitorArrived);
    QSignalSpy down(&a, &NodeLinks::linkDown);
    QCOMPARE(open(a, u"node-b"_s, u"127.0.0.1:"_s + QString::number(middle.serverPort())), nullptr);
    QCOMPARE(down.count(), 1);
    QVERIFY2(down.at(0).at(1).toString().contains(u"a party in the middle"_s),
             qPrintable(down.at(0).at(1).toString()));
    QCOMPARE(a.linkCount(), 0);
    QCOMPARE(b.linkCount(), 0);
    QCOMPARE(arrived.count(), 0);
}

void tst_NodeLinks::aTlsNodeAndAPlainNodeDoNotLink_data()
{
    QTest::addColumn<bool>("diallerHasTls");
    QTest::newRow("TLS to plain") << true;
    QTest::newRow("plain to TLS") << false;
}

// Every node of a cluster has TLS, or none: a mix does not link, and says why.
void tst_NodeLinks::aTlsNodeAndAPlainNodeDoNotLink()
{
    QFETCH(bool, diallerHasTls);
    NodeLinks a(u"node-a"_s, "secret");
    NodeLinks b(u"node-b"_s, "secret");
    (diallerHasTls ? a : b).setTls(tlsFor(u"node"_s));
    QString error;
    QVERIFY(b.listen(QHostAddress::LocalHost, 0, &error));
    QSignalSpy down(&a, &NodeLinks::linkDown);
    QCOMPARE(open(a, u"node-b"_s, addressOf(b)), nullptr);
    QCOMPARE(down.count(), 1);
    QVERIFY2(down.at(0).at(1).toString().contains(u"do the nodes agree on TLS?"_s),
             qPrintable(down.at(0).at(1).toString()));
}

QTEST_GUILESS_MAIN(tst_NodeLinks)
#include "tst_nodelinks.moc"
