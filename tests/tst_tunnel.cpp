// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Integration tests: a real rok-server core, a real TunnelClient and a local service, all in
// this process on loopback ports chosen by the system.

#include "controlchannel.h"
#include "controlmessages.h"
#include "httpvisit.h"
#include "listener.h"
#include "muxsession.h"
#include "muxstream.h"
#include "rawclient.h"
#include "requesthold.h"
#include "requestlog.h"
#include "server.h"
#include "tcpconnection.h"
#include "testhttpservice.h"
#include "tunnel.h"
#include "tunnelclient.h"
#include "websockettalk.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

ServerConfig testConfig()
{
    ServerConfig config;
    config.bind = QHostAddress::LocalHost;
    config.httpPort = 0;
    config.controlPort = 0;
    config.reservation = 2s;
    return config;
}

QByteArray hostOf(const QString &url)
{
    return QUrl(url).host().toLatin1() + ':' + QByteArray::number(QUrl(url).port());
}

// Speaks the server's side of the handshake and, when its client says goodbye, lets the open
// streams finish (MuxSession::closeWhenDrained): the other half of a graceful stop.
class DrainingServer : public QTcpServer
{
public:
    DrainingServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            m_session = new MuxSession(nextPendingConnection(), MuxSession::Side::Server, this);
            connect(m_session, &MuxSession::goAwayReceived, m_session,
                    [session = m_session] { session->closeWhenDrained(); });
            connect(m_session, &MuxSession::streamOpened, this, &DrainingServer::onControl);
        });
    }

    MuxSession *session() const { return m_session; }
    MuxStream *openVisitorStream() // as rok-server opens one: its header first
    {
        MuxStream *stream = m_session->openStream();
        stream->write(Protocol::VisitorHeader{.tunnel = 1}.toFrame());
        return stream;
    }

private:
    void onControl(MuxStream *stream)
    {
        auto *control = new ControlChannel(stream, stream);
        connect(control, &ControlChannel::messageReceived, control, [=](const QCborMap &message) {
            if (Protocol::messageType(message) == Protocol::Hello::Type)
                control->send(Protocol::Hello{.version = Protocol::Version,
                                              .auth = QStringLiteral("none"),
                                              .nonce = QByteArray(Protocol::NonceSize, 'n')}
                                      .toCbor());
            else
                control->send(Protocol::Opened{.protocol = QStringLiteral("http"),
                                               .url = QStringLiteral("http://drain.localhost:1"),
                                               .resume = QByteArray(16, 'r'),
                                               .tunnel = 1}
                                      .toCbor());
        });
    }

    QPointer<MuxSession> m_session;
};

} // namespace

class tst_Tunnel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pageThroughTunnel();
    void requestIsLogged();
    void forwardedHeadersAreAdded();
    void hundredConcurrentVisitorsShareOneConnection();
    void keepAliveAndPipelining();
    void largeUploadAndDownloadArriveIntact();
    void websocketEcho();
    void fakeUpgradeCannotSpoofForwardedFor_data();
    void fakeUpgradeCannotSpoofForwardedFor();
    void requestForAnotherTunnelIs400();
    void http2IsRefusedWith505();
    void tooManyTunnelsForOneToken();
    void busyClientGets503();
    void nameWithKelvinSignIsRefused();
    void unknownNameIs404();
    void garbageRequestIs400();
    void oversizedHeadIs431();
    void slowHeadIs408();
    void deadLocalServiceIs502();
    void heldRequestIsAnsweredWhenTheServiceComesBack();
    void holdRunsOutInA502();
    void holdIsBoundedAndAnswers503();
    void visitorLeavingFreesItsPlaceInTheHold();
    void eachRequestsTimeIsSplitBetweenAppAndTunnel();
    void stoppedClientTurnsUrlInto404();
    void stopLetsOpenDownloadFinish();
    void secondStopClosesAtOnce();
    void nameIsReservedThenFreed();
    void takenNameIsRefused();
    void serverRestartKeepsUrl();
    void tcpTunnelWithHalfClose();
    void tcpVisitorLimits();
    void garbageOnControlPortLeavesOthersAlone();
    void wrongProtocolVersionIsRefused();
    void oversizedResumeKeyIsReplaced();
    void tokenAuth();
    void severalTunnelsShareOneConnection();
    void refusedTunnelSaysWhichAndStopsTheClient();
    void versionTwoClientGetsOneTunnelWithoutHeaders();
    void versionThreeOpenNeedsAFreshNumber();

private:
    void startServer(ServerConfig config = testConfig());
    TunnelClient *startClient(TunnelOptions options = {});
    TunnelOptions httpOptions(quint16 localPort) const;
    HttpVisit *visit(const QByteArray &host, const QByteArray &path, QByteArray method = "GET",
                     qint64 upload = 0);

    std::unique_ptr<Server> m_server;
    std::unique_ptr<TestHttpService> m_local;
    std::vector<std::unique_ptr<TunnelClient>> m_clients;
};

void tst_Tunnel::init()
{
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
    startServer();
}

void tst_Tunnel::cleanup()
{
    m_clients.clear();
    m_server.reset();
    m_local.reset();
}

void tst_Tunnel::startServer(ServerConfig config)
{
    m_server = std::make_unique<Server>(config);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

TunnelOptions tst_Tunnel::httpOptions(quint16 localPort) const
{
    TunnelOptions options;
    options.server = {QStringLiteral("127.0.0.1"), m_server->controlPort()};
    options.local = {QStringLiteral("127.0.0.1"), localPort};
    options.firstRetry = 50ms;
    options.maxRetry = 200ms;
    return options;
}

TunnelClient *tst_Tunnel::startClient(TunnelOptions options)
{
    if (options.local.port == 0)
        options = httpOptions(m_local->serverPort());
    m_clients.push_back(std::make_unique<TunnelClient>(options));
    TunnelClient *client = m_clients.back().get();
    if (client->requestLog())
        client->requestLog()->setBatchInterval(10ms);
    client->start();
    return client;
}

HttpVisit *tst_Tunnel::visit(const QByteArray &host, const QByteArray &path, QByteArray method,
                             qint64 upload)
{
    auto *visit = new HttpVisit(m_server->httpPort(), host, method, path, upload, this);
    visit->start();
    return visit;
}

void tst_Tunnel::pageThroughTunnel()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QVERIFY(client->url().startsWith(u"http://"));
    QVERIFY(client->url().contains(u".localhost:"));
    HttpVisit *page = visit(hostOf(client->url()), "/");
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->error(), QString());
    QCOMPARE(page->status(), 200);
    QCOMPARE(page->body(), QByteArray(TestHttpService::Page));
}

void tst_Tunnel::requestIsLogged()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QSignalSpy logged(client->requestLog(), &RequestLog::recordsAdded);
    HttpVisit *page = visit(hostOf(client->url()), "/delay/30");
    QTRY_VERIFY(page->isDone());
    QTRY_VERIFY(!client->requestLog()->records().isEmpty());
    const RequestRecord record = client->requestLog()->records().constLast();
    QCOMPARE(record.method, QByteArray("GET"));
    QCOMPARE(record.path, QByteArray("/delay/30"));
    QCOMPARE(record.status, 200);
    QVERIFY2(record.durationMs >= 30, qPrintable(QString::number(record.durationMs)));
    QVERIFY(record.durationMs < 5000);
    QVERIFY(record.requestBytes > 0);
    QVERIFY(record.responseBytes > 0);
    QTRY_VERIFY(logged.count() >= 1); // the ring has it at once, the batch signal a moment later
}

void tst_Tunnel::forwardedHeadersAreAdded()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    HttpVisit *page = visit(hostOf(client->url()), "/headers");
    page->setExtraHeaders("X-Forwarded-For: 6.6.6.6\r\n");
    QTRY_VERIFY(page->isDone());
    const QByteArray seen = page->body();
    QVERIFY2(seen.contains("X-Forwarded-For: 127.0.0.1\r\n"), seen.constData());
    QVERIFY(!seen.contains("6.6.6.6"));
    QVERIFY(seen.contains("X-Forwarded-Proto: http\r\n"));
    QVERIFY(seen.contains("X-Forwarded-Host: " + hostOf(client->url()) + "\r\n"));
}

void tst_Tunnel::hundredConcurrentVisitorsShareOneConnection()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const QByteArray host = hostOf(client->url());
    const QByteArray expected = QCryptographicHash::hash(TestHttpService::pattern(0, 100'000),
                                                         QCryptographicHash::Sha256)
                                        .toHex();
    std::vector<HttpVisit *> visits;
    for (int i = 0; i < 100; ++i)
        visits.push_back(visit(host, "/bytes/100000"));
    QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(visits.begin(), visits.end(), [](HttpVisit *v) { return v->isDone(); }),
            60000);
    for (HttpVisit *v : visits) {
        QCOMPARE(v->error(), QString());
        QCOMPARE(v->status(), 200);
        QCOMPARE(v->bodySha256(), expected);
    }
    QCOMPARE(m_server->sessionCount(), 1); // one connection between client and server
    QCOMPARE(m_local->connectionsAccepted(), 100);
}

void tst_Tunnel::keepAliveAndPipelining()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    const QByteArray host = hostOf(client->url());
    socket.write("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\nGET /headers HTTP/1.1\r\nHost: "
                 + host + "\r\n\r\nHEAD / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(), received.count("HTTP/1.1 200 OK") == 3));
    // Each pipelined request got its own forwarded headers.
    QVERIFY(received.contains("X-Forwarded-Proto: http"));
    QTRY_COMPARE(client->requestLog()->records().size(), 3);
    const auto records = client->requestLog()->records();
    QCOMPARE(records.at(0).path, QByteArray("/"));
    QCOMPARE(records.at(1).path, QByteArray("/headers"));
    QCOMPARE(records.at(2).method, QByteArray("HEAD"));
    QCOMPARE(m_local->connectionsAccepted(), 1); // the visitor's connection is one stream
}

void tst_Tunnel::largeUploadAndDownloadArriveIntact()
{
    constexpr qint64 Size = 24 * 1024 * 1024; // the 200 MiB run is in tst_endtoend
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const QByteArray expected =
            QCryptographicHash::hash(TestHttpService::pattern(0, Size), QCryptographicHash::Sha256)
                    .toHex();
    HttpVisit *upload = visit(hostOf(client->url()), "/sha256", "POST", Size);
    HttpVisit *download = visit(hostOf(client->url()), "/bytes/" + QByteArray::number(Size));
    QTRY_VERIFY_WITH_TIMEOUT(upload->isDone() && download->isDone(), 120000);
    QCOMPARE(upload->status(), 200);
    QCOMPARE(upload->body().trimmed(), expected);
    QCOMPARE(download->bodySize(), Size);
    QCOMPARE(download->bodySha256(), expected);
}

void tst_Tunnel::websocketEcho()
{
    WebSocketTalk::EchoServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    TunnelClient *client = startClient(httpOptions(echo.serverPort()));
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);

    QTcpSocket visitor;
    visitor.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    visitor.write(WebSocketTalk::upgradeRequest(hostOf(client->url())));
    QByteArray received;
    QTRY_VERIFY((received += visitor.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
    QVERIFY(received.contains(WebSocketTalk::AcceptKey));
    received = received.mid(received.indexOf("\r\n\r\n") + 4);

    visitor.write(WebSocketTalk::maskedText("hello through rok"));
    const QByteArray expected = WebSocketTalk::text("echo: hello through rok");
    QTRY_VERIFY((received += visitor.readAll(), received == expected));

    QTRY_VERIFY(!client->requestLog()->records().isEmpty());
    QCOMPARE(client->requestLog()->records().constFirst().kind, RequestRecord::Kind::Upgrade);
    QCOMPARE(client->requestLog()->records().constFirst().status, 101);
    visitor.write(WebSocketTalk::maskedClose()); // the echo server closes the connection
    QTRY_COMPARE(client->requestLog()->records().size(), 2);
    QCOMPARE(client->requestLog()->records().constLast().kind, RequestRecord::Kind::UpgradeClosed);
}

void tst_Tunnel::fakeUpgradeCannotSpoofForwardedFor_data()
{
    QTest::addColumn<QByteArray>("asking");
    QTest::newRow("h2c")
            << "GET / HTTP/1.1\r\nHost: %1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"_ba;
    QTest::newRow("websocket")
            << "GET / HTTP/1.1\r\nHost: %1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"_ba;
    QTest::newRow("CONNECT") << "CONNECT %1 HTTP/1.1\r\nHost: %1\r\n\r\n"_ba;
}

void tst_Tunnel::fakeUpgradeCannotSpoofForwardedFor()
{
    // The service answers the upgrade with a plain response; the request pipelined behind it
    // must reach the service with rok's X-Forwarded-For, not the visitor's.
    QFETCH(QByteArray, asking);
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const QByteArray host = hostOf(client->url());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    socket.write(QByteArray(asking).replace("%1", host) + "GET /headers HTTP/1.1\r\nHost: " + host
                 + "\r\nX-Forwarded-For: 6.6.6.6\r\nX_Forwarded_For: 6.6.6.6\r\n"
                   "Forwarded: for=6.6.6.6\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(),
                 received.count("HTTP/1.1 ") == 2 && received.endsWith("\r\n\r\n")));
    QVERIFY2(received.contains("GET /headers HTTP/1.1\r\n"), received.constData());
    QVERIFY(received.contains("X-Forwarded-For: 127.0.0.1\r\n"));
    QVERIFY2(!received.contains("6.6.6.6"), received.constData());
}

void tst_Tunnel::requestForAnotherTunnelIs400()
{
    TunnelClient *first = startClient();
    TunnelClient *second = startClient();
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    QTRY_COMPARE(second->state(), TunnelClient::State::Online);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    socket.write("GET / HTTP/1.1\r\nHost: " + hostOf(first->url()) + "\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(), received.contains(TestHttpService::Page)));
    socket.write("GET / HTTP/1.1\r\nHost: " + hostOf(second->url()) + "\r\n\r\n");
    received.clear();
    QTRY_VERIFY((received += socket.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 400 Bad Request\r\n"), received.constData());
    QTRY_VERIFY((received += socket.readAll(), received.contains(hostOf(second->url()))));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState); // the page ends it
    QCOMPARE(m_local->connectionsAccepted(), 1); // the second request never left the edge
}

void tst_Tunnel::http2IsRefusedWith505()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    socket.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"),
             received.constData());
}

void tst_Tunnel::tooManyTunnelsForOneToken()
{
    ServerConfig config = testConfig();
    config.maxTunnelsPerToken = 1;
    startServer(config);
    TunnelClient *first = startClient();
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    TunnelClient *second = startClient();
    QSignalSpy errors(second, &TunnelClient::errorOccurred);
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY2(errors.first().at(0).toString().contains(u"1 tunnels open"_s),
             qPrintable(errors.first().at(0).toString()));
    QCOMPARE(errors.first().at(1).toBool(), false); // not fatal: it retries
    QVERIFY(second->state() != TunnelClient::State::Online);

    first->stop(); // one closes: the other gets its turn
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), TunnelClient::State::Online, 10000);
}

void tst_Tunnel::busyClientGets503()
{
    ServerConfig config = testConfig();
    config.maxStreamsPerClient = 1;
    startServer(config);
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    HttpVisit *slow = visit(hostOf(client->url()), "/delay/1500"); // in flight meanwhile
    QTRY_COMPARE(m_local->connectionsAccepted(), 1);
    HttpVisit *refused = visit(hostOf(client->url()), "/");
    QTRY_VERIFY(refused->isDone());
    QCOMPARE(refused->status(), 503);
    QCOMPARE(refused->head().value("Retry-After"), QByteArray("5"));
    QTRY_VERIFY_WITH_TIMEOUT(slow->isDone(), 10000);
    QCOMPARE(slow->status(), 200);
    slow->socket()->close(); // a keep-alive connection holds its stream until it goes
    int status = 0;
    for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
        HttpVisit *after = visit(hostOf(client->url()), "/");
        QTRY_VERIFY(after->isDone());
        status = after->status();
    }
    QCOMPARE(status, 200); // the slot is free again
}

void tst_Tunnel::nameWithKelvinSignIsRefused()
{
    // U+212A KELVIN SIGN lowercases to 'k' in Unicode; the server must not fold it into a name.
    TunnelOptions options = httpOptions(m_local->serverPort());
    options.subdomain = u"\u212Aiwi"_s;
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Failed);
    QVERIFY2(client->lastError().contains(u"name"_s), qPrintable(client->lastError()));
    TunnelClient *kiwi = startClient([&] {
        TunnelOptions plain = httpOptions(m_local->serverPort());
        plain.subdomain = u"kiwi"_s;
        return plain;
    }());
    QTRY_COMPARE(kiwi->state(), TunnelClient::State::Online); // 'kiwi' itself was not taken
}

void tst_Tunnel::unknownNameIs404()
{
    HttpVisit *plain = visit("nobody-here.localhost", "/");
    HttpVisit *browser = visit("nobody-here.localhost", "/");
    browser->setExtraHeaders("Accept: text/html,application/xhtml+xml\r\n");
    QTRY_VERIFY(plain->isDone() && browser->isDone());
    QCOMPARE(plain->status(), 404);
    QVERIFY(plain->body().contains("No tunnel is open at nobody-here.localhost"));
    QCOMPARE(plain->head().value("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(browser->status(), 404);
    QVERIFY(browser->body().startsWith("<!doctype html>"));
}

void tst_Tunnel::garbageRequestIs400()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    socket.write("\x16\x03\x01\x02\x00garbage that is not http\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 400 Bad Request"), received.constData());
    // The tunnel is unaffected.
    HttpVisit *page = visit(hostOf(client->url()), "/");
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->status(), 200);
}

void tst_Tunnel::oversizedHeadIs431()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    socket.write("GET / HTTP/1.1\r\nHost: a.localhost\r\nX-Big: " + QByteArray(70000, 'x'));
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 431 "), received.left(100).constData());
}

void tst_Tunnel::slowHeadIs408()
{
    ServerConfig config = testConfig();
    config.headTimeout = 200ms;
    startServer(config);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    socket.write("GET / HTTP/1.1\r\nHost: a.loc"); // and nothing more
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll(), received.contains("\r\n\r\n")));
    QVERIFY2(received.startsWith("HTTP/1.1 408 "), received.constData());
}

void tst_Tunnel::deadLocalServiceIs502()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close(); // nothing listens there now
    TunnelOptions options = httpOptions(deadPort);
    options.hold.time = 0ms; // --hold 0: at once
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    HttpVisit *page = visit(hostOf(client->url()), "/api");
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->status(), 502);
    QVERIFY2(page->body().contains("127.0.0.1:" + QByteArray::number(deadPort)),
             page->body().constData());
    QVERIFY(page->body().contains("refused"));
    QTRY_COMPARE(client->requestLog()->records().size(), 1);
    QCOMPARE(client->requestLog()->records().constFirst().status, 502);
    QCOMPARE(client->requestLog()->records().constFirst().path, QByteArray("/api"));
}

namespace {
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed again: connections to it are refused
}
} // namespace

// The local app restarts: its visitors wait (--hold), each shown as waiting, and get the
// real answer once it listens again, instead of a 502 each.
void tst_Tunnel::heldRequestIsAnsweredWhenTheServiceComesBack()
{
    const quint16 port = freePort();
    TunnelClient *client = startClient(httpOptions(port));
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QSignalSpy waiting(client->requestLog(), &RequestLog::requestWaiting);
    HttpVisit *first = visit(hostOf(client->url()), "/");
    HttpVisit *second = visit(hostOf(client->url()), "/sha256", "POST", 5000);
    QTRY_COMPARE(waiting.size(), 2);
    QCOMPARE(client->requestLog()->waiting(), 2);
    QCOMPARE(client->requestHold()->requests(), 2);
    QVERIFY(!first->isDone() && !second->isDone());

    TestHttpService restarted;
    QVERIFY(restarted.listen(QHostAddress::LocalHost, port));
    QTRY_VERIFY(first->isDone() && second->isDone());
    QCOMPARE(first->status(), 200);
    QCOMPARE(second->status(), 200);
    QCOMPARE(first->body(), QByteArray(TestHttpService::Page));
    const QByteArray sent =
            QCryptographicHash::hash(TestHttpService::pattern(0, 5000), QCryptographicHash::Sha256);
    QCOMPARE(second->body(), sent.toHex() + '\n'); // the held body, whole
    QCOMPARE(client->requestLog()->waiting(), 0);
    QCOMPARE(client->requestHold()->requests(), 0);
    QCOMPARE(client->requestHold()->bytes(), 0);
    QTRY_COMPARE(client->requestLog()->records().size(), 2);
    for (const RequestRecord &record : client->requestLog()->records()) {
        QCOMPARE(record.status, 200);
        QVERIFY2(record.heldMs > 0, qPrintable(QString::number(record.heldMs)));
    }
}

// It does not come back in time: the 502 page says the request was held and for how long.
void tst_Tunnel::holdRunsOutInA502()
{
    const quint16 port = freePort();
    TunnelOptions options = httpOptions(port);
    options.hold.time = 300ms;
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QElapsedTimer clock;
    clock.start();
    HttpVisit *page = visit(hostOf(client->url()), "/api");
    QTRY_VERIFY(page->isDone());
    QVERIFY(clock.elapsed() >= 300);
    QCOMPARE(page->status(), 502);
    QVERIFY2(page->body().contains("held the request"), page->body().constData());
    QTRY_COMPARE(client->requestLog()->records().size(), 1);
    const RequestRecord record = client->requestLog()->records().constFirst();
    QCOMPARE(record.status, 502);
    QVERIFY(record.heldMs >= 300);
    QCOMPARE(client->requestHold()->requests(), 0);
    QCOMPARE(client->requestLog()->waiting(), 0);
}

// Past the cap on held requests, or on their bytes, a visitor gets a 503 at once.
void tst_Tunnel::holdIsBoundedAndAnswers503()
{
    const quint16 port = freePort();
    TunnelOptions options = httpOptions(port);
    options.hold.requests = 1;
    options.hold.bytes = 64 * 1024;
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    HttpVisit *held = visit(hostOf(client->url()), "/held");
    QTRY_COMPARE(client->requestHold()->requests(), 1);
    HttpVisit *second = visit(hostOf(client->url()), "/second");
    QTRY_VERIFY(second->isDone());
    QCOMPARE(second->status(), 503);
    QVERIFY2(second->body().contains("already wait"), second->body().constData());
    QVERIFY(!held->isDone());

    delete held; // the visitor gives up: its place is free
    QTRY_COMPARE(client->requestHold()->requests(), 0);
    HttpVisit *big = visit(hostOf(client->url()), "/upload", "POST", 200 * 1024);
    QTRY_VERIFY(big->isDone());
    QCOMPARE(big->status(), 503);
    QVERIFY2(big->body().contains("hold 64"), big->body().constData());
    QTRY_COMPARE(client->requestHold()->requests(), 0);
    QCOMPARE(client->requestHold()->bytes(), 0);
}

void tst_Tunnel::visitorLeavingFreesItsPlaceInTheHold()
{
    TunnelClient *client = startClient(httpOptions(freePort()));
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    HttpVisit *page = visit(hostOf(client->url()), "/api");
    QTRY_COMPARE(client->requestLog()->waiting(), 1);
    page->socket()->abort();
    QTRY_COMPARE(client->requestLog()->waiting(), 0);
    QCOMPARE(client->requestHold()->requests(), 0);
    QCOMPARE(client->requestHold()->bytes(), 0);
    QTRY_COMPARE(client->activeStreams(), 1); // the control stream only
    QTRY_COMPARE(client->requestLog()->records().size(), 1); // as left, not answered
    const RequestRecord record = client->requestLog()->records().constFirst();
    QCOMPARE(record.status, 0);
    QCOMPARE(record.path, QByteArray("/api"));
    QVERIFY2(record.error.contains(u"visitor left"), qPrintable(record.error));
}

// The server times each exchange at the edge and tells the client, which splits the time into
// the app's part and the tunnel's. Two requests one after the other on one connection, a slow
// one first: each gets its own edge time (swapped, the fast one's tunnel part would be the slow
// one's 120 ms).
void tst_Tunnel::eachRequestsTimeIsSplitBetweenAppAndTunnel()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QTcpSocket visitor;
    visitor.connectToHost(QHostAddress::LocalHost, m_server->httpPort());
    QVERIFY(visitor.waitForConnected());
    const QByteArray host = hostOf(client->url());
    QByteArray answers;
    visitor.write("GET /delay/120 HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    QTRY_VERIFY((answers += visitor.readAll()).contains("late\n"));
    visitor.write("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    QTRY_COMPARE(client->requestLog()->records().size(), 2);
    const QList<RequestRecord> records = client->requestLog()->records();
    const RequestRecord &slow = records.at(0);
    const RequestRecord &fast = records.at(1);
    QCOMPARE(slow.path, QByteArray("/delay/120"));
    QCOMPARE(fast.path, QByteArray("/"));
    QVERIFY2(slow.durationMs >= 120, qPrintable(QString::number(slow.durationMs)));
    for (const RequestRecord &record : records) {
        // measured (not -1), and on loopback far below the slow one's 120 ms
        QVERIFY2(record.tunnelMs >= 0 && record.tunnelMs < 100,
                 qPrintable(QString::number(record.tunnelMs)));
    }
}

void tst_Tunnel::stoppedClientTurnsUrlInto404()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const QByteArray host = hostOf(client->url());
    client->stop();
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (status != 404 && timer.elapsed() < 1000) {
        HttpVisit *page = visit(host, "/");
        QTRY_VERIFY(page->isDone());
        status = page->status();
    }
    QCOMPARE(status, 404);
    QVERIFY(timer.elapsed() < 1000);
}

void tst_Tunnel::stopLetsOpenDownloadFinish()
{
    DrainingServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TunnelOptions options = httpOptions(m_local->serverPort());
    options.server.endpoint.port = server.serverPort();
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    constexpr qint64 Size = 4 * 1024 * 1024;
    MuxStream *visitor = server.openVisitorStream();
    visitor->write("GET /bytes/" + QByteArray::number(Size)
                   + " HTTP/1.1\r\nHost: drain.localhost\r\nConnection: close\r\n\r\n");
    QTRY_VERIFY(visitor->bytesAvailable() > 0); // the download has begun

    QSignalSpy drained(client, &TunnelClient::drained);
    QSignalSpy closed(server.session(), &MuxSession::closed);
    client->stop(); // Ctrl-C
    QCOMPARE(client->state(), TunnelClient::State::Stopped);
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += visitor->readAll(), visitor->atReadEnd()), 30'000);
    QVERIFY2(!visitor->hasFailed(), qPrintable(visitor->errorString()));
    const qsizetype body = received.indexOf("\r\n\r\n") + 4;
    QVERIFY(received.startsWith("HTTP/1.1 200 "));
    QCOMPARE(received.size() - body, Size);
    QVERIFY(received.sliced(body) == TestHttpService::pattern(0, Size));
    QCOMPARE(drained.count(), 0); // the visitor is still there

    visitor->closeWrite(); // and leaves
    QTRY_COMPARE(drained.count(), 1);
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), QString()); // a goodbye, not a loss
}

void tst_Tunnel::secondStopClosesAtOnce()
{
    DrainingServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TunnelOptions options = httpOptions(m_local->serverPort());
    options.server.endpoint.port = server.serverPort();
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    MuxStream *visitor = server.openVisitorStream();
    visitor->write("GET /delay/60000 HTTP/1.1\r\nHost: drain.localhost\r\n\r\n");
    QTRY_COMPARE(client->activeStreams(), 2); // the control stream and the visitor

    QSignalSpy drained(client, &TunnelClient::drained);
    client->stop();
    QTest::qWait(100);
    QCOMPARE(drained.count(), 0); // waits for the slow answer...
    client->stop();
    QCOMPARE(drained.count(), 1); // ...until asked again
    QTRY_VERIFY(visitor->isFinished());
    QVERIFY(visitor->hasFailed());
}

void tst_Tunnel::nameIsReservedThenFreed()
{
    ServerConfig config = testConfig();
    config.reservation = 300ms;
    startServer(config);
    TunnelOptions options = httpOptions(m_local->serverPort());
    options.subdomain = QStringLiteral("my-app");
    TunnelClient *first = startClient(options);
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    QCOMPARE(first->url(), m_server->publicUrl(QStringLiteral("my-app")));
    first->stop();
    QTRY_VERIFY(!m_server->tunnelFor(QStringLiteral("my-app")));

    // Another client may not take it while it is reserved...
    TunnelClient *second = startClient(options);
    QSignalSpy errors(second, &TunnelClient::errorOccurred);
    QVERIFY(errors.count() || errors.wait());
    QVERIFY2(errors.at(0).at(0).toString().contains(u"reserved"),
             qPrintable(errors.at(0).at(0).toString()));
    // ...but gets it once the reservation is over (it keeps retrying meanwhile).
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), TunnelClient::State::Online, 5000);
    QCOMPARE(second->url(), m_server->publicUrl(QStringLiteral("my-app")));
}

void tst_Tunnel::takenNameIsRefused()
{
    TunnelOptions options = httpOptions(m_local->serverPort());
    options.subdomain = QStringLiteral("shared-name");
    TunnelClient *first = startClient(options);
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    TunnelClient *second = startClient(options);
    QTRY_COMPARE(second->state(), TunnelClient::State::Failed);
    QVERIFY2(second->lastError().contains(u"in use"), qPrintable(second->lastError()));
    QCOMPARE(first->state(), TunnelClient::State::Online);
}

void tst_Tunnel::serverRestartKeepsUrl()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const QString url = client->url();
    ServerConfig config = testConfig();
    config.controlPort = m_server->controlPort();
    config.httpPort = m_server->httpPort();
    QSignalSpy opened(client, &TunnelClient::tunnelOpened);
    m_server.reset(); // the server goes away: every client loses its connection
    QTRY_COMPARE(client->state(), TunnelClient::State::Reconnecting);
    startServer(config);
    QVERIFY(opened.count() || opened.wait(10000));
    QCOMPARE(client->url(), url);
    QCOMPARE(opened.at(0).at(1).toBool(), true); // sameAsBefore
    HttpVisit *page = visit(hostOf(url), "/");
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->status(), 200);
}

void tst_Tunnel::tcpTunnelWithHalfClose()
{
    // The local service: answers each line at once, and sums up after the visitor's FIN.
    Listener service;
    QVERIFY(service.listen(QHostAddress::LocalHost, 0));
    connect(&service, &Listener::accepted, this, [&service](qintptr descriptor) {
        auto *peer = new TcpConnection(descriptor, &service);
        auto received = std::make_shared<qint64>(0);
        connect(peer, &QIODevice::readyRead, peer, [peer, received] {
            const QByteArray data = peer->readAll();
            *received += data.size();
            peer->write("ack " + QByteArray::number(data.size()) + '\n');
        });
        connect(peer, &QIODevice::readChannelFinished, peer, [peer, received] {
            peer->write("total " + QByteArray::number(*received) + '\n');
            peer->closeWrite();
        });
    });
    TunnelOptions options = httpOptions(service.serverPort());
    options.protocol = TunnelOptions::Protocol::Tcp;
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QVERIFY(client->url().startsWith(u"tcp://localhost:"));
    const quint16 publicPort = quint16(QUrl(client->url()).port());

    TcpConnection visitor;
    QSignalSpy connected(&visitor, &TcpConnection::connected);
    visitor.connectTo({QHostAddress(QHostAddress::LocalHost)}, publicPort);
    QVERIFY(connected.wait());
    QByteArray received;
    visitor.write("ping");
    QTRY_VERIFY((received += visitor.readAll(), received == "ack 4\n"));
    visitor.write("second");
    QTRY_VERIFY((received += visitor.readAll(), received == "ack 4\nack 6\n"));
    QSignalSpy finished(&visitor, &DuplexDevice::finished);
    visitor.closeWrite(); // half-close: the answer must still come back
    QTRY_VERIFY((received += visitor.readAll(), received.endsWith("total 10\n")));
    QVERIFY(finished.count() || finished.wait());
    QVERIFY(!visitor.hasFailed());
}

void tst_Tunnel::tcpVisitorLimits()
{
    // A TCP tunnel's visitors: quiet ones go after --tcp-idle-timeout, talking ones stay, and
    // one over --max-connections-per-ip is reset at once.
    ServerConfig config = testConfig();
    config.tcpIdleTimeout = 600ms;
    config.maxConnectionsPerIp = 2;
    startServer(config);
    Listener service; // an echo service
    QVERIFY(service.listen(QHostAddress::LocalHost, 0));
    connect(&service, &Listener::accepted, this, [&service](qintptr descriptor) {
        auto *peer = new TcpConnection(descriptor, &service);
        connect(peer, &QIODevice::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });
    TunnelOptions options = httpOptions(service.serverPort());
    options.protocol = TunnelOptions::Protocol::Tcp;
    TunnelClient *client = startClient(options);
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    const quint16 publicPort = quint16(QUrl(client->url()).port());
    QVERIFY(publicPort >= config.tcpPortFrom && publicPort <= config.tcpPortTo);

    QTcpSocket quiet;
    QTcpSocket talking;
    quiet.connectToHost(QHostAddress::LocalHost, publicPort);
    talking.connectToHost(QHostAddress::LocalHost, publicPort);
    QVERIFY(quiet.waitForConnected(5000) && talking.waitForConnected(5000));
    QTcpSocket third; // over the per-address limit: reset at once
    QElapsedTimer timer;
    timer.start();
    QByteArray echoed;
    while (timer.elapsed() < 1500) { // talk every 200 ms, well inside the idle timeout
        talking.write("x");
        if (timer.elapsed() < 200)
            third.connectToHost(QHostAddress::LocalHost, publicPort);
        QTest::qWait(200);
        echoed += talking.readAll();
    }
    QCOMPARE(third.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(quiet.state(), QAbstractSocket::UnconnectedState); // idle for over 600 ms: gone
    QVERIFY2(talking.state() == QAbstractSocket::ConnectedState,
             qPrintable(talking.errorString() + u" echoed "_s + QString::number(echoed.size())
                        + u" after "_s + QString::number(timer.elapsed())));
    QVERIFY(echoed.size() >= 5);
}

void tst_Tunnel::garbageOnControlPortLeavesOthersAlone()
{
    TunnelClient *client = startClient();
    QTRY_COMPARE(client->state(), TunnelClient::State::Online);
    QTcpSocket garbage;
    garbage.connectToHost(QHostAddress::LocalHost, m_server->controlPort());
    QVERIFY(garbage.waitForConnected());
    garbage.write(QByteArray(4096, '\xff'));
    QTRY_COMPARE(garbage.state(), QAbstractSocket::UnconnectedState);
    QTcpSocket oversized; // a valid yamux header announcing 64 MiB
    oversized.connectToHost(QHostAddress::LocalHost, m_server->controlPort());
    QVERIFY(oversized.waitForConnected());
    oversized.write(QByteArray::fromHex("000000010000000104000000"));
    QTRY_COMPARE(oversized.state(), QAbstractSocket::UnconnectedState);
    HttpVisit *page = visit(hostOf(client->url()), "/");
    QTRY_VERIFY(page->isDone());
    QCOMPARE(page->status(), 200);
    QCOMPARE(client->state(), TunnelClient::State::Online);
}

void tst_Tunnel::wrongProtocolVersionIsRefused()
{
    RawClient raw(m_server->controlPort());
    raw.control->send(Protocol::Hello{.version = 99}.toCbor());
    QVERIFY(raw.replies->wait());
    const QCborMap message = raw.reply(0);
    QCOMPARE(Protocol::messageType(message), Protocol::Error::Type);
    const Protocol::Error error = Protocol::Error::fromCbor(message);
    QCOMPARE(error.code, Protocol::ErrorCode::UnsupportedVersion);
    QVERIFY(error.message.contains(u"version 99"));
    QSignalSpy closed(raw.session.get(), &MuxSession::closed);
    QVERIFY(closed.count() || closed.wait());
}

void tst_Tunnel::oversizedResumeKeyIsReplaced()
{
    // The server stores a resume key per name: one of 60 KiB from a client is not kept.
    RawClient raw(m_server->controlPort());
    raw.control->send(Protocol::Hello{.version = Protocol::Version}.toCbor());
    QVERIFY(raw.replies->wait());
    raw.control->send(Protocol::Open{
            .protocol = QStringLiteral("http"), .resume = QByteArray(60 * 1024, 'k'), .tunnel = 1}
                              .toCbor());
    QTRY_COMPARE(raw.replies->count(), 2);
    const QCborMap opened = raw.reply(1);
    QCOMPARE(Protocol::messageType(opened), Protocol::Opened::Type);
    QCOMPARE(Protocol::Opened::fromCbor(opened).resume.size(), Protocol::ResumeKeySize);
}

void tst_Tunnel::tokenAuth()
{
    ServerConfig config = testConfig();
    config.tokens = {"first-secret", "second-secret"};
    startServer(config);

    TunnelOptions options = httpOptions(m_local->serverPort());
    TunnelClient *none = startClient(options);
    QTRY_COMPARE(none->state(), TunnelClient::State::Failed);
    QVERIFY2(none->lastError().contains(u"requires a token"), qPrintable(none->lastError()));

    options.token = "wrong";
    TunnelClient *wrong = startClient(options);
    QTRY_COMPARE(wrong->state(), TunnelClient::State::Failed);
    QVERIFY2(wrong->lastError().contains(u"not accepted"), qPrintable(wrong->lastError()));

    options.token = "second-secret";
    TunnelClient *right = startClient(options);
    QTRY_COMPARE(right->state(), TunnelClient::State::Online);
}

void tst_Tunnel::severalTunnelsShareOneConnection()
{
    // Two HTTP tunnels to two services and a TCP one, from one client over one connection.
    TestHttpService other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    Listener echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    connect(&echo, &Listener::accepted, this, [&echo](qintptr descriptor) {
        auto *peer = new TcpConnection(descriptor, &echo);
        connect(peer, &QIODevice::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });
    TunnelOptions web = httpOptions(m_local->serverPort());
    web.subdomain = u"web"_s;
    TunnelOptions api = httpOptions(other.serverPort());
    api.subdomain = u"shop"_s;
    TunnelOptions tcp = httpOptions(echo.serverPort());
    tcp.protocol = TunnelOptions::Protocol::Tcp;
    TunnelClient client({web, api, tcp});
    QCOMPARE(client.tunnelCount(), 3);
    QVERIFY(!client.requestLog(2)); // TCP tunnels log no requests
    for (int i = 0; i < 2; ++i)
        client.requestLog(i)->setBatchInterval(10ms);
    QSignalSpy opened(&client, &TunnelClient::tunnelOpened);
    client.start();
    QTRY_COMPARE(client.state(), TunnelClient::State::Online);
    QCOMPARE(opened.size(), 3);
    QVERIFY2(client.url(0).startsWith(u"http://web.localhost:"_s), qPrintable(client.url(0)));
    QVERIFY2(client.url(1).startsWith(u"http://shop.localhost:"_s), qPrintable(client.url(1)));
    QVERIFY2(client.url(2).startsWith(u"tcp://localhost:"_s), qPrintable(client.url(2)));
    const QJsonArray tunnels = m_server->tunnelsJson();
    QCOMPARE(tunnels.size(), 3);
    for (const QJsonValue &tunnel : tunnels) // one connection: one client address and port
        QCOMPARE(tunnel[u"client"_s], tunnels[0][u"client"_s]);

    // Each visitor reaches its own tunnel's service and shows in that tunnel's log.
    HttpVisit *toWeb = visit(hostOf(client.url(0)), "/headers");
    HttpVisit *toApi = visit(hostOf(client.url(1)), "/");
    QTRY_VERIFY(toWeb->isDone() && toApi->isDone());
    QCOMPARE(toWeb->status(), 200);
    QCOMPARE(toApi->status(), 200);
    QTRY_COMPARE(client.requestLog(0)->records().size(), 1);
    QTRY_COMPARE(client.requestLog(1)->records().size(), 1);
    QCOMPARE(client.requestLog(0)->records().constFirst().path, "/headers"_ba);
    QCOMPARE(client.requestLog(1)->records().constFirst().path, "/"_ba);

    TcpConnection visitor;
    QSignalSpy connected(&visitor, &TcpConnection::connected);
    visitor.connectTo({QHostAddress(QHostAddress::LocalHost)}, quint16(QUrl(client.url(2)).port()));
    QVERIFY(connected.wait());
    visitor.write("ping");
    QByteArray echoed;
    QTRY_VERIFY((echoed += visitor.readAll()) == "ping");
}

void tst_Tunnel::refusedTunnelSaysWhichAndStopsTheClient()
{
    TunnelOptions holder = httpOptions(m_local->serverPort());
    holder.subdomain = u"taken"_s;
    TunnelClient *first = startClient(holder);
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);

    TunnelOptions mine = httpOptions(m_local->serverPort());
    mine.subdomain = u"mine"_s;
    mine.label = u"site"_s;
    TunnelOptions blog = mine;
    blog.subdomain = u"taken"_s;
    blog.label = u"blog"_s;
    TunnelClient client({mine, blog});
    QSignalSpy errors(&client, &TunnelClient::errorOccurred);
    client.start();
    QTRY_COMPARE(client.state(), TunnelClient::State::Failed);
    QCOMPARE(errors.size(), 1);
    const QString message = errors.constFirst().constFirst().toString();
    QVERIFY2(message.startsWith(u"blog: "_s) && message.contains(u"taken"_s), qPrintable(message));
    QCOMPARE(errors.constFirst().at(1).toBool(), true);
    // Its other tunnel went with it; the holder keeps its name.
    QTRY_VERIFY(!m_server->tunnelFor(u"mine"_s));
    QCOMPARE(m_server->tunnelFor(u"taken"_s)->url(), first->url());
}

void tst_Tunnel::versionTwoClientGetsOneTunnelWithoutHeaders()
{
    RawClient raw(m_server->controlPort());
    raw.control->send(Protocol::Hello{.version = 2}.toCbor());
    QVERIFY(raw.replies->wait());
    QCOMPARE(Protocol::Hello::fromCbor(raw.reply(0)).version, 2);
    raw.control->send(Protocol::Open{.protocol = u"http"_s, .name = u"old"_s}.toCbor());
    QTRY_COMPARE(raw.replies->count(), 2);
    const Protocol::Opened opened = Protocol::Opened::fromCbor(raw.reply(1));
    QCOMPARE(opened.name, u"old"_s);
    QCOMPARE(opened.tunnel, 0);
    // A second open is out of order in version 2.
    raw.control->send(Protocol::Open{.protocol = u"http"_s, .name = u"more"_s}.toCbor());
    QTRY_COMPARE(raw.replies->count(), 3);
    QCOMPARE(Protocol::Error::fromCbor(raw.reply(2)).code, Protocol::ErrorCode::BadMessage);

    // Before that closed it, a visitor stream held the request and nothing before it.
    RawClient again(m_server->controlPort());
    again.control->send(Protocol::Hello{.version = 2}.toCbor());
    QVERIFY(again.replies->wait());
    again.control->send(Protocol::Open{.protocol = u"http"_s, .name = u"old2"_s}.toCbor());
    QTRY_COMPARE(again.replies->count(), 2);
    qRegisterMetaType<MuxStream *>();
    QSignalSpy streams(again.session.get(), &MuxSession::streamOpened);
    HttpVisit *page = visit(hostOf(Protocol::Opened::fromCbor(again.reply(1)).url), "/plain");
    QVERIFY(streams.wait());
    auto *stream = streams.constFirst().constFirst().value<MuxStream *>();
    QTRY_VERIFY(stream->bytesAvailable() >= 4);
    QCOMPARE(stream->read(4), "GET "_ba);
    Q_UNUSED(page);
}

void tst_Tunnel::versionThreeOpenNeedsAFreshNumber()
{
    for (const qint64 number : {qint64(0), qint64(-1), qint64(1)}) {
        RawClient raw(m_server->controlPort());
        QSignalSpy closed(raw.session.get(), &MuxSession::closed);
        raw.control->send(Protocol::Hello{.version = Protocol::Version}.toCbor());
        QVERIFY(raw.replies->wait());
        qsizetype expected = 2;
        if (number == 1) { // the first open with number 1 is fine; the second is not
            raw.control->send(Protocol::Open{.protocol = u"http"_s, .tunnel = 1}.toCbor());
            QTRY_COMPARE(raw.replies->count(), 2);
            QCOMPARE(Protocol::messageType(raw.reply(1)), Protocol::Opened::Type);
            expected = 3;
        }
        raw.control->send(Protocol::Open{.protocol = u"http"_s, .tunnel = number}.toCbor());
        QTRY_COMPARE(raw.replies->count(), expected);
        const Protocol::Error error = Protocol::Error::fromCbor(raw.reply(expected - 1));
        QCOMPARE(error.code, Protocol::ErrorCode::BadMessage);
        QCOMPARE(error.tunnel, 0); // the whole connection
        QVERIFY(closed.count() || closed.wait());
    }
}

QTEST_GUILESS_MAIN(tst_Tunnel)
#include "tst_tunnel.moc"
