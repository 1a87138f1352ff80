// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Cluster mode end to end: Debian's redis-server and HAProxy (TCP mode, round robin, for the
// control port and the HTTP edge), three built rok-server nodes, built rok clients and curl, all
// on loopback. Clients spread across the nodes and every visitor is served whichever node
// HAProxy picks; a node killed with SIGKILL loses no name for long, as its clients come back
// through the others; a Redis restart under traffic fails no request; a TCP tunnel's visitors
// are served at every node, HAProxy over the port range in front.

#include "curl.h"
#include "jsonprocess.h"
#include "redisserver.h"
#include "testhttpservice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// `count` ports in a row that nothing listens on; {0, 0} if none were found.
std::pair<quint16, quint16> freePorts(int count)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const quint16 first = quint16(QRandomGenerator::global()->bounded(30000, 32000));
        bool free = true;
        for (int i = 0; i < count && free; ++i) {
            QTcpServer probe;
            free = probe.listen(QHostAddress::Any, quint16(first + i));
        }
        if (free)
            return {first, quint16(first + count - 1)};
    }
    return {0, 0};
}

struct Node
{
    std::unique_ptr<JsonProcess> process;
    QString id;
    QString address; // each its own loopback address, as each would have its own host
    quint16 httpPort = 0;
    quint16 controlPort = 0;
    quint16 adminPort = 0;
};

} // namespace

class tst_ClusterEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyVisitorIsServedThroughTheBalancer();
    void aKilledNodesClientsGetTheirNamesBack();
    void aRedisRestartFailsNoRequest();
    void tcpVisitorsAreServedThroughTheBalancer();

private:
    bool startNode(const QString &id, const QString &address);
    bool startHaproxy();
    JsonProcess *startClient(const QString &subdomain);
    CurlResult get(const QString &name, const QString &path = u"/"_s);
    int nodeHolding(const QString &name) const; // index into m_nodes, -1: none
    int nodeHoldingUrl(const QString &prefix) const;

    std::unique_ptr<RedisServer> m_redis;
    std::unique_ptr<TestHttpService> m_local;
    std::vector<Node> m_nodes;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_haproxy;
    quint16 m_controlPort = 0; // HAProxy's
    quint16 m_httpPort = 0;
    // Every node's --tcp-ports, and HAProxy's too: it sends a visitor to the same port of the
    // next node.
    std::pair<quint16, quint16> m_tcpPorts;
    std::vector<std::unique_ptr<JsonProcess>> m_clients;
};

void tst_ClusterEndToEnd::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(ROK_SERVER_BINARY)), ROK_SERVER_BINARY);
    QVERIFY2(QFile::exists(QStringLiteral(ROK_CLIENT_BINARY)), ROK_CLIENT_BINARY);
    for (const char *program : {"haproxy", "redis-server", "curl"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(program),
                                                 {u"/usr/sbin"_s, u"/usr/bin"_s})
                          .isEmpty(),
                 program); // scripts/install-deps installs them
    }
}

void tst_ClusterEndToEnd::init()
{
    m_redis = std::make_unique<RedisServer>();
    QVERIFY(m_redis->start());
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
    m_tcpPorts = freePorts(5);
    QVERIFY(m_tcpPorts.first != 0);
    for (int i = 1; i <= 3; ++i)
        QVERIFY(startNode(u"node-%1"_s.arg(i), u"127.0.0.%1"_s.arg(i + 1)));
    QVERIFY(startHaproxy());
}

void tst_ClusterEndToEnd::cleanup()
{
    m_clients.clear();
    if (m_haproxy) {
        m_haproxy->kill();
        m_haproxy->waitForFinished();
        m_haproxy.reset();
    }
    m_nodes.clear();
    m_local.reset();
    m_redis.reset();
}

bool tst_ClusterEndToEnd::startNode(const QString &id, const QString &address)
{
    Node node;
    node.id = id;
    node.address = address;
    node.process = std::make_unique<JsonProcess>(
            QStringLiteral(ROK_SERVER_BINARY),
            QStringList{u"--bind"_s,
                        address,
                        u"--tcp-ports"_s,
                        u"%1-%2"_s.arg(m_tcpPorts.first).arg(m_tcpPorts.second),
                        u"--http-port"_s,
                        u"0"_s,
                        u"--control-port"_s,
                        u"0"_s,
                        u"--log-format"_s,
                        u"json"_s,
                        u"--redis"_s,
                        m_redis->url(),
                        u"--node-id"_s,
                        id,
                        u"--node-address"_s,
                        address + u":0"_s,
                        u"--lease-ttl"_s,
                        u"1"_s,
                        u"--reserve-seconds"_s,
                        u"5"_s,
                        u"--admin-listen"_s,
                        u"127.0.0.1:0"_s});
    const QJsonObject listening = node.process->waitFor(u"listening"_s);
    node.httpPort = quint16(listening.value(u"http_port"_s).toInt());
    node.controlPort = quint16(listening.value(u"control_port"_s).toInt());
    node.adminPort = quint16(listening.value(u"admin_port"_s).toInt());
    if (node.process->waitFor(u"cluster_joined"_s).isEmpty()) {
        qWarning() << id << "did not join:" << node.process->standardError();
        return false;
    }
    m_nodes.push_back(std::move(node));
    return true;
}

// TCP mode, round robin, with health checks and a retry on another node when one refuses: the
// usual HAProxy in front of a pool. It knows nothing of names.
bool tst_ClusterEndToEnd::startHaproxy()
{
    m_controlPort = freePort();
    m_httpPort = freePort();
    QByteArray config = "global\n  maxconn 4096\n"
                        "defaults\n  mode tcp\n  timeout connect 1s\n  timeout client 60s\n"
                        "  timeout server 60s\n  retries 3\n  option redispatch 1\n";
    // A server without a port gets the port the visitor came to: the TCP tunnels' range.
    const auto section = [this, &config](const char *name, const QByteArray &ports, auto portOf) {
        config += "listen " + QByteArray(name) + "\n  bind 127.0.0.1:" + ports
                + "\n  balance roundrobin\n";
        for (const Node &node : m_nodes) {
            const quint16 port = portOf(node);
            config += "  server " + node.id.toLatin1() + ' ' + node.address.toLatin1()
                    + (port ? ':' + QByteArray::number(port)
                            : " port " + QByteArray::number(node.controlPort))
                    + " check inter 300ms fall 1 rise 1\n";
        }
    };
    section("control", QByteArray::number(m_controlPort),
            [](const Node &node) { return node.controlPort; });
    section("http", QByteArray::number(m_httpPort), [](const Node &node) { return node.httpPort; });
    section("tcp",
            QByteArray::number(m_tcpPorts.first) + '-' + QByteArray::number(m_tcpPorts.second),
            [](const Node &) { return quint16(0); });
    const QString path = m_dir.filePath(u"haproxy.cfg"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return false;
    file.close();
    m_haproxy = std::make_unique<QProcess>();
    m_haproxy->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_haproxy->start(QStandardPaths::findExecutable(u"haproxy"_s, {u"/usr/sbin"_s, u"/usr/bin"_s}),
                     {u"-db"_s, u"-f"_s, path});
    if (!m_haproxy->waitForStarted())
        return false;
    // Ready when it answers on the HTTP port (with a node's 404).
    return QTest::qWaitFor([this] { return get(u"nobody"_s).output.contains("No tunnel is open"); },
                           10000);
}

JsonProcess *tst_ClusterEndToEnd::startClient(const QString &subdomain)
{
    m_clients.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY),
            QStringList{u"http"_s, QString::number(m_local->serverPort()), u"--subdomain"_s,
                        subdomain, u"--json"_s, u"--server"_s,
                        u"127.0.0.1:"_s + QString::number(m_controlPort)}));
    return m_clients.back().get();
}

CurlResult tst_ClusterEndToEnd::get(const QString &name, const QString &path)
{
    return curl({u"--max-time"_s, u"10"_s, u"-H"_s, u"Host: %1.localhost"_s.arg(name),
                 u"http://127.0.0.1:%1%2"_s.arg(m_httpPort).arg(path)},
                15000);
}

int tst_ClusterEndToEnd::nodeHolding(const QString &name) const
{
    return nodeHoldingUrl(u"http://%1."_s.arg(name));
}

int tst_ClusterEndToEnd::nodeHoldingUrl(const QString &prefix) const
{
    // The node that logged the tunnel's opening last, and has not closed it since.
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        int opened = 0;
        for (const QJsonObject &event : m_nodes[i].process->events(u"tunnel_opened"_s))
            opened += event.value(u"url"_s).toString().startsWith(prefix);
        for (const QJsonObject &event : m_nodes[i].process->events(u"tunnel_closed"_s))
            opened -= event.value(u"url"_s).toString().startsWith(prefix);
        if (opened > 0)
            return int(i);
    }
    return -1;
}

void tst_ClusterEndToEnd::everyVisitorIsServedThroughTheBalancer()
{
    const QStringList names{u"otter"_s, u"seal"_s, u"walrus"_s};
    for (const QString &name : names)
        QVERIFY(!startClient(name)->waitFor(u"tunnel_opened"_s).isEmpty());
    // Round robin: the three clients are on three nodes.
    QSet<int> holders;
    for (const QString &name : names) {
        QTRY_VERIFY(nodeHolding(name) >= 0);
        holders.insert(nodeHolding(name));
    }
    QCOMPARE(holders.size(), 3);
    // Nine visits per name: each node gets three of each, two of them forwarded.
    for (int round = 0; round < 9; ++round) {
        for (const QString &name : names) {
            const CurlResult result = get(name, u"/headers"_s);
            QVERIFY2(result.exitCode == 0, result.error.constData());
            QVERIFY2(result.output.contains("Host: " + name.toLatin1() + ".localhost\r\n"),
                     result.output.constData());
        }
    }
    // The nodes linked with each other, and only once per pair.
    for (const Node &node : m_nodes)
        QCOMPARE(node.process->events(u"node_link_up"_s).size() <= 2, true);

    // Each node's admin listener shows the cluster: /api/cluster, and /metrics (promtool-valid).
    const QString admin = u"http://127.0.0.1:%1"_s.arg(m_nodes[0].adminPort);
    QTRY_VERIFY_WITH_TIMEOUT(
            [&admin] {
                const QJsonObject view =
                        QJsonDocument::fromJson(curl({admin + u"/api/cluster"_s}).output).object();
                const QJsonArray nodes = view.value(u"nodes"_s).toArray();
                int leases = 0;
                for (const QJsonValue &node : nodes)
                    leases += node[u"leases"_s].toInt();
                return view.value(u"node"_s).toString() == u"node-1" && nodes.size() == 3
                        && leases == 3;
            }(),
            5000);
    const CurlResult metrics = curl({admin + u"/metrics"_s});
    QVERIFY(metrics.output.contains("\nrok_cluster_nodes 3\n"));
    QVERIFY(metrics.output.contains("rok_cluster_forwarded_visitors_total{direction=\"out\"}"));
    QProcess promtool;
    promtool.start(u"promtool"_s, {u"check"_s, u"metrics"_s});
    promtool.write(metrics.output);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished());
    QVERIFY2(promtool.exitCode() == 0, promtool.readAllStandardError().constData());
    const QJsonArray tunnels =
            QJsonDocument::fromJson(curl({admin + u"/api/tunnels"_s}).output).array();
    for (const QJsonValue &tunnel : tunnels)
        QCOMPARE(tunnel[u"node"_s].toString(), u"node-1"_s);
}

void tst_ClusterEndToEnd::aKilledNodesClientsGetTheirNamesBack()
{
    const QStringList names{u"otter"_s, u"seal"_s, u"walrus"_s};
    for (const QString &name : names)
        QVERIFY(!startClient(name)->waitFor(u"tunnel_opened"_s).isEmpty());
    QTRY_VERIFY(nodeHolding(u"otter"_s) >= 0);
    const int victim = nodeHolding(u"otter"_s);
    QCOMPARE(get(u"otter"_s).exitCode, 0);

    QElapsedTimer clock;
    clock.start();
    m_nodes[size_t(victim)].process->signal(SIGKILL);
    QVERIFY(m_nodes[size_t(victim)].process->waitForExit());
    // Every name is served at once, through whichever node HAProxy picks: a visitor of the dead
    // node's tunnel waits for its client to come back through another node, it gets no error.
    for (int round = 0; round < 2; ++round) {
        for (const QString &name : names) {
            const CurlResult result = get(name);
            QVERIFY2(result.output == TestHttpService::Page,
                     qPrintable(name + u": "_s + QString::fromUtf8(result.output + result.error)));
        }
    }
    const qint64 failover = clock.elapsed();
    qInfo("every name served, none failed, within %lld ms of the kill", failover);
    QVERIFY2(failover < 10000, qPrintable(QString::number(failover)));
    // The client of the dead node opened its tunnel again, with the same name. (The URL's port
    // is its node's HTTP port, which differs here: in a deployment every node has the public
    // one.)
    const auto reopened = [this] {
        for (const auto &client : m_clients) {
            const QList<QJsonObject> opened = client->events(u"tunnel_opened"_s);
            if (opened.size() == 2)
                return QUrl(opened.at(0).value(u"url"_s).toString()).host()
                        == QUrl(opened.at(1).value(u"url"_s).toString()).host();
        }
        return false;
    };
    QTRY_VERIFY(reopened());
}

void tst_ClusterEndToEnd::aRedisRestartFailsNoRequest()
{
    QVERIFY(!startClient(u"otter"_s)->waitFor(u"tunnel_opened"_s).isEmpty());
    for (int i = 0; i < 3; ++i) // once through each node: each knows where otter is
        QCOMPARE(get(u"otter"_s).output, TestHttpService::Page);
    m_redis->stop();
    // Every node still reaches the tunnel: the holder serves it, the others remember it.
    for (int i = 0; i < 6; ++i)
        QCOMPARE(get(u"otter"_s).output, TestHttpService::Page);
    // A name no node has seen cannot be looked up: a clear 503, not a hang or a 404.
    const CurlResult unknown = get(u"seal"_s);
    QVERIFY2(unknown.output.contains("cannot find the tunnel's node right now"),
             unknown.output.constData());
    QVERIFY(m_redis->start());
    // Redis is back (and empty): the holder writes its lease again, every node serves.
    QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                for (int i = 0; i < 3; ++i) {
                    if (get(u"otter"_s).output != TestHttpService::Page)
                        return false;
                }
                return true;
            }(),
            10000);
    QVERIFY(!startClient(u"seal"_s)->waitFor(u"tunnel_opened"_s).isEmpty());
}

// A TCP tunnel behind HAProxy over the whole port range: each visitor goes to the next node,
// which serves it whether or not it holds the tunnel. After a SIGKILL of the holder, the client
// comes back through another node with the same port, and every visitor is served again.
void tst_ClusterEndToEnd::tcpVisitorsAreServedThroughTheBalancer()
{
    m_clients.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY),
            QStringList{u"tcp"_s, QString::number(m_local->serverPort()), u"--json"_s,
                        u"--server"_s, u"127.0.0.1:"_s + QString::number(m_controlPort)}));
    const QString url = m_clients.back()->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString();
    const QString page = u"http://127.0.0.1:%1/"_s.arg(QUrl(url).port());
    QVERIFY2(url.startsWith(u"tcp://localhost:"_s), qPrintable(url));
    const auto servedThrice = [&page] { // once by each node, in HAProxy's round robin
        for (int i = 0; i < 3; ++i) {
            const CurlResult result = curl({u"--max-time"_s, u"5"_s, page}, 10000);
            if (result.output != TestHttpService::Page) {
                qWarning() << "not served:" << result.output << result.error;
                return false;
            }
        }
        return true;
    };
    // The nodes that do not hold it listen once they have read rok:ports (TTL/3); until then
    // HAProxy retries on the next node.
    QTRY_VERIFY_WITH_TIMEOUT(servedThrice(), 5000);
    for (int round = 0; round < 3; ++round)
        QVERIFY(servedThrice());
    const int holder = nodeHoldingUrl(url);
    QVERIFY(holder >= 0);
    const CurlResult metrics = curl(
            {u"http://127.0.0.1:%1/metrics"_s.arg(m_nodes[size_t((holder + 1) % 3)].adminPort)});
    QVERIFY2(metrics.output.contains("\nrok_cluster_remote_ports 1\n"), metrics.output.constData());

    m_nodes[size_t(holder)].process->signal(SIGKILL);
    QVERIFY(m_nodes[size_t(holder)].process->waitForExit());
    QElapsedTimer clock;
    clock.start();
    // No visitor fails: HAProxy retries a refused connection on the next node, and a node
    // that cannot reach the dead holder waits for the client to come back elsewhere.
    QVERIFY(servedThrice());
    qInfo("TCP visitors served, none failed, within %lld ms of the kill", clock.elapsed());
    const QList<QJsonObject> opened = m_clients.back()->events(u"tunnel_opened"_s);
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).value(u"url"_s).toString(), url); // the same port
    for (int round = 0; round < 3; ++round)
        QVERIFY(servedThrice());
}

QTEST_GUILESS_MAIN(tst_ClusterEndToEnd)
#include "tst_clusterendtoend.moc"
