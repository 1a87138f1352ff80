// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Cluster mode in one process: three rok-server cores sharing one real redis-server, real
// TunnelClients (behind a round-robin TCP balancer, as HAProxy would be) and a local service.
// A visitor is served whichever node it reaches; a name is one tunnel's in the whole cluster; a
// client whose node goes away gets its name back through another; a Redis outage keeps open
// tunnels working, refuses new ones with a clear error, and heals; a node id in use elsewhere
// stops the node that comes second; a TCP tunnel's visitor is served at any node that can bind
// its port.

#include "cluster/cluster.h"
#include "cluster/leasestore.h"
#include "controlmessages.h"
#include "httpvisit.h"
#include "rawclient.h"
#include "redisserver.h"
#include "server.h"
#include "tcpbalancer.h"
#include "testcertificates.h"
#include "testhttpservice.h"
#include "tls/tls.h"
#include "tunnel.h"
#include "tunnelclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class tst_Cluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aVisitorIsServedWhicheverNodeItReaches();
    void aNameIsOneTunnelsInTheWholeCluster();
    void aNameNoNodeHoldsIs404OnEveryNode();
    void aRandomNameAnotherNodeHoldsIsSwapped();
    void aClientGetsItsNameBackThroughAnotherNode();
    void aRedisOutageKeepsTunnelsAndRefusesNewOnes();
    void aNodeIdInUseElsewhereStopsTheNode();
    void aTcpVisitorIsServedWhicheverNodeItReaches();
    void nodesWithACertificateLinkOverTls();
    void aTokensLimitCountsOnEveryNode();

private:
    ServerConfig nodeConfig(const QString &id) const;
    Server *startNode(const QString &id, const QHostAddress &bind = QHostAddress::LocalHost);
    Server *startNodeWith(const ServerConfig &config);
    TunnelClient *startClient(const QString &subdomain, quint16 controlPort = 0);
    TunnelClient *startClientWith(TunnelOptions options, quint16 controlPort = 0);
    static QByteArray statusOverTcp(const QHostAddress &address, quint16 port);
    HttpVisit *visit(quint16 port, const QByteArray &host, const QByteArray &path = "/");
    Server *nodeHolding(const QString &name) const;

    std::unique_ptr<RedisServer> m_redis;
    std::unique_ptr<TestHttpService> m_local;
    std::vector<std::unique_ptr<Server>> m_nodes;
    std::unique_ptr<TcpBalancer> m_balancer; // in front of the nodes' control ports
    std::vector<std::unique_ptr<TunnelClient>> m_clients;
};

void tst_Cluster::init()
{
    m_redis = std::make_unique<RedisServer>();
    QVERIFY(m_redis->start());
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
    QList<quint16> controlPorts;
    for (const QString &id : {u"node-1"_s, u"node-2"_s, u"node-3"_s}) {
        Server *node = startNode(id);
        QVERIFY(node);
        controlPorts.append(node->controlPort());
    }
    m_balancer = std::make_unique<TcpBalancer>(controlPorts);
    QVERIFY(m_balancer->listen(QHostAddress::LocalHost, 0));
}

void tst_Cluster::cleanup()
{
    m_clients.clear();
    m_balancer.reset();
    m_nodes.clear();
    m_local.reset();
    m_redis.reset();
    // What went with deleteLater() (a client's TLS connection closing) goes now: after the last
    // test no event loop would run it, and LeakSanitizer would count it.
    for (int round = 0; round < 3; ++round) { // one deletion may post the next
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

ServerConfig tst_Cluster::nodeConfig(const QString &id) const
{
    ServerConfig config;
    config.bind = QHostAddress::LocalHost;
    config.httpPort = 0;
    config.controlPort = 0;
    config.reservation = 3s;
    QString error;
    config.redis = RedisClient::parseUrl(m_redis->url(), &error);
    config.redis->firstRetry = 50ms;
    config.redis->maxRetry = 200ms;
    config.nodeId = id;
    config.nodeAddress = std::pair(QHostAddress(QHostAddress::LocalHost), quint16(0));
    config.leaseTtl = 1s;
    return config;
}

Server *tst_Cluster::startNode(const QString &id, const QHostAddress &bind)
{
    ServerConfig config = nodeConfig(id);
    config.bind = bind;
    return startNodeWith(config);
}

Server *tst_Cluster::startNodeWith(const ServerConfig &config)
{
    auto server = std::make_unique<Server>(config);
    QString error;
    if (!server->start(&error)) {
        qWarning("node %s did not start: %s", qPrintable(config.nodeId), qPrintable(error));
        return nullptr;
    }
    if (!QTest::qWaitFor([&server] { return server->cluster()->leases().isAnnounced(); }, 5000))
        return nullptr;
    m_nodes.push_back(std::move(server));
    return m_nodes.back().get();
}

TunnelClient *tst_Cluster::startClient(const QString &subdomain, quint16 controlPort)
{
    TunnelOptions options;
    options.subdomain = subdomain;
    return startClientWith(options, controlPort);
}

TunnelClient *tst_Cluster::startClientWith(TunnelOptions options, quint16 controlPort)
{
    options.server.endpoint = {u"127.0.0.1"_s,
                               controlPort ? controlPort : m_balancer->serverPort()};
    options.local = {u"127.0.0.1"_s, m_local->serverPort()};
    options.firstRetry = 50ms;
    options.maxRetry = 200ms;
    m_clients.push_back(std::make_unique<TunnelClient>(options));
    m_clients.back()->start();
    return m_clients.back().get();
}

HttpVisit *tst_Cluster::visit(quint16 port, const QByteArray &host, const QByteArray &path)
{
    auto *visit = new HttpVisit(port, host, "GET", path, 0, this);
    visit->start();
    return visit;
}

Server *tst_Cluster::nodeHolding(const QString &name) const
{
    for (const auto &node : m_nodes) {
        if (node->tunnelFor(name))
            return node.get();
    }
    return nullptr;
}

void tst_Cluster::aVisitorIsServedWhicheverNodeItReaches()
{
    TunnelClient *client = startClient(u"otter"_s);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    Server *holder = nodeHolding(u"otter"_s);
    QVERIFY(holder);
    for (const auto &node : m_nodes) {
        const QByteArray host = "otter.localhost:" + QByteArray::number(node->httpPort());
        auto *page = new HttpVisit(node->httpPort(), host, "GET", "/headers", 0, this);
        // From 127.0.0.2: the service must see the visitor's address, not the node's.
        QVERIFY(page->socket()->bind(QHostAddress(u"127.0.0.2"_s)));
        page->start();
        QTRY_VERIFY(page->isDone());
        QCOMPARE(page->error(), QString());
        QCOMPARE(page->status(), 200);
        QVERIFY2(page->body().contains("X-Forwarded-For: 127.0.0.2\r\n"), page->body().constData());
        QVERIFY2(page->body().contains("Host: " + host + "\r\n"), page->body().constData());
    }
    // The nodes that do not hold it each linked with the one that does.
    QCOMPARE(holder->cluster()->linkCount(), 2);
    // Every request was counted once, by the tunnel's own node.
    QTRY_COMPARE(holder->tunnelFor(u"otter"_s)->traffic().requests, 3);
    // Each node sees the cluster: three nodes, the holder with its one lease.
    const auto view = [](const Server &node) {
        QStringList seen;
        for (const QJsonValue &each : node.cluster()->viewJson().value(u"nodes"_s).toArray())
            seen.append(u"%1:%2"_s.arg(each[u"id"_s].toString()).arg(each[u"leases"_s].toInt()));
        return seen.join(u' ');
    };
    QString expected;
    for (const auto &node : m_nodes)
        expected += u"%1:%2 "_s.arg(node->cluster()->node()).arg(node.get() == holder ? 1 : 0);
    for (const auto &node : m_nodes)
        QTRY_COMPARE(view(*node), expected.trimmed());
}

void tst_Cluster::aNameIsOneTunnelsInTheWholeCluster()
{
    TunnelClient *first = startClient(u"otter"_s);
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    Server *holder = nodeHolding(u"otter"_s);
    // A second client on every node: each says who has it.
    for (const auto &node : m_nodes) {
        if (node.get() == holder)
            continue;
        TunnelClient *second = startClient(u"otter"_s, node->controlPort());
        QSignalSpy error(second, &TunnelClient::errorOccurred);
        QTRY_COMPARE(second->state(), TunnelClient::State::Failed);
        const QString message = second->lastError();
        QVERIFY2(message.contains(u"otter is in use by another tunnel (on node "_s
                                  + holder->cluster()->node()),
                 qPrintable(message));
    }
    QCOMPARE(first->state(), TunnelClient::State::Online);
}

void tst_Cluster::aNameNoNodeHoldsIs404OnEveryNode()
{
    for (const auto &node : m_nodes) {
        HttpVisit *page = visit(node->httpPort(), "nobody.localhost");
        QTRY_VERIFY(page->isDone());
        QCOMPARE(page->status(), 404);
        QVERIFY(page->body().contains("No tunnel is open at nobody.localhost"));
    }
}

void tst_Cluster::aRandomNameAnotherNodeHoldsIsSwapped()
{
    TunnelClient *first = startClient(u"otter"_s, m_nodes[0]->controlPort());
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    // node-2 draws otter first: free there, held by node-1 in Redis.
    QStringList draws{u"otter"_s, u"seal"_s};
    m_nodes[1]->setNameGenerator(
            [&draws] { return draws.size() > 1 ? draws.takeFirst() : draws.first(); });
    TunnelClient *second = startClient({}, m_nodes[1]->controlPort());
    QTRY_COMPARE(second->state(), TunnelClient::State::Online);
    QVERIFY2(second->url().startsWith(u"http://seal.localhost:"_s), qPrintable(second->url()));
    QVERIFY(m_nodes[1]->tunnelFor(u"seal"_s));
    QVERIFY(!m_nodes[1]->tunnelFor(u"otter"_s));
    QCOMPARE(first->state(), TunnelClient::State::Online);
}

// The client's node goes away: the client reconnects through the balancer to another node and
// takes its name back with its resume key; visitors reach it through every node left.
void tst_Cluster::aClientGetsItsNameBackThroughAnotherNode()
{
    TunnelClient *client = startClient(u"otter"_s);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const auto holder = std::find_if(m_nodes.begin(), m_nodes.end(), [](const auto &node) {
        return node->tunnelFor(u"otter"_s) != nullptr;
    });
    QVERIFY(holder != m_nodes.end());
    QList<quint16> left;
    for (const auto &node : m_nodes) {
        if (node != *holder)
            left.append(node->controlPort());
    }
    m_balancer->setBackends(left);
    m_nodes.erase(holder); // its sockets close: the client sees its connection end

    QTRY_VERIFY_WITH_TIMEOUT(nodeHolding(u"otter"_s) != nullptr, 10000);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QVERIFY(client->url().startsWith(u"http://otter.localhost:"_s));
    for (const auto &node : m_nodes) {
        HttpVisit *page =
                visit(node->httpPort(), "otter.localhost:" + QByteArray::number(node->httpPort()));
        QTRY_VERIFY(page->isDone());
        QCOMPARE(page->status(), 200);
    }
}

void tst_Cluster::aRedisOutageKeepsTunnelsAndRefusesNewOnes()
{
    TunnelClient *client = startClient(u"otter"_s);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    Server *holder = nodeHolding(u"otter"_s);
    m_redis->stop();
    QTRY_VERIFY(!holder->cluster()->isRedisUp());

    // The open tunnel serves on through its own node.
    const QByteArray host = "otter.localhost:" + QByteArray::number(holder->httpPort());
    HttpVisit *page = visit(holder->httpPort(), host);
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->status(), 200);

    // A new tunnel is refused, and the client keeps trying.
    TunnelClient *late = startClient(u"seal"_s);
    QSignalSpy errors(late, &TunnelClient::errorOccurred);
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY2(errors.at(0).at(0).toString().contains(u"cannot open tunnels for now"_s),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(errors.at(0).at(1).toBool(), false); // not fatal

    // Redis is back, empty: the nodes write their leases again, the late client gets in.
    QVERIFY(m_redis->start());
    QTRY_VERIFY_WITH_TIMEOUT(late->state() == TunnelClient::State::Online, 10000);
    QCOMPARE(client->state(), TunnelClient::State::Online);
    TunnelClient *thief = startClient(u"otter"_s);
    QTRY_COMPARE(thief->state(), TunnelClient::State::Failed); // otter is held again
}

void tst_Cluster::aNodeIdInUseElsewhereStopsTheNode()
{
    ServerConfig config = nodeConfig(u"node-1"_s);
    Server twin(config);
    QSignalSpy stopped(&twin, &Server::stopped);
    QString error;
    QVERIFY2(twin.start(&error), qPrintable(error));
    QVERIFY(stopped.wait());
    QCOMPARE(twin.exitCode(), 1);
}

// An HTTP request over a plain TCP connection to ADDRESS:PORT: the answer's status line, empty
// when the connection was refused or reset.
QByteArray tst_Cluster::statusOverTcp(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(address, port);
    socket.write("GET / HTTP/1.1\r\nHost: tcp\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            5000);
    received += socket.readAll();
    return received.left(received.indexOf("\r\n"));
}

// A TCP tunnel's port is a lease too. Every node that can bind it listens on it as well and
// hands its visitors to the holder, so a balancer (or DNS) in front of the port range may send
// a TCP visitor to any node. Nodes on their own loopback addresses, as on their own hosts.
void tst_Cluster::aTcpVisitorIsServedWhicheverNodeItReaches()
{
    const QHostAddress first(u"127.0.0.1"_s), second(u"127.0.0.2"_s), third(u"127.0.0.3"_s);
    Server *nodeB = startNode(u"node-b"_s, second);
    Server *nodeC = startNode(u"node-c"_s, third);
    QVERIFY(nodeB && nodeC);
    Server *holder = m_nodes[0].get();
    m_balancer->setBackends(QList<quint16>{holder->controlPort()});
    TunnelOptions options;
    options.protocol = TunnelOptions::Protocol::Tcp;
    TunnelClient *client = startClientWith(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const quint16 port = quint16(QUrl(client->url()).port());
    QVERIFY(holder->cluster()->leases().holds(Cluster::portKey(port)));
    // The holder's own port at once; the others' once they have read rok:ports (TTL/3). node-2
    // and node-3 share 127.0.0.1 with the holder: they cannot bind the port, and leave it.
    QCOMPARE(statusOverTcp(first, port), "HTTP/1.1 200 OK");
    QTRY_COMPARE(statusOverTcp(second, port), "HTTP/1.1 200 OK");
    QTRY_COMPARE(statusOverTcp(third, port), "HTTP/1.1 200 OK");
    QCOMPARE(nodeC->clusterJson().value(u"remote_ports"_s).toInt(), 1);
    QCOMPARE(m_nodes[1]->clusterJson().value(u"remote_ports"_s).toInt(), 0);

    // Another client asks node-b for that very port: node-b stops listening on it for the
    // claim, which Redis refuses (node-1 holds it), then listens on it again for node-1.
    RawClient thief(nodeB->controlPort(), second);
    thief.control->send(Protocol::Hello{.version = 3}.toCbor());
    QVERIFY(thief.replies->wait());
    thief.control->send(Protocol::Open{.protocol = u"tcp"_s,
                                       .port = port,
                                       .resume = QByteArray(Protocol::ResumeKeySize, 'x'),
                                       .tunnel = 1}
                                .toCbor());
    QTRY_COMPARE(thief.replies->count(), 2);
    const Protocol::Error refused = Protocol::Error::fromCbor(thief.reply(1));
    QCOMPARE(refused.code, Protocol::ErrorCode::NoPort);
    QVERIFY2(refused.message.contains(u"is in use on node node-1"_s), qPrintable(refused.message));
    QTRY_COMPARE(statusOverTcp(second, port), "HTTP/1.1 200 OK");

    // The holder goes: the client comes back through node-b and asks for its port there, which
    // node-b stops listening on for the dead node and binds for the tunnel. node-c now hands
    // its visitors to node-b.
    m_balancer->setBackends(QList<TcpBalancer::Backend>{{second, nodeB->controlPort()}});
    m_nodes.erase(m_nodes.begin());
    QTRY_VERIFY_WITH_TIMEOUT(nodeB->cluster()->leases().holds(Cluster::portKey(port)), 10000);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QCOMPARE(QUrl(client->url()).port(), port);
    QCOMPARE(statusOverTcp(second, port), "HTTP/1.1 200 OK");
    QTRY_COMPARE(statusOverTcp(third, port), "HTTP/1.1 200 OK");

    // The client leaves: its port is only reserved now, and no node listens on it.
    m_clients.clear();
    QTRY_COMPARE(statusOverTcp(third, port), QByteArray());
    QCOMPARE(statusOverTcp(second, port), QByteArray());
}

// Nodes with a certificate for their control port (the same files on each, as a deployment
// has) link to each other over TLS too; a visitor is forwarded over it.
void tst_Cluster::nodesWithACertificateLinkOverTls()
{
    QTemporaryDir files;
    const auto identity = TestCertificates::issue(u"localhost"_s, nullptr);
    ServerConfig config = nodeConfig(u"tls-1"_s);
    config.tlsCertFile = TestCertificates::writeFile(QDir(files.path()), u"cert.pem"_s,
                                                     identity.certificate.toPem());
    config.tlsKeyFile =
            TestCertificates::writeFile(QDir(files.path()), u"key.pem"_s, identity.key.toPem());
    Server *holder = startNodeWith(config);
    config.nodeId = u"tls-2"_s;
    Server *other = startNodeWith(config);
    QVERIFY(holder && other);
    TunnelOptions options;
    options.subdomain = u"otter"_s;
    options.server.transport = ServerAddress::Transport::Tls;
    options.trust.pinnedSha256 = Tls::fingerprint(identity.certificate);
    TunnelClient *client = startClientWith(options, holder->controlPort());
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    HttpVisit *page =
            visit(other->httpPort(), "otter.localhost:" + QByteArray::number(other->httpPort()));
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->status(), 200);
    QCOMPARE(other->clusterJson().value(u"links_tls"_s).toBool(), true);
    QCOMPARE(other->cluster()->linkCount(), 1);
    QCOMPARE(m_nodes[0]->clusterJson().value(u"links_tls"_s).toBool(), false);
}

// --max-tunnels-per-token counts a token's tunnels on every node: with a limit of 1, a second
// tunnel through another node is refused (not fatal: the client tries again), and gets in once
// the first has closed.
void tst_Cluster::aTokensLimitCountsOnEveryNode()
{
    ServerConfig config = nodeConfig(u"limited-1"_s);
    config.maxTunnelsPerToken = 1;
    Server *first = startNodeWith(config);
    config.nodeId = u"limited-2"_s;
    Server *second = startNodeWith(config);
    QVERIFY(first && second);
    TunnelClient *otter = startClient(u"otter"_s, first->controlPort());
    QTRY_COMPARE(otter->state(), TunnelClient::State::Online);
    TunnelClient *seal = startClient(u"seal"_s, second->controlPort());
    QSignalSpy errors(seal, &TunnelClient::errorOccurred);
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY2(errors.at(0).at(0).toString().contains(
                     u"this token has 1 tunnels open in the cluster"_s),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(errors.at(0).at(1).toBool(), false); // not fatal
    m_clients.erase(m_clients.begin()); // otter's client leaves
    QTRY_COMPARE(seal->state(), TunnelClient::State::Online);
    QVERIFY(second->tunnelFor(u"seal"_s));
}

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
