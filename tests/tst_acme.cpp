// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Automatic certificates end to end: the built rok-server gets a certificate for a tunnel's name
// from pebble (Let's Encrypt's ACME test server, Debian's package) with pebble-challtestsrv as
// its DNS, answering the HTTP-01 challenge on its own HTTP edge; curl, trusting pebble's root,
// then gets the page over HTTPS. A name whose challenge fails stays on plain HTTP and says why.
// In a cluster a name is ordered once, by its node, and served over HTTPS by every node.

#include "curl.h"
#include "jsonprocess.h"
#include "redisserver.h"
#include "testcertificates.h"
#include "testhttpservice.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using CertificateIssuer::Identity;

namespace {

const QString Domain = u"rok.test"_s;

// A loopback port free for TCP and UDP now. For pebble and its DNS server, which cannot report
// a port they picked themselves.
quint16 freePort()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

// A program that is ready once a line of its output says so.
class Daemon
{
public:
    Daemon(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setProcessEnvironment(environment);
        m_process.start(program, arguments);
    }
    ~Daemon()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool waitForOutput(const QByteArray &text)
    {
        QElapsedTimer timer;
        timer.start();
        while (!(m_output += m_process.readAll()).contains(text)) {
            if (timer.elapsed() > 15000 || m_process.state() == QProcess::NotRunning)
                return false;
            QSignalSpy readable(&m_process, &QIODevice::readyRead);
            readable.wait(500);
        }
        return true;
    }
    QByteArray output() { return m_output += m_process.readAll(); }

private:
    QProcess m_process;
    QByteArray m_output;
};

} // namespace

class tst_Acme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void certificatePerNameFromPebble();
    void failedChallengeKeepsPlainHttp();
    void renewsAtTwoThirdsWithoutDroppingTheTunnel();
    void ordersPerHourBoundsNewNames();
    void aClusterOrdersANameOnceAndServesItOnEveryNode();

private:
    // pebble on a free port, validating HTTP-01 on `challengePort`, with its DNS server.
    // validitySeconds: of the certificates pebble issues (0: its default of 5 years).
    void startPebble(quint16 challengePort, int validitySeconds = 0);
    JsonProcess *startServer(const QString &stateDirectory, const QStringList &extra = {});
    JsonProcess *startClient(const QString &name);
    QString pebbleRoot(); // the root pebble made for this run, as a file for curl
    CurlResult fetch(const QString &url, const QStringList &extra = {});

    QTemporaryDir m_dir;
    QString m_pebbleCertificate;
    QString m_pebbleKey;
    QString m_testCa;
    quint16 m_acmePort = 0;
    quint16 m_managementPort = 0;
    std::unique_ptr<Daemon> m_dns;
    std::unique_ptr<Daemon> m_pebble;
    std::unique_ptr<TestHttpService> m_local;
    std::vector<std::unique_ptr<JsonProcess>> m_processes;
    quint16 m_httpPort = 0;
    quint16 m_httpsPort = 0;
    quint16 m_controlPort = 0;
    QString m_fingerprint; // of the control port's self-signed certificate
};

void tst_Acme::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *program : {"pebble", "pebble-challtestsrv", "curl"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty(),
                 qPrintable(u"%1 is missing: run scripts/install-deps"_s.arg(
                         QString::fromLatin1(program))));
    }
    // pebble's own HTTPS (its directory), trusted by rok-server through --acme-ca.
    const Identity ca = TestCertificates::issueCa(u"rok test CA"_s);
    CertificateIssuer::Request request;
    request.commonName = u"127.0.0.1"_s;
    request.addresses = {QHostAddress::LocalHost};
    const Identity pebble = CertificateIssuer::issue(request, &ca);
    QVERIFY(!pebble.isNull());
    const QDir dir(m_dir.path());
    m_testCa = TestCertificates::writeFile(dir, u"ca.pem"_s, ca.certificate.toPem());
    m_pebbleCertificate =
            TestCertificates::writeFile(dir, u"pebble.pem"_s, pebble.certificate.toPem());
    m_pebbleKey = TestCertificates::writeFile(dir, u"pebble.key"_s, pebble.key.toPem());
}

void tst_Acme::init()
{
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
    m_acmePort = freePort();
    m_managementPort = freePort();
    QVERIFY(m_acmePort && m_managementPort);
}

void tst_Acme::cleanup()
{
    m_processes.clear();
    m_pebble.reset();
    m_dns.reset();
    m_local.reset();
}

void tst_Acme::startPebble(quint16 challengePort, int validitySeconds)
{
    const quint16 dnsPort = freePort();
    QVERIFY(dnsPort);
    // Every name resolves to 127.0.0.1, where rok-server's HTTP edge listens.
    m_dns = std::make_unique<Daemon>(
            u"pebble-challtestsrv"_s,
            QStringList{u"-dns01"_s, u"127.0.0.1:%1"_s.arg(dnsPort), u"-http01"_s, QString(),
                        u"-https01"_s, QString(), u"-tlsalpn01"_s, QString(), u"-management"_s,
                        u"127.0.0.1:%1"_s.arg(freePort()), u"-defaultIPv6"_s, QString()});
    QVERIFY2(m_dns->waitForOutput("Starting management server"), m_dns->output().constData());

    const QString config = TestCertificates::writeFile(
            QDir(m_dir.path()), u"pebble-config.json"_s,
            u"{\"pebble\": {\"listenAddress\": \"127.0.0.1:%1\", "
            "\"managementListenAddress\": \"127.0.0.1:%2\", \"certificate\": \"%3\", "
            "\"privateKey\": \"%4\", \"httpPort\": %5, \"tlsPort\": %6%7}}"_s.arg(m_acmePort)
                    .arg(m_managementPort)
                    .arg(m_pebbleCertificate, m_pebbleKey)
                    .arg(challengePort)
                    .arg(freePort())
                    .arg(validitySeconds > 0
                                 ? u", \"certificateValidityPeriod\": %1"_s.arg(validitySeconds)
                                 : QString())
                    .toUtf8());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PEBBLE_VA_NOSLEEP"_s, u"1"_s); // validate at once, not after 0-15 s
    m_pebble = std::make_unique<Daemon>(
            u"pebble"_s,
            QStringList{u"-config"_s, config, u"-dnsserver"_s, u"127.0.0.1:%1"_s.arg(dnsPort)},
            environment);
    QVERIFY2(m_pebble->waitForOutput("ACME directory available"), m_pebble->output().constData());
}

JsonProcess *tst_Acme::startServer(const QString &stateDirectory, const QStringList &extra)
{
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_SERVER_BINARY),
            QStringList{u"--bind"_s,           u"127.0.0.1"_s,
                        u"--log-format"_s,     u"json"_s,
                        u"--domain"_s,         Domain,
                        u"--http-port"_s,      u"0"_s,
                        u"--https-port"_s,     u"0"_s,
                        u"--control-port"_s,   u"0"_s,
                        u"--state-dir"_s,      stateDirectory,
                        u"--acme-email"_s,     u"ops@rok.test"_s,
                        u"--acme-directory"_s, u"https://127.0.0.1:%1/dir"_s.arg(m_acmePort),
                        u"--acme-ca"_s,        m_testCa,
                        u"--self-signed"_s} // as deployed: TLS to clients too
                    + extra));
    JsonProcess *server = m_processes.back().get();
    const QJsonObject listening = server->waitFor(u"listening"_s);
    m_httpPort = quint16(listening.value(u"http_port"_s).toInt());
    m_httpsPort = quint16(listening.value(u"https_port"_s).toInt());
    m_controlPort = quint16(listening.value(u"control_port"_s).toInt());
    m_fingerprint = listening.value(u"fingerprint"_s).toString();
    return server;
}

JsonProcess *tst_Acme::startClient(const QString &name)
{
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY),
            QStringList{u"http"_s, QString::number(m_local->serverPort()), u"--json"_s,
                        u"--server"_s, u"tls://127.0.0.1:%1"_s.arg(m_controlPort),
                        u"--fingerprint"_s, m_fingerprint, u"--subdomain"_s, name}));
    return m_processes.back().get();
}

QString tst_Acme::pebbleRoot()
{
    const CurlResult root = curl(
            {u"--cacert"_s, m_testCa, u"https://127.0.0.1:%1/roots/0"_s.arg(m_managementPort)});
    if (root.exitCode != 0 || !root.output.contains("BEGIN CERTIFICATE"))
        qWarning() << "no root from pebble:" << root.output;
    return TestCertificates::writeFile(QDir(m_dir.path()), u"pebble-root.pem"_s, root.output);
}

CurlResult tst_Acme::fetch(const QString &url, const QStringList &extra)
{
    const QUrl parsed(url);
    return curl(
            QStringList{u"--resolve"_s, u"%1:%2:127.0.0.1"_s.arg(parsed.host()).arg(parsed.port())}
            + extra + QStringList{url});
}

void tst_Acme::certificatePerNameFromPebble()
{
    const QString state = m_dir.filePath(u"state"_s);
    JsonProcess *server = startServer(state);
    startPebble(m_httpPort);
    const QString https = u"https://shop.%1:%2"_s.arg(Domain).arg(m_httpsPort);
    const QString http = u"http://shop.%1:%2"_s.arg(Domain).arg(m_httpPort);

    // First plain HTTP with a note saying why, then the HTTPS URL once pebble has issued.
    JsonProcess *client = startClient(u"shop"_s);
    int first = 0;
    const QJsonObject opened = client->waitFor(u"tunnel_opened"_s, 15000, &first);
    QCOMPARE(opened.value(u"url"_s).toString(), http);
    QVERIFY2(opened.value(u"note"_s).toString().contains(https),
             qPrintable(opened.value(u"note"_s).toString()));
    const QJsonObject secured = client->waitFor(u"tunnel_opened"_s, 30000, nullptr, first + 1);
    QVERIFY2(!secured.isEmpty(), server->standardError().constData());
    QCOMPARE(secured.value(u"url"_s).toString(), https);
    QCOMPARE(secured.value(u"note"_s).toString(), QString());
    QCOMPARE(server->events(u"certificate_issued"_s).size(), 1);
    QCOMPARE(server->events(u"tunnel_secured"_s).value(0).value(u"url"_s).toString(), https);

    // curl trusts pebble's root, and nothing else: the chain and the name check out.
    const QString root = pebbleRoot();
    const CurlResult page = fetch(https + u"/"_s, {u"--cacert"_s, root});
    QCOMPARE(page.exitCode, 0);
    QCOMPARE(page.output, QByteArray(TestHttpService::Page));
    // Plain HTTP now redirects; a name without a certificate gets no handshake at all.
    const CurlResult redirect = fetch(http + u"/x"_s, {u"-i"_s});
    QVERIFY2(redirect.output.startsWith("HTTP/1.1 308"), redirect.output.constData());
    QVERIFY(redirect.output.contains("Location: " + https.toLatin1() + "/x\r\n"));
    const CurlResult unknown =
            fetch(u"https://other.%1:%2/"_s.arg(Domain).arg(m_httpsPort), {u"--cacert"_s, root});
    QCOMPARE(unknown.exitCode, 35); // CURLE_SSL_CONNECT_ERROR: unrecognized_name
    const QString kept = state + u"/acme/127.0.0.1_%1/certificates/shop.rok.test"_s.arg(m_acmePort);
    QVERIFY(QFile::exists(kept + u".crt"_s));
    QCOMPARE(QFile::permissions(kept + u".key"_s),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser);

    // A restart keeps the certificate: the name is HTTPS at once, and the CA is not asked.
    m_processes.clear();
    JsonProcess *restarted = startServer(state);
    JsonProcess *again = startClient(u"shop"_s);
    const QJsonObject reopened = again->waitFor(u"tunnel_opened"_s);
    QCOMPARE(reopened.value(u"url"_s).toString(),
             u"https://shop.%1:%2"_s.arg(Domain).arg(m_httpsPort));
    QVERIFY(restarted->events(u"certificate_requested"_s).isEmpty());
    const CurlResult cached =
            fetch(reopened.value(u"url"_s).toString() + u"/"_s, {u"--cacert"_s, root});
    QCOMPARE(cached.output, QByteArray(TestHttpService::Page));
}

void tst_Acme::failedChallengeKeepsPlainHttp()
{
    // pebble looks for the challenge on a port where nothing listens.
    JsonProcess *server = startServer(m_dir.filePath(u"state-failing"_s));
    startPebble(freePort());
    JsonProcess *client = startClient(u"blog"_s);
    const QJsonObject opened = client->waitFor(u"tunnel_opened"_s);
    const QString http = u"http://blog.%1:%2"_s.arg(Domain).arg(m_httpPort);
    QCOMPARE(opened.value(u"url"_s).toString(), http);

    const QJsonObject failed = server->waitFor(u"certificate_failed"_s, 30000);
    const QString error = failed.value(u"error"_s).toString();
    QVERIFY2(error.contains(u"did not validate blog.rok.test"_s), qPrintable(error));
    QVERIFY2(error.contains(u"connection refused"_s, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(failed.value(u"retry_in_s"_s).toInt() >= 60);
    // The tunnel works on, over plain HTTP, and is not redirected to an HTTPS it lacks.
    const CurlResult page = fetch(http + u"/"_s);
    QCOMPARE(page.output, QByteArray(TestHttpService::Page));
    QCOMPARE(client->events(u"tunnel_opened"_s).size(), 1);
}

void tst_Acme::renewsAtTwoThirdsWithoutDroppingTheTunnel()
{
    // Certificates of 9 s: renewed at 6 s, while the tunnel stays open.
    JsonProcess *server = startServer(m_dir.filePath(u"state-renewing"_s));
    startPebble(m_httpPort, 9);
    JsonProcess *client = startClient(u"docs"_s);
    int first = 0;
    QVERIFY(!server->waitFor(u"certificate_issued"_s, 30000, &first).isEmpty());
    const QJsonObject renewed = server->waitFor(u"certificate_issued"_s, 30000, nullptr, first + 1);
    QVERIFY2(!renewed.isEmpty(), server->standardError().constData());
    QCOMPARE(renewed.value(u"host"_s).toString(), u"docs.rok.test"_s);
    QCOMPARE(server->events(u"certificate_failed"_s).size(), 0);
    QCOMPARE(server->events(u"tunnel_closed"_s).size(), 0);
    // HTTPS goes on with the renewed certificate in place.
    const QString https = client->events(u"tunnel_opened"_s).constLast().value(u"url"_s).toString();
    const CurlResult page = fetch(https + u"/"_s, {u"--cacert"_s, pebbleRoot()});
    QCOMPARE(page.output, QByteArray(TestHttpService::Page));
}

void tst_Acme::ordersPerHourBoundsNewNames()
{
    // One token holder opening names cannot spend the CA's weekly limit for everyone.
    JsonProcess *server =
            startServer(m_dir.filePath(u"state-bounded"_s), {u"--acme-orders-per-hour"_s, u"1"_s});
    startPebble(m_httpPort);
    JsonProcess *first = startClient(u"one"_s);
    QVERIFY(!server->waitFor(u"certificate_issued"_s, 30000).isEmpty());
    QVERIFY(first->waitFor(u"tunnel_opened"_s).value(u"note"_s).toString().contains(u"https://"_s));
    JsonProcess *second = startClient(u"two"_s);
    const QJsonObject deferred = server->waitFor(u"certificate_deferred"_s);
    QCOMPARE(deferred.value(u"host"_s).toString(), u"two.rok.test"_s);
    QVERIFY(QDateTime::fromString(deferred.value(u"until"_s).toString(), Qt::ISODate)
            > QDateTime::currentDateTimeUtc().addSecs(3500));
    // The second name works on over plain HTTP meanwhile.
    const QString http = second->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString();
    QCOMPARE(http, u"http://two.%1:%2"_s.arg(Domain).arg(m_httpPort));
    QCOMPARE(fetch(http + u"/"_s).output, QByteArray(TestHttpService::Page));
    QCOMPARE(server->events(u"certificate_requested"_s).size(), 1);
}

// Cluster mode (docs/SCALE-OUT.md): two nodes, one Redis. The tunnel is node-b's, but pebble
// asks node-a for the challenge, which node-a forwards to node-b. node-b orders the certificate;
// node-a takes it from Redis, sealed with the cluster secret, without asking the CA, and serves
// the name over HTTPS too. Both have --self-signed, so their link is TLS.
void tst_Acme::aClusterOrdersANameOnceAndServesItOnEveryNode()
{
    RedisServer redis;
    QVERIFY(redis.start());
    const QStringList cluster{u"--redis"_s,     redis.url(),      u"--node-address"_s,
                              u"127.0.0.1:0"_s, u"--lease-ttl"_s, u"1"_s};
    JsonProcess *first = startServer(m_dir.filePath(u"state-node-a"_s),
                                     cluster + QStringList{u"--node-id"_s, u"node-a"_s});
    const quint16 firstHttp = m_httpPort;
    const quint16 firstHttps = m_httpsPort;
    JsonProcess *holder = startServer(m_dir.filePath(u"state-node-b"_s),
                                      cluster + QStringList{u"--node-id"_s, u"node-b"_s});
    for (JsonProcess *node : {first, holder}) {
        const QJsonObject joined = node->waitFor(u"cluster_joined"_s);
        QVERIFY2(joined.value(u"tls"_s).toBool(), node->standardError().constData());
    }
    startPebble(firstHttp);

    JsonProcess *client = startClient(u"shop"_s); // through node-b, the last started
    int opening = 0;
    QVERIFY(!client->waitFor(u"tunnel_opened"_s, 15000, &opening).isEmpty());
    const QJsonObject secured = client->waitFor(u"tunnel_opened"_s, 30000, nullptr, opening + 1);
    QVERIFY2(!secured.isEmpty(), holder->standardError().constData());
    QCOMPARE(holder->events(u"certificate_issued"_s).size(), 1);

    QVERIFY2(!first->waitFor(u"certificate_adopted"_s, 10000).isEmpty(),
             first->standardError().constData());
    QVERIFY(first->events(u"certificate_requested"_s).isEmpty());
    const CurlResult page = fetch(u"https://shop.%1:%2/"_s.arg(Domain).arg(firstHttps),
                                  {u"--cacert"_s, pebbleRoot()});
    QVERIFY2(page.exitCode == 0, page.error.constData());
    QCOMPARE(page.output, QByteArray(TestHttpService::Page));
}

QTEST_GUILESS_MAIN(tst_Acme)
#include "tst_acme.moc"
