// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// TLS on the control port, with the built binaries: a client that trusts the server through a
// CA or a pinned fingerprint gets its tunnel; an expired certificate, a wrong name, an unknown
// issuer, a wrong pin, and plain TCP against TLS (both ways) each end with one clear error and
// exit code 1, never a retry loop; a relay cannot reuse a client's token proof.

#include "jsonprocess.h"
#include "testcertificates.h"
#include "testhttpservice.h"
#include "tls/tls.h"
#include "websockettalk.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using CertificateIssuer::Identity;
using TestCertificates::issue;
using TestCertificates::issueCa;

namespace {

// curl's output (body, or head and body with -i), or its error, within 30 s. The event loop
// runs meanwhile: the local service answering through the tunnel lives in this process.
QByteArray curl(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(u"curl"_s,
                  QStringList{u"--silent"_s, u"--show-error"_s, u"--max-time"_s, u"20"_s}
                          + arguments);
    if (!finished.wait(30000) || process.exitCode() != 0)
        return "curl failed: " + process.readAllStandardError();
    return process.readAllStandardOutput();
}

// A TLS server in this process that relays every byte to `target`'s TLS control port over its
// own TLS connection: what a fake rok-server would do with a client's token proof.
class TlsRelay : public QSslServer
{
public:
    TlsRelay(const Identity &identity, quint16 target)
        : m_target(target)
    {
        setSslConfiguration(Tls::serverConfiguration({identity.certificate}, identity.key));
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *client = qobject_cast<QSslSocket *>(nextPendingConnection()))
                relay(client);
        });
    }

private:
    void relay(QSslSocket *client)
    {
        auto *upstream = new QSslSocket(client);
        connect(upstream, &QSslSocket::sslErrors, upstream,
                [upstream] { upstream->ignoreSslErrors(); });
        connect(client, &QIODevice::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QIODevice::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QAbstractSocket::disconnected, client,
                &QAbstractSocket::disconnectFromHost);
        upstream->connectToHostEncrypted(u"127.0.0.1"_s, m_target);
        upstream->write(client->readAll());
    }

    quint16 m_target;
};

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tunnelThroughTlsWithCa();
    void tunnelThroughTlsWithPinnedSelfSigned();
    void untrustedCertificateStopsTheClient_data();
    void untrustedCertificateStopsTheClient();
    void plainClientAtTlsPort();
    void tlsClientAtPlainPort();
    void relayedProofIsRejected();
    void missingCertificateFileStopsTheServer();
    void selfSignedIsMadeOnceAndPinned();
    void httpsEdgeServesTunnels();
    void httpsPortBadInput();
    void websocketOverHttps();
    void edgeCertificateReloadsWithoutDroppingADownload();

private:
    QString write(const QString &name, const QByteArray &pem);
    JsonProcess *startServer(const Identity &identity, const QStringList &extra = {});
    JsonProcess *startClient(const QString &server, const QStringList &extra = {});
    void expectServes(const QString &url);
    // The client exits 1 within a few seconds, its one error saying `message`.
    void expectFatal(JsonProcess *client, const QString &message);

    QTemporaryDir m_dir;
    Identity m_ca;
    std::unique_ptr<TestHttpService> m_local;
    std::vector<std::unique_ptr<JsonProcess>> m_processes;
    JsonProcess *m_server = nullptr;
    quint16 m_httpPort = 0;
    quint16 m_controlPort = 0;
};

void tst_Tls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QSslSocket::supportsSsl(), "Qt's TLS backend (OpenSSL) is needed");
    m_ca = issueCa(u"rok test CA"_s);
    QVERIFY(!m_ca.isNull());
    write(u"ca.pem"_s, m_ca.certificate.toPem());
}

void tst_Tls::init()
{
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
}

void tst_Tls::cleanup()
{
    m_processes.clear();
    m_local.reset();
    m_server = nullptr;
}

QString tst_Tls::write(const QString &name, const QByteArray &pem)
{
    return TestCertificates::writeFile(QDir(m_dir.path()), name, pem);
}

JsonProcess *tst_Tls::startServer(const Identity &identity, const QStringList &extra)
{
    QStringList arguments{u"--bind"_s,      u"127.0.0.1"_s, u"--log-format"_s,   u"json"_s,
                          u"--http-port"_s, u"0"_s,         u"--control-port"_s, u"0"_s,
                          u"--token"_s,     u"secret"_s};
    if (!identity.isNull()) {
        arguments += {u"--tls-cert"_s, write(u"server.pem"_s, identity.certificate.toPem()),
                      u"--tls-key"_s, write(u"server.key"_s, identity.key.toPem())};
    }
    arguments += extra;
    m_processes.push_back(
            std::make_unique<JsonProcess>(QStringLiteral(ROK_SERVER_BINARY), arguments));
    m_server = m_processes.back().get();
    const QJsonObject listening = m_server->waitFor(u"listening"_s);
    m_httpPort = quint16(listening.value(u"http_port"_s).toInt());
    m_controlPort = quint16(listening.value(u"control_port"_s).toInt());
    return m_server;
}

JsonProcess *tst_Tls::startClient(const QString &server, const QStringList &extra)
{
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY),
            QStringList{u"http"_s, QString::number(m_local->serverPort()), u"--json"_s,
                        u"--token"_s, u"secret"_s, u"--server"_s, server}
                    + extra));
    return m_processes.back().get();
}

void tst_Tls::expectServes(const QString &url)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_httpPort);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\nHost: " + QUrl(url).host().toLatin1() + ':'
                 + QByteArray::number(QUrl(url).port()) + "\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains(TestHttpService::Page), 10000);
    QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.left(200).constData());
}

void tst_Tls::expectFatal(JsonProcess *client, const QString &message)
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client->waitForExit(10000));
    QCOMPARE(client->exitCode(), 1);
    const QList<QJsonObject> errors = client->events(u"error"_s);
    QCOMPARE(errors.size(), 1); // one error, not a retry loop
    const QString text = errors.constFirst().value(u"message"_s).toString();
    QVERIFY2(text.contains(message), qPrintable(text));
    QVERIFY(errors.constFirst().value(u"fatal"_s).toBool());
    QVERIFY(client->events(u"tunnel_opened"_s).isEmpty());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void tst_Tls::tunnelThroughTlsWithCa()
{
    const Identity server = issue(u"localhost"_s, &m_ca);
    startServer(server);
    const QJsonObject listening = m_server->events(u"listening"_s).value(0);
    QCOMPARE(listening.value(u"control_tls"_s).toBool(), true);
    QCOMPARE(listening.value(u"fingerprint"_s).toString(),
             Tls::formatFingerprint(Tls::fingerprint(server.certificate)));

    JsonProcess *client = startClient(u"tls://localhost:%1"_s.arg(m_controlPort),
                                      {u"--ca"_s, m_dir.filePath(u"ca.pem"_s)});
    const QString url = client->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString();
    QVERIFY2(!url.isEmpty(), client->standardError().constData());
    expectServes(url);
}

void tst_Tls::tunnelThroughTlsWithPinnedSelfSigned()
{
    const Identity server = issue(u"rok.example"_s, nullptr); // self-signed, for another name
    startServer(server);
    const QString pin = Tls::formatFingerprint(Tls::fingerprint(server.certificate));
    JsonProcess *client =
            startClient(u"tls://127.0.0.1:%1"_s.arg(m_controlPort), {u"--fingerprint"_s, pin});
    const QString url = client->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString();
    QVERIFY2(!url.isEmpty(), client->standardError().constData());
    expectServes(url);
}

void tst_Tls::untrustedCertificateStopsTheClient_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("fromDays");
    QTest::addColumn<int>("toDays");
    QTest::addColumn<bool>("signedByTestCa");
    QTest::addColumn<QString>("pinSelf"); // "wrong": pin another certificate
    QTest::addColumn<QString>("message");

    QTest::newRow("expired") << u"localhost"_s << -30 << -1 << true << QString()
                             << u"certificate expired on"_s;
    QTest::newRow("wrong name") << u"other.example"_s << -1 << 30 << true << QString()
                                << u"certificate is for other.example"_s;
    QTest::newRow("unknown issuer")
            << u"localhost"_s << -1 << 30 << false << QString() << u"unknown issuer"_s;
    QTest::newRow("wrong fingerprint")
            << u"localhost"_s << -1 << 30 << true << u"wrong"_s << u"not the pinned"_s;
}

void tst_Tls::untrustedCertificateStopsTheClient()
{
    QFETCH(QString, name);
    QFETCH(int, fromDays);
    QFETCH(int, toDays);
    QFETCH(bool, signedByTestCa);
    QFETCH(QString, pinSelf);
    QFETCH(QString, message);

    const Identity otherCa = issueCa(u"someone else's CA"_s);
    const Identity server = issue(name, signedByTestCa ? &m_ca : &otherCa, fromDays, toDays);
    startServer(server);
    QStringList extra{u"--ca"_s, m_dir.filePath(u"ca.pem"_s)};
    if (pinSelf == u"wrong")
        extra +=
                {u"--fingerprint"_s, Tls::formatFingerprint(Tls::fingerprint(otherCa.certificate))};
    JsonProcess *client = startClient(u"tls://localhost:%1"_s.arg(m_controlPort), extra);
    expectFatal(client, message);
    QVERIFY(m_server->events(u"tunnel_opened"_s).isEmpty());
}

void tst_Tls::plainClientAtTlsPort()
{
    startServer(issue(u"localhost"_s, &m_ca));
    JsonProcess *client = startClient(u"tcp://127.0.0.1:%1"_s.arg(m_controlPort));
    expectFatal(client, u"speaks TLS: connect with tls://127.0.0.1:%1"_s.arg(m_controlPort));
    const QJsonObject refused = m_server->waitFor(u"client_refused"_s, 3000);
    QCOMPARE(refused.value(u"code"_s).toString(), u"tls_required"_s);
}

void tst_Tls::tlsClientAtPlainPort()
{
    startServer(Identity());
    JsonProcess *client = startClient(u"tls://127.0.0.1:%1"_s.arg(m_controlPort));
    expectFatal(client, u"connect with tcp://127.0.0.1:%1"_s.arg(m_controlPort));
    const QJsonObject dropped = m_server->waitFor(u"client_dropped"_s, 3000);
    QVERIFY2(dropped.value(u"reason"_s).toString().contains(u"TLS"_s),
             qPrintable(dropped.value(u"reason"_s).toString()));
}

void tst_Tls::relayedProofIsRejected()
{
    // The client trusts the relay (its pin); the relay forwards every byte to the real server
    // over TLS. The proof covers the relay's certificate, so the real server refuses it.
    startServer(issue(u"localhost"_s, &m_ca));
    const Identity relayIdentity = issue(u"localhost"_s, nullptr);
    TlsRelay relay(relayIdentity, m_controlPort);
    QVERIFY(relay.listen(QHostAddress::LocalHost, 0));
    JsonProcess *client =
            startClient(u"tls://127.0.0.1:%1"_s.arg(relay.serverPort()),
                        {u"--fingerprint"_s,
                         Tls::formatFingerprint(Tls::fingerprint(relayIdentity.certificate))});
    expectFatal(client, u"token was not accepted"_s);
    const QJsonObject refused = m_server->waitFor(u"client_refused"_s, 3000);
    QCOMPARE(refused.value(u"code"_s).toString(), u"auth_failed"_s);
}

void tst_Tls::missingCertificateFileStopsTheServer()
{
    JsonProcess server(QStringLiteral(ROK_SERVER_BINARY),
                       {u"--http-port"_s, u"0"_s, u"--control-port"_s, u"0"_s, u"--tls-cert"_s,
                        m_dir.filePath(u"missing.pem"_s), u"--tls-key"_s,
                        m_dir.filePath(u"missing.key"_s)});
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 1);
    const QByteArray error = server.standardError();
    QVERIFY2(error.contains("missing.pem"), error.constData());
}

void tst_Tls::selfSignedIsMadeOnceAndPinned()
{
    const QString state = m_dir.filePath(u"state"_s);
    startServer(Identity(), {u"--self-signed"_s, u"--state-dir"_s, state});
    QVERIFY(!m_server->events(u"certificate_created"_s).isEmpty());
    const QString pin = m_server->waitFor(u"pin_hint"_s).value(u"fingerprint"_s).toString();
    QVERIFY2(pin.startsWith(u"sha256:"_s), qPrintable(pin));
    QCOMPARE(m_server->events(u"listening"_s).value(0).value(u"fingerprint"_s).toString(), pin);
    // The key is the operator's alone.
    const QFileDevice::Permissions othersAndGroup = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(state + u"/control-key.pem"_s) & othersAndGroup,
             QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(state) & othersAndGroup, QFileDevice::Permissions());

    JsonProcess *client =
            startClient(u"tls://127.0.0.1:%1"_s.arg(m_controlPort), {u"--fingerprint"_s, pin});
    const QString url = client->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString();
    QVERIFY2(!url.isEmpty(), client->standardError().constData());
    expectServes(url);

    // A restart finds the pair: the pin clients hold stays valid.
    m_processes.clear();
    startServer(Identity(), {u"--self-signed"_s, u"--state-dir"_s, state});
    QCOMPARE(m_server->waitFor(u"pin_hint"_s).value(u"fingerprint"_s).toString(), pin);
    QVERIFY(m_server->events(u"certificate_created"_s).isEmpty());
}

void tst_Tls::httpsEdgeServesTunnels()
{
    // One wildcard certificate for the control port and the HTTPS edge, as certbot's DNS-01
    // would make; curl checks it against the test CA, reaching NAME.tunnels.test on loopback.
    const Identity server = issue(u"tunnels.test"_s, &m_ca, -1, 30, {u"*.tunnels.test"_s});
    startServer(server, {u"--domain"_s, u"tunnels.test"_s, u"--https-port"_s, u"0"_s});
    const int httpsPort = m_server->events(u"listening"_s).value(0).value(u"https_port"_s).toInt();
    QVERIFY(httpsPort > 0);
    JsonProcess *client = startClient(
            u"tls://127.0.0.1:%1"_s.arg(m_controlPort),
            {u"--fingerprint"_s, Tls::formatFingerprint(Tls::fingerprint(server.certificate))});
    const QUrl url(client->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString());
    QCOMPARE(url.scheme(), u"https"_s);
    QCOMPARE(url.port(), httpsPort);
    const QString host = url.host();
    const QStringList tls{u"--cacert"_s, m_dir.filePath(u"ca.pem"_s), u"--resolve"_s,
                          u"%1:%2:127.0.0.1"_s.arg(host).arg(httpsPort)};
    const QString base = u"https://%1:%2"_s.arg(host).arg(httpsPort);

    const QByteArray headers = curl(tls + QStringList{base + u"/headers"_s});
    QVERIFY2(headers.contains("X-Forwarded-Proto: https\r\n"), headers.constData());

    // Big enough for many TLS records and the edge's backpressure, both ways.
    const qint64 size = 3'000'000;
    const QByteArray download = curl(tls + QStringList{base + u"/bytes/%1"_s.arg(size)});
    QCOMPARE(download.size(), size);
    QVERIFY(download == TestHttpService::pattern(0, size));
    const QString upload = write(u"upload.bin"_s, TestHttpService::pattern(7, size));
    const QByteArray digest =
            curl(tls + QStringList{u"--data-binary"_s, u"@"_s + upload, base + u"/sha256"_s});
    QCOMPARE(digest.trimmed(),
             QCryptographicHash::hash(TestHttpService::pattern(7, size), QCryptographicHash::Sha256)
                     .toHex());

    // Plain HTTP gets the same URL over HTTPS, method and body kept (308).
    const QByteArray redirect =
            curl({u"--include"_s, u"--resolve"_s, u"%1:%2:127.0.0.1"_s.arg(host).arg(m_httpPort),
                  u"http://%1:%2/headers?x=1"_s.arg(host).arg(m_httpPort)});
    QVERIFY2(redirect.startsWith("HTTP/1.1 308 Permanent Redirect\r\n"), redirect.constData());
    QVERIFY2(redirect.contains((u"\r\nLocation: "_s + base + u"/headers?x=1\r\n"_s).toLatin1()),
             redirect.constData());
}

void tst_Tls::websocketOverHttps()
{
    WebSocketTalk::EchoServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    const Identity server = issue(u"tunnels.test"_s, &m_ca, -1, 30, {u"*.tunnels.test"_s});
    startServer(server, {u"--domain"_s, u"tunnels.test"_s, u"--https-port"_s, u"0"_s});
    const quint16 httpsPort =
            quint16(m_server->events(u"listening"_s).value(0).value(u"https_port"_s).toInt());
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY),
            QStringList{u"http"_s, QString::number(echo.serverPort()), u"--json"_s, u"--token"_s,
                        u"secret"_s, u"--server"_s, u"tls://127.0.0.1:%1"_s.arg(m_controlPort),
                        u"--fingerprint"_s,
                        Tls::formatFingerprint(Tls::fingerprint(server.certificate))}));
    const QUrl url(m_processes.back()->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString());
    QCOMPARE(url.scheme(), u"https"_s);

    // wss:// as a browser does it: SNI and the certificate check for NAME.tunnels.test.
    QSslSocket visitor;
    visitor.setSslConfiguration(Tls::clientConfiguration({.extraCas = {m_ca.certificate}}));
    QSignalSpy encrypted(&visitor, &QSslSocket::encrypted);
    visitor.connectToHostEncrypted(u"127.0.0.1"_s, httpsPort, url.host());
    QVERIFY2(encrypted.wait(10000), qPrintable(visitor.errorString()));
    visitor.write(WebSocketTalk::upgradeRequest(url.authority().toLatin1()));
    QByteArray received;
    QTRY_VERIFY((received += visitor.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
    QVERIFY(received.contains(WebSocketTalk::AcceptKey));
    received = received.mid(received.indexOf("\r\n\r\n") + 4);
    for (const QByteArray &message : {"first"_ba, "second, after a round trip"_ba}) {
        visitor.write(WebSocketTalk::maskedText(message));
        const QByteArray expected = WebSocketTalk::text("echo: " + message);
        QTRY_VERIFY((received += visitor.readAll(), received == expected));
        received.clear();
    }
    visitor.write(WebSocketTalk::maskedClose());
    QTRY_VERIFY_WITH_TIMEOUT((received += visitor.readAll(), received.startsWith("\x88")), 10000);
}

void tst_Tls::httpsPortBadInput()
{
    const Identity server = issue(u"tunnels.test"_s, &m_ca, -1, 30, {u"*.tunnels.test"_s});
    startServer(server,
                {u"--domain"_s, u"tunnels.test"_s, u"--https-port"_s, u"0"_s, u"--head-timeout"_s,
                 u"1"_s});
    const quint16 httpsPort =
            quint16(m_server->events(u"listening"_s).value(0).value(u"https_port"_s).toInt());
    const auto connectToHttps = [httpsPort](QTcpSocket &socket) {
        socket.connectToHost(QHostAddress::LocalHost, httpsPort);
        return socket.waitForConnected(5000);
    };
    // Everything until the server closes the connection (at most 10 s).
    const auto readAll = [](QTcpSocket &socket) {
        QByteArray received;
        QElapsedTimer waited;
        waited.start();
        while (socket.state() != QAbstractSocket::UnconnectedState && waited.elapsed() < 10000) {
            QTest::qWait(10);
            received += socket.readAll();
        }
        return received + socket.readAll();
    };

    // Plain HTTP to the HTTPS port: a page in clear that says what to do, not a TLS alert.
    QTcpSocket plain;
    QVERIFY(connectToHttps(plain));
    plain.write("GET / HTTP/1.1\r\nHost: a.tunnels.test\r\n\r\n");
    const QByteArray page = readAll(plain);
    QVERIFY2(page.startsWith("HTTP/1.1 400 Bad Request\r\n"), page.toHex().constData());
    QVERIFY2(page.contains("https://"), page.constData());

    // Garbage instead of a ClientHello: closed at once, with an alert at most.
    QTcpSocket garbage;
    QVERIFY(connectToHttps(garbage));
    garbage.write(QByteArray(300, '\x16'));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(readAll(garbage).size() < 100);
    QCOMPARE(garbage.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));

    // A handshake that never comes: gone after --head-timeout (and the linger of a refusal).
    QTcpSocket silent;
    QVERIFY(connectToHttps(silent));
    timer.restart();
    readAll(silent);
    QCOMPARE(silent.state(), QAbstractSocket::UnconnectedState);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 8000,
             qPrintable(QString::number(timer.elapsed())));

    // A ClientHello cut off, then the end of the connection.
    QTcpSocket truncated;
    QVERIFY(connectToHttps(truncated));
    truncated.write(QByteArray::fromHex("16030100c8010000c40303"));
    truncated.disconnectFromHost();
    QTRY_COMPARE(truncated.state(), QAbstractSocket::UnconnectedState);

    // None of it touched the server: a real visitor is served.
    JsonProcess *client = startClient(
            u"tls://127.0.0.1:%1"_s.arg(m_controlPort),
            {u"--fingerprint"_s, Tls::formatFingerprint(Tls::fingerprint(server.certificate))});
    const QUrl url(client->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString());
    const QByteArray body =
            curl({u"--cacert"_s, m_dir.filePath(u"ca.pem"_s), u"--resolve"_s,
                  u"%1:%2:127.0.0.1"_s.arg(url.host()).arg(httpsPort), url.toString()});
    QCOMPARE(body, QByteArray(TestHttpService::Page));
}

namespace {

// Writes to a new file and renames it over `path`, as certbot and editors do.
void replaceFile(const QString &path, const QByteArray &data)
{
    QFile file(path + u".new"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
    file.close();
    QFile::remove(path);
    QVERIFY(QFile::rename(path + u".new"_s, path));
}

// The certificate the server at `port` answers with now.
QSslCertificate servedCertificate(quint16 port)
{
    QSslSocket socket;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&socket] { socket.ignoreSslErrors(); });
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port, u"a.tunnels.test"_s);
    if (!encrypted.wait(5000))
        return QSslCertificate();
    return socket.peerCertificate();
}

} // namespace

void tst_Tls::edgeCertificateReloadsWithoutDroppingADownload()
{
    const Identity control = issue(u"tunnels.test"_s, &m_ca);
    const Identity first = issue(u"tunnels.test"_s, &m_ca, -1, 30, {u"*.tunnels.test"_s});
    const Identity second = issue(u"tunnels.test"_s, &m_ca, -1, 30, {u"*.tunnels.test"_s});
    const Identity third = issue(u"tunnels.test"_s, &m_ca, -1, 30, {u"*.tunnels.test"_s});
    const QString edgeCert = write(u"edge.pem"_s, first.certificate.toPem());
    const QString edgeKey = write(u"edge.key"_s, first.key.toPem());
    startServer(control,
                {u"--domain"_s, u"tunnels.test"_s, u"--https-port"_s, u"0"_s, u"--edge-cert"_s,
                 edgeCert, u"--edge-key"_s, edgeKey});
    const quint16 httpsPort =
            quint16(m_server->events(u"listening"_s).value(0).value(u"https_port"_s).toInt());
    QCOMPARE(servedCertificate(httpsPort), first.certificate);
    JsonProcess *client = startClient(
            u"tls://127.0.0.1:%1"_s.arg(m_controlPort),
            {u"--fingerprint"_s, Tls::formatFingerprint(Tls::fingerprint(control.certificate))});
    const QUrl url(client->waitFor(u"tunnel_opened"_s).value(u"url"_s).toString());
    QVERIFY(!url.isEmpty());

    // A download that takes a few seconds, running across the reload.
    const qint64 size = 16'000'000;
    QProcess download;
    download.start(u"curl"_s,
                   {u"--silent"_s, u"--show-error"_s, u"--limit-rate"_s, u"6M"_s, u"--cacert"_s,
                    m_dir.filePath(u"ca.pem"_s), u"--resolve"_s,
                    u"%1:%2:127.0.0.1"_s.arg(url.host()).arg(httpsPort),
                    url.toString() + u"/bytes/%1"_s.arg(size)});
    QTRY_VERIFY(download.bytesAvailable() > 0 || download.state() == QProcess::NotRunning);

    // SIGHUP: new connections get the new certificate.
    replaceFile(edgeKey, second.key.toPem());
    replaceFile(edgeCert, second.certificate.toPem());
    m_server->signal(SIGHUP);
    QTRY_COMPARE(m_server->events(u"certificates_reloaded"_s).size(), 1);
    QCOMPARE(m_server->events(u"certificates_reloaded"_s).value(0).value(u"edge_fingerprint"_s),
             Tls::formatFingerprint(Tls::fingerprint(second.certificate)));
    QCOMPARE(servedCertificate(httpsPort), second.certificate);

    // A broken renewal keeps the certificate in use.
    replaceFile(edgeKey, "not a key\n");
    m_server->signal(SIGHUP);
    QTRY_COMPARE(m_server->events(u"certificate_reload_failed"_s).size(), 1);
    QCOMPARE(servedCertificate(httpsPort), second.certificate);

    // No signal at all: the files changing is enough (certbot's renewal hook forgotten).
    replaceFile(edgeKey, third.key.toPem());
    replaceFile(edgeCert, third.certificate.toPem());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->events(u"certificates_reloaded"_s).size(), 2, 10000);
    QCOMPARE(servedCertificate(httpsPort), third.certificate);

    // The download that started with the first certificate ends intact.
    QSignalSpy finished(&download, &QProcess::finished);
    QVERIFY(download.state() == QProcess::NotRunning || finished.wait(30000));
    QCOMPARE(download.exitCode(), 0);
    const QByteArray body = download.readAllStandardOutput();
    QCOMPARE(body.size(), size);
    QVERIFY(body == TestHttpService::pattern(0, size));
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
