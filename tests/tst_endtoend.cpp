// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// End-to-end tests: the built rok-server and rok binaries, real curl, a local service in this
// process, all on loopback.

#include "curl.h"
#include "httpsservice.h"
#include "jsonprocess.h"
#include "scratchfile.h"
#include "testcertificates.h"
#include "testhttpservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <cstring>

#include <memory>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace std::chrono_literals;

using namespace Qt::StringLiterals;

namespace {

// Established TCP connections whose remote end is `port` on this machine (client sides).
int connectionsTo(quint16 port)
{
    int count = 0;
    for (const QString &table :
         {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
            if (fields.size() < 4 || fields.at(3) != "01") // 01: ESTABLISHED
                continue;
            if (fields.at(2).split(':').value(1).toUInt(nullptr, 16) == port)
                ++count;
        }
    }
    return count;
}

QByteArray patternSha256(qint64 size)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 offset = 0; offset < size; offset += 1024 * 1024)
        hash.addData(TestHttpService::pattern(offset, qMin<qint64>(1024 * 1024, size - offset)));
    return hash.result().toHex();
}

// systemd's end of NOTIFY_SOCKET: a unix datagram socket that sd_notify() in rok-server
// writes its state to.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
        : m_fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0))
    {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(path);
        std::memcpy(address.sun_path, name.constData(),
                    std::min<size_t>(size_t(name.size()), sizeof address.sun_path - 1));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~NotifySocket() { ::close(m_fd); }
    bool isBound() const { return m_bound; }

    // Every message received so far, one datagram each.
    const QByteArrayList &messages()
    {
        char buffer[4096];
        ssize_t n = 0;
        while ((n = ::recv(m_fd, buffer, sizeof buffer, 0)) > 0)
            m_messages.append(QByteArray(buffer, qsizetype(n)));
        return m_messages;
    }

private:
    int m_fd;
    bool m_bound = false;
    QByteArrayList m_messages;
};

} // namespace

class tst_EndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void curlGetsTheLocalPage();
    void oneConnectionForManyRequests();
    void largeUploadAndDownloadWithCurl();
    void slowDownloadKeepsMemoryBounded();
    void killedClientTurnsInto404AndNameIsRecycled();
    void clientReconnectsAfterServerRestart();
    void signalsStopBothCleanly();
    void systemdHearsReadyReloadAndStop();
    void refusedTokenExitsWithMessage();
    void garbageGetsOneLogLineAndNoCrash();
    void accessControlAtTheEdge();
    void tokensFileLimitsAndReload();
    void configFileAndItsReload();
    void adminEndpoints();
    void httpsLocalService();
    void hostHeaderForTheLocalService();
    void unknownLocalHostStopsTheClient();
    void trayAppWithServerAndLocalOpensTheTunnel();
    void savedServerAndTokenServeEveryCommand();
    void secondTrayAppHandsOverToTheFirst();
    void withoutADisplayRokSaysHowToStartATunnel();
    void requestWaitsWhileTheLocalAppRestarts();
    void jsonSaysWhereEachRequestsTimeWent();
    void inspectorServesTheLogToCurlAndChromium();
    void inspectorListensOnLoopbackOnly();
    void rokSpeaksTheUsersLanguage_data();
    void rokSpeaksTheUsersLanguage();
    void savedTunnelsStartTogetherOnOneConnection();

private:
    JsonProcess *startServer(QStringList extra = {});
    JsonProcess *startClient(QStringList arguments);
    // `rok config WORDS` with its settings in `configHome`: its exit code; stdout and stderr in
    // *output.
    int runRokConfig(const QString &configHome, const QStringList &words,
                     const QByteArray &input = {}, QByteArray *output = nullptr);
    QString openTunnel(JsonProcess *client);

    std::unique_ptr<TestHttpService> m_local;
    std::vector<std::unique_ptr<JsonProcess>> m_processes;
    quint16 m_httpPort = 0;
    quint16 m_controlPort = 0;
};

void tst_EndToEnd::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(ROK_SERVER_BINARY)), ROK_SERVER_BINARY);
    QVERIFY2(QFile::exists(QStringLiteral(ROK_CLIENT_BINARY)), ROK_CLIENT_BINARY);
    QProcess probe;
    probe.start(QStringLiteral("curl"), {QStringLiteral("--version")});
    QVERIFY2(probe.waitForFinished() && probe.exitCode() == 0,
             "curl is needed: apt-get install curl");
}

void tst_EndToEnd::init()
{
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
}

void tst_EndToEnd::cleanup()
{
    m_processes.clear();
    m_local.reset();
}

JsonProcess *tst_EndToEnd::startServer(QStringList extra)
{
    QStringList arguments{QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("--log-format"), QStringLiteral("json")};
    if (!extra.contains(QStringLiteral("--http-port")))
        arguments << QStringLiteral("--http-port") << QStringLiteral("0");
    if (!extra.contains(QStringLiteral("--control-port")))
        arguments << QStringLiteral("--control-port") << QStringLiteral("0");
    m_processes.push_back(
            std::make_unique<JsonProcess>(QStringLiteral(ROK_SERVER_BINARY), arguments + extra));
    JsonProcess *server = m_processes.back().get();
    const QJsonObject listening = server->waitFor(QStringLiteral("listening"));
    if (listening.isEmpty())
        qWarning() << "rok-server did not start:" << server->standardError();
    m_httpPort = quint16(listening.value(QStringLiteral("http_port")).toInt());
    m_controlPort = quint16(listening.value(QStringLiteral("control_port")).toInt());
    return server;
}

JsonProcess *tst_EndToEnd::startClient(QStringList arguments)
{
    arguments << QStringLiteral("--json") << QStringLiteral("--server")
              << QStringLiteral("127.0.0.1:%1").arg(m_controlPort);
    m_processes.push_back(
            std::make_unique<JsonProcess>(QStringLiteral(ROK_CLIENT_BINARY), arguments));
    return m_processes.back().get();
}

int tst_EndToEnd::runRokConfig(const QString &configHome, const QStringList &words,
                               const QByteArray &input, QByteArray *output)
{
    JsonProcess rok(QStringLiteral(ROK_CLIENT_BINARY), QStringList{u"config"_s} + words,
                    configHome);
    rok.writeAndCloseInput(input);
    if (!rok.waitForExit())
        return -1;
    if (output)
        *output = rok.output() + rok.standardError();
    return rok.exitCode();
}

QString tst_EndToEnd::openTunnel(JsonProcess *client)
{
    return client->waitFor(QStringLiteral("tunnel_opened")).value(QStringLiteral("url")).toString();
}

void tst_EndToEnd::curlGetsTheLocalPage()
{
    startServer();
    QVERIFY(m_httpPort != 0);
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);
    QVERIFY2(url.startsWith(u"http://") && url.contains(u".localhost:"), qPrintable(url));
    const CurlResult result = curl({url + u'/'});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.output, QByteArray(TestHttpService::Page));
    const QJsonObject request = client->waitFor(QStringLiteral("request"));
    QCOMPARE(request.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(request.value(QStringLiteral("path")).toString(), QStringLiteral("/"));
    QCOMPARE(request.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(request.value(QStringLiteral("duration_ms")).toDouble() > 0);
    QVERIFY(request.value(QStringLiteral("response_bytes")).toInt()
            > int(strlen(TestHttpService::Page)));

    const CurlResult missing =
            curl({QStringLiteral("http://nobody.localhost:%1/").arg(m_httpPort)});
    QVERIFY(missing.output.contains("No tunnel is open at nobody.localhost"));
}

void tst_EndToEnd::oneConnectionForManyRequests()
{
    startServer();
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);
    QCOMPARE(connectionsTo(m_controlPort), 1);
    // 200 visitor connections, 50 at a time: Connection: close stops curl from reusing them.
    QStringList arguments{QStringLiteral("--parallel"), QStringLiteral("--parallel-max"),
                          QStringLiteral("50"), QStringLiteral("-H"),
                          QStringLiteral("Connection: close")};
    for (int i = 0; i < 200; ++i)
        arguments << QStringLiteral("-o") << QStringLiteral("/dev/null")
                  << url + QStringLiteral("/bytes/%1").arg(1000 + i);
    const CurlResult result = curl(arguments);
    QCOMPARE(result.exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(client->events(QStringLiteral("request")).size(), 200, 20000);
    QCOMPARE(connectionsTo(m_controlPort), 1); // every request rode the one client connection
    QCOMPARE(m_local->connectionsAccepted(), 200);
}

void tst_EndToEnd::largeUploadAndDownloadWithCurl()
{
    constexpr qint64 Size = 200 * 1024 * 1024;
    startServer();
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);
    QVERIFY(!url.isEmpty());

    QTemporaryDir dir;
    const QString upload = dir.filePath(QStringLiteral("upload.bin"));
    {
        QFile file(upload);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (qint64 offset = 0; offset < Size; offset += 1024 * 1024)
            file.write(TestHttpService::pattern(offset, 1024 * 1024));
    }
    const QByteArray expected = patternSha256(Size);

    const CurlResult posted =
            curl({QStringLiteral("--data-binary"), u'@' + upload, QStringLiteral("-H"),
                  QStringLiteral("Content-Type: application/octet-stream"),
                  url + QStringLiteral("/sha256")},
                 300000);
    QCOMPARE(posted.exitCode, 0);
    QCOMPARE(posted.output.trimmed(), expected);

    const QString download = dir.filePath(QStringLiteral("download.bin"));
    const CurlResult got = curl(
            {QStringLiteral("-o"), download, url + QStringLiteral("/bytes/%1").arg(Size)}, 300000);
    QCOMPARE(got.exitCode, 0);
    QFile file(download);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.size(), Size);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&file));
    QCOMPARE(hash.result().toHex(), expected);
}

void tst_EndToEnd::slowDownloadKeepsMemoryBounded()
{
    constexpr qint64 Size = 256 * 1024 * 1024;
    JsonProcess *server = startServer();
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);
    QVERIFY(!url.isEmpty());
    const qint64 serverBefore = server->residentKiB();
    const qint64 clientBefore = client->residentKiB();

    // A visitor reading at 32 MB/s, far slower than loopback: without backpressure the
    // whole file would pile up in one of the processes.
    QProcess slow;
    slow.start(QStringLiteral("curl"),
               {QStringLiteral("-sS"), QStringLiteral("--limit-rate"), QStringLiteral("32M"),
                QStringLiteral("-o"), QStringLiteral("/dev/null"),
                url + QStringLiteral("/bytes/%1").arg(Size)});
    qint64 serverPeak = 0;
    qint64 clientPeak = 0;
    QElapsedTimer timer;
    timer.start();
    while (slow.state() != QProcess::NotRunning && timer.elapsed() < 120000) {
        serverPeak = qMax(serverPeak, server->residentKiB());
        clientPeak = qMax(clientPeak, client->residentKiB());
        QTest::qWait(100);
    }
    QCOMPARE(slow.exitStatus(), QProcess::NormalExit);
    QCOMPARE(slow.exitCode(), 0);
    qInfo("rok-server RSS %lld -> peak %lld KiB; rok RSS %lld -> peak %lld KiB (256 MiB moved)",
          serverBefore, serverPeak, clientBefore, clientPeak);
    // Growth stays at a few windows' worth, far below the 256 MiB that went through.
    QVERIFY2(serverPeak - serverBefore < 48 * 1024,
             qPrintable(QString::number(serverPeak - serverBefore)));
    QVERIFY2(clientPeak - clientBefore < 48 * 1024,
             qPrintable(QString::number(clientPeak - clientBefore)));
}

void tst_EndToEnd::killedClientTurnsInto404AndNameIsRecycled()
{
    JsonProcess *server = startServer({QStringLiteral("--reserve-seconds"), QStringLiteral("1")});
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort()),
                         QStringLiteral("--subdomain"), QStringLiteral("kill-me")});
    const QString url = openTunnel(client);
    QCOMPARE(url, QStringLiteral("http://kill-me.localhost:%1").arg(m_httpPort));
    QCOMPARE(curl({url}).output, QByteArray(TestHttpService::Page));

    client->signal(SIGKILL); // no goodbye: the server learns it from the socket
    QElapsedTimer timer;
    timer.start();
    QByteArray answer;
    while (!answer.contains("No tunnel is open") && timer.elapsed() < 1000)
        answer = curl({url}).output;
    QVERIFY2(answer.contains("No tunnel is open at kill-me.localhost"), answer.constData());
    QVERIFY(timer.elapsed() < 1000);

    // Reserved for a second, then free for anyone.
    QVERIFY(!server->waitFor(QStringLiteral("name_released"), 5000).isEmpty());
    JsonProcess *other =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort()),
                         QStringLiteral("--subdomain"), QStringLiteral("kill-me")});
    QCOMPARE(openTunnel(other), url);
}

void tst_EndToEnd::clientReconnectsAfterServerRestart()
{
    JsonProcess *server = startServer();
    const quint16 httpPort = m_httpPort;
    const quint16 controlPort = m_controlPort;
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);
    QVERIFY(!url.isEmpty());

    server->signal(SIGTERM);
    QVERIFY(server->waitForExit());
    int reconnecting = -1;
    const QJsonObject state = client->waitFor(QStringLiteral("state"), 15000, &reconnecting, 3);
    QCOMPARE(state.value(QStringLiteral("state")).toString(), QStringLiteral("reconnecting"));

    startServer({QStringLiteral("--http-port"), QString::number(httpPort),
                 QStringLiteral("--control-port"), QString::number(controlPort)});
    QCOMPARE(m_httpPort, httpPort);
    int index = -1;
    const QJsonObject reopened =
            client->waitFor(QStringLiteral("tunnel_opened"), 40000, &index, reconnecting);
    QCOMPARE(reopened.value(QStringLiteral("url")).toString(), url);
    QCOMPARE(reopened.value(QStringLiteral("same_url")).toBool(), true);
    QCOMPARE(curl({url}).output, QByteArray(TestHttpService::Page));
}

void tst_EndToEnd::signalsStopBothCleanly()
{
    JsonProcess *server = startServer();
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    QVERIFY(!openTunnel(client).isEmpty());
    client->signal(SIGINT);
    QVERIFY(client->waitForExit());
    QCOMPARE(client->exitStatus(), QProcess::NormalExit);
    QCOMPARE(client->exitCode(), 0);
    const QJsonObject closed = server->waitFor(QStringLiteral("tunnel_closed"));
    QCOMPARE(closed.value(QStringLiteral("reason")).toString(), QString()); // a goodbye, not a loss
    server->signal(SIGTERM);
    QVERIFY(server->waitForExit());
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->exitCode(), 0);
    QVERIFY(!server->events(QStringLiteral("stopped")).isEmpty());
}

void tst_EndToEnd::systemdHearsReadyReloadAndStop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    NotifySocket systemd(dir.filePath(u"notify"_s));
    QVERIFY(systemd.isBound());
    qputenv("NOTIFY_SOCKET", QFile::encodeName(dir.filePath(u"notify"_s)));
    JsonProcess *server = startServer();
    qunsetenv("NOTIFY_SOCKET");

    // Ready only once it listens, with a status line for `systemctl status`.
    QTRY_COMPARE(systemd.messages().size(), 1);
    QVERIFY2(systemd.messages().at(0).startsWith("READY=1\nSTATUS=tunnels at http://NAME."),
             systemd.messages().at(0).constData());
    // systemctl reload: reloading, then ready again.
    server->signal(SIGHUP);
    QTRY_COMPARE(systemd.messages().size(), 3);
    QVERIFY2(systemd.messages().at(1).startsWith("RELOADING=1\nMONOTONIC_USEC="),
             systemd.messages().at(1).constData());
    QVERIFY(systemd.messages().at(2).startsWith("READY=1\n"));
    server->signal(SIGTERM);
    QVERIFY(server->waitForExit());
    QCOMPARE(systemd.messages().value(3), "STOPPING=1"_ba);
}

void tst_EndToEnd::refusedTokenExitsWithMessage()
{
    startServer({QStringLiteral("--token"), QStringLiteral("right")});
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort()),
                         QStringLiteral("--token"), QStringLiteral("wrong")});
    QVERIFY(client->waitForExit());
    QCOMPARE(client->exitCode(), 1);
    const QJsonObject error = client->waitFor(QStringLiteral("error"), 1000);
    QVERIFY(error.value(QStringLiteral("message")).toString().contains(u"not accepted"));
    QCOMPARE(error.value(QStringLiteral("fatal")).toBool(), true);

    JsonProcess *good = startClient({QStringLiteral("http"), QString::number(m_local->serverPort()),
                                     QStringLiteral("--token"), QStringLiteral("right")});
    QVERIFY(!openTunnel(good).isEmpty());
}

void tst_EndToEnd::accessControlAtTheEdge()
{
    JsonProcess *server = startServer();
    const QString port = QString::number(m_local->serverPort());
    JsonProcess *client = startClient({u"http"_s, port, u"--basic-auth"_s, u"alice:s3cret:x"_s,
                                       u"--basic-auth"_s, u"bob:pw"_s});
    const QString url = openTunnel(client);
    QVERIFY(!url.isEmpty());

    const CurlResult none = curl({u"-i"_s, url + u"/headers"_s});
    QVERIFY2(none.output.startsWith("HTTP/1.1 401 Unauthorized\r\n"), none.output.constData());
    QVERIFY(none.output.contains("\r\nWWW-Authenticate: Basic realm=\"rok\""));
    // The operator sees the refusal (throttled: the next ones count into one line).
    const QJsonObject logged = server->waitFor(u"visitor_refused"_s);
    QCOMPARE(logged.value(u"status"_s).toInt(), 401);
    QCOMPARE(logged.value(u"reason"_s).toString(), u"basic_auth"_s);
    QCOMPARE(logged.value(u"tunnel"_s).toString(), QUrl(url).host().section(u'.', 0, 0));
    const CurlResult wrong = curl({u"-i"_s, u"-u"_s, u"alice:wrong"_s, url + u"/headers"_s});
    QVERIFY2(wrong.output.startsWith("HTTP/1.1 401"), wrong.output.constData());
    const CurlResult otherUsersPassword = curl({u"-i"_s, u"-u"_s, u"alice:pw"_s, url});
    QVERIFY2(otherUsersPassword.output.startsWith("HTTP/1.1 401"),
             otherUsersPassword.output.constData());

    // A colon in the password is the password's; the service never sees the credentials.
    const CurlResult alice = curl({u"-u"_s, u"alice:s3cret:x"_s, url + u"/headers"_s});
    QCOMPARE(alice.exitCode, 0);
    QVERIFY2(alice.output.startsWith("GET /headers HTTP/1.1\r\n"), alice.output.constData());
    QVERIFY2(!alice.output.contains("uthorization"), alice.output.constData());
    const CurlResult bob = curl({u"-u"_s, u"bob:pw"_s, url + u"/"_s});
    QCOMPARE(bob.output, QByteArray(TestHttpService::Page));
    // Refused requests never reached the client: its log has the two that passed, in order.
    QTRY_COMPARE(client->events(u"request"_s).size(), 2);
    QCOMPARE(client->events(u"request"_s).value(0).value(u"path"_s).toString(), u"/headers"_s);
    QCOMPARE(client->events(u"request"_s).value(0).value(u"status"_s).toInt(), 200);

    // Addresses: denied, not in the allowed ranges, and allowed.
    const auto statusFor = [&](const QStringList &rule) {
        JsonProcess *ruled = startClient(QStringList{u"http"_s, port} + rule);
        const CurlResult result = curl({u"-i"_s, openTunnel(ruled) + u"/"_s});
        return result.output.left(12);
    };
    QCOMPARE(statusFor({u"--deny-cidr"_s, u"127.0.0.0/8"_s}), "HTTP/1.1 403");
    QCOMPARE(statusFor({u"--allow-cidr"_s, u"10.0.0.0/8"_s}), "HTTP/1.1 403");
    QCOMPARE(statusFor({u"--allow-cidr"_s, u"10.0.0.0/8"_s, u"--allow-cidr"_s, u"127.0.0.1"_s}),
             "HTTP/1.1 200");
    QCOMPARE(statusFor({u"--allow-cidr"_s, u"127.0.0.0/8"_s, u"--deny-cidr"_s, u"127.0.0.1/32"_s}),
             "HTTP/1.1 403"); // denied wins
}

void tst_EndToEnd::tokensFileLimitsAndReload()
{
    const ScratchFile tokens(u"tokens"_s,
                             "# web team\nweb-team-token names=web,web-* "
                             "max-tunnels=1\nci-token-12345\n");
    const auto writeTokens = [&tokens](const QByteArray &text) { QVERIFY(tokens.write(text)); };
    JsonProcess *server = startServer({u"--tokens-file"_s, tokens.path()});
    const QString port = QString::number(m_local->serverPort());
    const auto client = [&](const QString &token, const QStringList &more = {}) {
        return startClient(QStringList{u"http"_s, port, u"--token"_s, token} + more);
    };
    const auto fatalError = [](JsonProcess *process) {
        process->waitForExit();
        return process->events(u"error"_s).value(0).value(u"message"_s).toString();
    };

    // names=: only those names, and a random one is not among them.
    QVERIFY(!openTunnel(client(u"web-team-token"_s, {u"--subdomain"_s, u"web-shop"_s})).isEmpty());
    const QString other = fatalError(client(u"web-team-token"_s, {u"--subdomain"_s, u"api"_s}));
    QVERIFY2(other.contains(u"opens only the names web, web-*"_s), qPrintable(other));
    const QString random = fatalError(client(u"web-team-token"_s));
    QVERIFY2(random.contains(u"--subdomain"_s), qPrintable(random));
    // max-tunnels=1: the second tunnel waits (not fatal), the other token is not limited.
    JsonProcess *second = client(u"web-team-token"_s, {u"--subdomain"_s, u"web"_s});
    const QJsonObject busy = second->waitFor(u"error"_s);
    QVERIFY2(busy.value(u"message"_s).toString().contains(u"1 tunnels open"_s),
             qPrintable(busy.value(u"message"_s).toString()));
    QCOMPARE(busy.value(u"fatal"_s).toBool(), false);
    QVERIFY(!openTunnel(client(u"ci-token-12345"_s)).isEmpty());
    QVERIFY(!openTunnel(client(u"ci-token-12345"_s)).isEmpty());

    // SIGHUP reads the file again: a new token works, a removed one is refused for new
    // connections, and the tunnels already open stay.
    writeTokens("new-token-67890\n");
    server->signal(SIGHUP);
    QVERIFY(!server->waitFor(u"tokens_reloaded"_s).isEmpty());
    QVERIFY(!openTunnel(client(u"new-token-67890"_s)).isEmpty());
    const QString removed = fatalError(client(u"ci-token-12345"_s));
    QVERIFY2(removed.contains(u"not accepted"_s), qPrintable(removed));
    QCOMPARE(server->events(u"tunnel_closed"_s).size(), 0);

    // A broken file keeps the tokens in use.
    writeTokens("short\n");
    server->signal(SIGHUP);
    const QJsonObject failed = server->waitFor(u"tokens_reload_failed"_s);
    QVERIFY2(failed.value(u"error"_s).toString().contains(u"line 1"_s),
             qPrintable(failed.value(u"error"_s).toString()));
    QVERIFY(!openTunnel(client(u"new-token-67890"_s)).isEmpty());
}

void tst_EndToEnd::configFileAndItsReload()
{
    const ScratchFile config(u"rok-server.toml"_s,
                             "# settings\ndomain = \"localhost\"\ntoken = [\"first-token-1234\"]\n"
                             "max-connections-per-ip = 100\n");
    const QString file = config.path();
    const auto writeConfig = [&config](const QByteArray &text) { QVERIFY(config.write(text)); };
    JsonProcess *server = startServer({u"--config"_s, file});
    QCOMPARE(server->waitFor(u"listening"_s).value(u"config"_s).toString(), file);
    const QString port = QString::number(m_local->serverPort());
    const auto client = [&](const QString &token) {
        return startClient({u"http"_s, port, u"--token"_s, token});
    };
    const QString url = openTunnel(client(u"first-token-1234"_s));
    QVERIFY(!url.isEmpty());

    // SIGHUP: new tokens and limits for new connections; the domain waits for a restart.
    QTcpSocket held;
    held.connectToHost(QHostAddress::LocalHost, m_httpPort);
    QVERIFY(held.waitForConnected());
    writeConfig("domain = \"example.test\"\ntoken = [\"second-token-5678\"]\n"
                "max-connections-per-ip = 1\n");
    server->signal(SIGHUP);
    const QJsonObject reloaded = server->waitFor(u"config_reloaded"_s);
    QCOMPARE(reloaded.value(u"restart_needed"_s).toArray(), QJsonArray{u"domain"_s});
    QVERIFY(!openTunnel(client(u"second-token-5678"_s)).isEmpty());
    JsonProcess *old = client(u"first-token-1234"_s);
    old->waitForExit();
    QVERIFY(old->events(u"error"_s)
                    .value(0)
                    .value(u"message"_s)
                    .toString()
                    .contains(u"not accepted"_s));
    // held is the one connection from this address the new limit allows.
    const CurlResult refused = curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, url});
    QCOMPARE(refused.output, "503");
    QCOMPARE(held.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server->waitFor(u"visitor_refused"_s).value(u"reason"_s).toString(),
             u"max_connections_per_ip"_s);
    QCOMPARE(server->events(u"tunnel_closed"_s).size(), 0);

    // A file that does not parse keeps the settings in use, and says where it went wrong.
    writeConfig("token = [\"third-token-9999\"\n");
    server->signal(SIGHUP);
    const QString error = server->waitFor(u"config_reload_failed"_s).value(u"error"_s).toString();
    QVERIFY2(error.startsWith(file + u":1:"_s), qPrintable(error));
    held.close();
    QVERIFY(!openTunnel(client(u"second-token-5678"_s)).isEmpty());
}

void tst_EndToEnd::adminEndpoints()
{
    JsonProcess *server = startServer({u"--admin-listen"_s, u"127.0.0.1:0"_s});
    const int adminPort = server->waitFor(u"listening"_s).value(u"admin_port"_s).toInt();
    QVERIFY(adminPort > 0);
    const QString admin = u"http://127.0.0.1:%1"_s.arg(adminPort);
    QCOMPARE(curl({admin + u"/healthz"_s}).output, "ok\n");

    const QString port = QString::number(m_local->serverPort());
    const QString url = openTunnel(startClient({u"http"_s, port}));
    const QString locked = openTunnel(startClient({u"http"_s, port, u"--basic-auth"_s, u"u:p"_s}));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(curl({url + u'/'}).output, QByteArray(TestHttpService::Page));
    QCOMPARE(curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, locked}).output, "401");

    // /metrics: valid for promtool, and the figures of what just happened.
    const QByteArray metrics = curl({admin + u"/metrics"_s}).output;
    QProcess promtool;
    promtool.start(u"promtool"_s, {u"check"_s, u"metrics"_s});
    promtool.write(metrics);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished());
    QVERIFY2(promtool.exitCode() == 0,
             promtool.readAllStandardOutput() + promtool.readAllStandardError() + metrics);
    const auto value = [&metrics](const QByteArray &sample) {
        for (const QByteArray &line : metrics.split('\n')) {
            if (line.startsWith(sample + ' '))
                return line.mid(sample.size() + 1).toDouble();
        }
        return -1.0;
    };
    QCOMPARE(value("rok_tunnels{protocol=\"http\"}"), 2.0);
    QCOMPARE(value("rok_clients"), 2.0);
    QCOMPARE(value("rok_http_requests_total{code=\"2xx\"}"), 3.0);
    QCOMPARE(value("rok_http_request_duration_seconds_count"), 3.0);
    QCOMPARE(value("rok_visitor_connections_total{protocol=\"http\"}"), 4.0);
    QCOMPARE(value("rok_refusals_total{reason=\"basic_auth\"}"), 1.0);
    QVERIFY(value("rok_bytes_total{direction=\"out\"}") > 3 * strlen(TestHttpService::Page));
    QVERIFY(value("rok_bytes_total{direction=\"in\"}") > 0);

    // /api/tunnels: each open tunnel with its figures.
    const QJsonArray tunnels =
            QJsonDocument::fromJson(curl({admin + u"/api/tunnels"_s}).output).array();
    QCOMPARE(tunnels.size(), 2);
    for (const QJsonValue &tunnel : tunnels) {
        const QJsonObject object = tunnel.toObject();
        const bool open = object.value(u"url"_s).toString() == url;
        QCOMPARE(object.value(u"protocol"_s).toString(), u"http"_s);
        QCOMPARE(object.value(u"requests"_s).toInt(), open ? 3 : 0);
        QCOMPARE(object.value(u"token"_s).toString(), u"anonymous"_s);
        QVERIFY(QDateTime::fromString(object.value(u"since"_s).toString(), Qt::ISODateWithMs)
                        .isValid());
        QVERIFY(object.value(u"client"_s).toString().contains(u"127.0.0.1"_s));
    }
    QCOMPARE(curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, admin + u"/nothing"_s})
                     .output,
             "404");
}

void tst_EndToEnd::garbageGetsOneLogLineAndNoCrash()
{
    JsonProcess *server = startServer();
    JsonProcess *client =
            startClient({QStringLiteral("http"), QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);

    QTcpSocket control;
    control.connectToHost(QHostAddress::LocalHost, m_controlPort);
    QVERIFY(control.waitForConnected());
    control.write("this is not a yamux frame at all\r\n");
    QTRY_COMPARE(control.state(), QAbstractSocket::UnconnectedState);
    const QJsonObject dropped = server->waitFor(QStringLiteral("client_dropped"));
    QVERIFY2(dropped.value(QStringLiteral("reason")).toString().contains(u"protocol version"),
             qPrintable(dropped.value(QStringLiteral("reason")).toString()));
    QCOMPARE(server->events(QStringLiteral("client_dropped")).size(), 1);

    QTcpSocket visitor;
    visitor.connectToHost(QHostAddress::LocalHost, m_httpPort);
    visitor.write("GET / HTTP/1.1\r\nHost: " + QUrl(url).host().toLatin1()
                  + "\r\nA header without a colon\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY((answer += visitor.readAll(), answer.contains("\r\n\r\n")));
    QVERIFY2(answer.startsWith("HTTP/1.1 400 Bad Request"), answer.constData());
    QCOMPARE(curl({url}).output, QByteArray(TestHttpService::Page)); // still serving
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
}

void tst_EndToEnd::httpsLocalService()
{
    HttpsService service(TestCertificates::issue(u"localhost"_s, nullptr)); // self-signed
    QVERIFY(service.listen(QHostAddress::LocalHost, 0));
    const QString target = u"https://localhost:%1"_s.arg(service.serverPort());
    startServer();

    // Checked like any HTTPS server: a self-signed certificate is a 502 that says what to do.
    JsonProcess *strict = startClient({u"http"_s, target});
    const CurlResult refused = curl({u"-i"_s, openTunnel(strict) + u"/"_s});
    QVERIFY2(refused.output.startsWith("HTTP/1.1 502"), refused.output.constData());
    QVERIFY2(refused.output.contains("not trusted") && refused.output.contains("--local-insecure"),
             refused.output.constData());
    QCOMPARE(strict->waitFor(u"request"_s).value(u"status"_s).toInt(), 502);

    JsonProcess *insecure = startClient({u"http"_s, target, u"--local-insecure"_s});
    const QJsonObject opened = insecure->waitFor(u"tunnel_opened"_s);
    QCOMPARE(opened.value(u"local"_s).toString(), target);
    const CurlResult page = curl({opened.value(u"url"_s).toString() + u"/"_s});
    QCOMPARE(page.output, "hello, TLS\r\n"_ba);
    // The request log reads the plaintext.
    const QJsonObject request = insecure->waitFor(u"request"_s);
    QCOMPARE(request.value(u"status"_s).toInt(), 200);
    QCOMPARE(request.value(u"path"_s).toString(), u"/"_s);
}

void tst_EndToEnd::hostHeaderForTheLocalService()
{
    startServer();
    const QString port = QString::number(m_local->serverPort());
    // The Host and X-Forwarded-Host the local service sees, through a tunnel with `more`.
    const auto headersSeen = [&](const QStringList &more) {
        const QString url = openTunnel(startClient(QStringList{u"http"_s, port} + more));
        QHash<QByteArray, QByteArray> headers;
        for (const QByteArray &line : curl({url + u"/headers"_s}).output.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon), line.mid(colon + 1).trimmed());
        }
        return std::pair{headers.value("Host"), headers.value("X-Forwarded-Host")};
    };
    // Default: the public name; rewrite: the local service's own; or a fixed one. The public
    // name stays in X-Forwarded-Host for the service's links.
    const auto [publicHost, forwarded] = headersSeen({});
    QVERIFY2(publicHost.contains(".localhost:") && publicHost == forwarded, publicHost.constData());
    const auto [rewritten, rewrittenFrom] = headersSeen({u"--host-header"_s, u"rewrite"_s});
    QCOMPARE(rewritten, "localhost:" + port.toLatin1());
    QVERIFY2(rewrittenFrom.contains(".localhost:"), rewrittenFrom.constData());
    QCOMPARE(headersSeen({u"--host-header"_s, u"myapp.test"_s}).first, "myapp.test"_ba);

    // A value that is not a host is refused by the server, and the client says why.
    JsonProcess *bad = startClient({u"http"_s, port, u"--host-header"_s, u"a b"_s});
    QVERIFY(bad->waitForExit());
    QCOMPARE(bad->exitCode(), 1);
    QVERIFY2(bad->events(u"error"_s)
                     .value(0)
                     .value(u"message"_s)
                     .toString()
                     .contains(u"--host-header"_s),
             bad->standardError().constData());
}

void tst_EndToEnd::unknownLocalHostStopsTheClient()
{
    startServer();
    // RFC 6761: .invalid never resolves.
    JsonProcess *client = startClient({u"http"_s, u"no-such-service.invalid:3000"_s});
    QVERIFY(client->waitForExit());
    QCOMPARE(client->exitCode(), 1);
    const QString error = client->events(u"error"_s).value(0).value(u"message"_s).toString();
    QVERIFY2(error.contains(u"cannot find the local host \"no-such-service.invalid\""_s),
             qPrintable(error));
}

void tst_EndToEnd::trayAppWithServerAndLocalOpensTheTunnel()
{
    // What scripts/run-demo does on a desktop; here on the offscreen platform.
    JsonProcess *server = startServer();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY),
            QStringList{QStringLiteral("--server"),
                        QStringLiteral("127.0.0.1:%1").arg(m_controlPort),
                        QStringLiteral("--local"), QString::number(m_local->serverPort())}));
    JsonProcess *tray = m_processes.back().get();
    const QJsonObject opened = server->waitFor(QStringLiteral("tunnel_opened"));
    const QString url = opened.value(QStringLiteral("url")).toString();
    QVERIFY2(!url.isEmpty(), tray->standardError().constData());
    QCOMPARE(curl({url}).output, QByteArray(TestHttpService::Page));
    tray->signal(SIGTERM);
    QVERIFY(tray->waitForExit());
    QCOMPARE(tray->exitCode(), 0);
    QVERIFY(!server->waitFor(QStringLiteral("tunnel_closed")).isEmpty());
}

void tst_EndToEnd::savedServerAndTokenServeEveryCommand()
{
    startServer({u"--token"_s, u"saved-secret"_s});
    QTemporaryDir config;
    const auto rokConfig = [&](const QStringList &words, const QByteArray &input = {},
                               QByteArray *output = nullptr) {
        return runRokConfig(config.path(), words, input, output);
    };
    const QString server = u"127.0.0.1:%1"_s.arg(m_controlPort);
    const QString local = QString::number(m_local->serverPort());
    QCOMPARE(rokConfig({u"set"_s, u"server"_s, server}), 0);
    QByteArray said;
    QCOMPARE(rokConfig({u"set-token"_s}, "saved-secret\n"_ba, &said), 0);
    QVERIFY2(said.contains("Token stored in " + QFile::encodeName(config.path())
                           + "/rok/rok.conf (no keyring found"),
             said.constData());
    // Never readable by others: the token is in it when there is no keyring.
    QCOMPARE(QFile::permissions(config.path() + u"/rok/rok.conf"_s),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    QCOMPARE(rokConfig({u"set"_s, u"local"_s, local, u"--tunnel"_s, u"web"_s}), 0);
    QCOMPARE(rokConfig({u"set"_s, u"subdomain"_s, u"saved-web"_s, u"--tunnel"_s, u"web"_s}), 0);
    QCOMPARE(rokConfig({u"set"_s, u"protocol"_s, u"ftp"_s}, {}, &said), 2);
    QVERIFY2(said.contains("invalid protocol \"ftp\" (expected http or tcp)"), said.constData());
    QCOMPARE(rokConfig({u"show"_s}, {}, &said), 0);
    QVERIFY2(said.contains("  web\n    protocol     http\n    local        localhost:"
                           + local.toUtf8() + "\n    server       " + server.toUtf8()
                           + "\n    token        set\n    subdomain    saved-web\n"),
             said.constData());

    // `rok http` takes the saved server and token; `rok start` the whole saved tunnel.
    m_processes.push_back(std::make_unique<JsonProcess>(QStringLiteral(ROK_CLIENT_BINARY),
                                                        QStringList{u"http"_s, local, u"--json"_s},
                                                        config.path()));
    const QString url = openTunnel(m_processes.back().get());
    QVERIFY2(!url.isEmpty(), m_processes.back()->standardError().constData());
    QCOMPARE(curl({url}).output, QByteArray(TestHttpService::Page));
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY), QStringList{u"start"_s, u"web"_s, u"--json"_s},
            config.path()));
    const QString savedUrl = openTunnel(m_processes.back().get());
    QVERIFY2(savedUrl.startsWith(u"http://saved-web.localhost:"_s), qPrintable(savedUrl));
    QCOMPARE(curl({savedUrl}).output, QByteArray(TestHttpService::Page));

    // The saved token goes to the saved server only.
    JsonProcess elsewhere(
            QStringLiteral(ROK_CLIENT_BINARY),
            {u"http"_s, local, u"--json"_s, u"--server"_s, u"localhost:%1"_s.arg(m_controlPort)},
            config.path());
    QVERIFY(elsewhere.waitForExit());
    QCOMPARE(elsewhere.exitCode(), 1);
    QVERIFY(elsewhere.events(u"error"_s)
                    .value(0)
                    .value(u"message"_s)
                    .toString()
                    .contains(u"token"_s));

    JsonProcess unknown(QStringLiteral(ROK_CLIENT_BINARY), {u"start"_s, u"nosuch"_s},
                        config.path());
    QVERIFY(unknown.waitForExit());
    QCOMPARE(unknown.exitCode(), 2);
    QVERIFY(unknown.standardError().contains("no saved tunnel named \"nosuch\""));
}

// `rok` alone on a machine without a display (an SSH session, a container): a hint and exit 2,
// not Qt's abort for want of a display.
void tst_EndToEnd::withoutADisplayRokSaysHowToStartATunnel()
{
    QProcess rok;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
        environment.remove(name);
    rok.setProcessEnvironment(environment);
    rok.start(QStringLiteral(ROK_CLIENT_BINARY), {});
    QVERIFY(rok.waitForFinished(10000));
    QCOMPARE(rok.exitStatus(), QProcess::NormalExit);
    QCOMPARE(rok.exitCode(), 2);
    const QByteArray said = rok.readAllStandardError();
    QVERIFY2(said.contains("no display for the tray app") && said.contains("rok http PORT"),
             said.constData());
}

// The local app restarts under a visitor: curl gets the app's answer, not a 502, and rok's
// --json says the request waited ("waiting") and for how long (held_ms).
void tst_EndToEnd::requestWaitsWhileTheLocalAppRestarts()
{
    const quint16 port = m_local->serverPort();
    startServer();
    JsonProcess *client = startClient({u"http"_s, QString::number(port), u"--hold"_s, u"20"_s});
    const QString url = openTunnel(client);
    QVERIFY(!url.isEmpty());
    m_local.reset(); // the app goes down

    QProcess visitor;
    QSignalSpy finished(&visitor, &QProcess::finished);
    visitor.start(u"curl"_s, {u"-sS"_s, u"-w"_s, u" %{http_code}"_s, url + u'/'});
    const QJsonObject waiting = client->waitFor(u"waiting"_s);
    QCOMPARE(waiting.value(u"path"_s).toString(), u"/"_s);
    QCOMPARE(waiting.value(u"local"_s).toString(), u"localhost:%1"_s.arg(port));
    QCOMPARE(waiting.value(u"hold_ms"_s).toInteger(), 20000);
    QVERIFY(finished.isEmpty());

    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, port)); // back
    QVERIFY(finished.wait(20000));
    QCOMPARE(visitor.readAllStandardOutput(), QByteArray(TestHttpService::Page) + " 200");
    const QJsonObject request = client->waitFor(u"request"_s);
    QCOMPARE(request.value(u"status"_s).toInt(), 200);
    QVERIFY(request.value(u"held_ms"_s).toDouble() > 0);
}

// A local app that takes 200 ms: rok's --json request event splits the time the visitor waited
// into local_ms (the app, as rok saw it) and tunnel_ms (rok-server's time less that).
void tst_EndToEnd::jsonSaysWhereEachRequestsTimeWent()
{
    startServer();
    JsonProcess *client = startClient({u"http"_s, QString::number(m_local->serverPort())});
    const QString url = openTunnel(client);
    QVERIFY(!url.isEmpty());
    QCOMPARE(curl({url + u"/delay/200"_s}).output, QByteArray("late\n"));
    const QJsonObject request = client->waitFor(u"request"_s);
    const double local = request.value(u"local_ms"_s).toDouble(-1);
    const double tunnel = request.value(u"tunnel_ms"_s).toDouble(-1);
    QVERIFY2(local >= 200, qPrintable(QString::number(local)));
    QVERIFY2(tunnel >= 0 && tunnel < local, qPrintable(QString::number(tunnel)));
}

namespace {
QJsonDocument jsonFrom(const CurlResult &result)
{
    return QJsonDocument::fromJson(result.output);
}
} // namespace

// rok http --inspect: the log as JSON (each request with local_ms and tunnel_ms), one request
// in full, a replay that comes back as a new record; a page that headless Chromium renders
// with the request in it; and nothing for a page on another host (DNS rebinding) or origin.
void tst_EndToEnd::inspectorServesTheLogToCurlAndChromium()
{
    startServer();
    JsonProcess *client = startClient(
            {u"http"_s, QString::number(m_local->serverPort()), u"--inspect"_s, u"0"_s});
    const QString inspector = client->waitFor(u"inspector"_s).value(u"url"_s).toString();
    QVERIFY2(inspector.startsWith(u"http://127.0.0.1:"_s), qPrintable(inspector));
    const QString url = openTunnel(client);
    QVERIFY(!curl({url + u"/headers"_s}).output.isEmpty());

    QJsonObject item;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray list = jsonFrom(curl({inspector + u"api/requests"_s})).array();
                item = list.isEmpty() ? QJsonObject() : list.first().toObject();
                return item.value(u"tunnel_ms"_s).isDouble();
            }(),
            10000);
    QCOMPARE(item.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(item.value(u"path"_s).toString(), u"/headers"_s);
    QCOMPARE(item.value(u"status"_s).toInt(), 200);
    QVERIFY(item.value(u"local_ms"_s).toDouble() > 0);
    const qint64 id = item.value(u"id"_s).toInteger();
    QVERIFY(id > 0);

    const QJsonObject one =
            jsonFrom(curl({inspector + u"api/requests/"_s + QString::number(id)})).object();
    QVERIFY(one.value(u"request"_s)
                    .toObject()
                    .value(u"head"_s)
                    .toString()
                    .startsWith(u"GET /headers HTTP/1.1\r\n"_s));
    QVERIFY(one.value(u"response"_s)
                    .toObject()
                    .value(u"body"_s)
                    .toString()
                    .contains(u"X-Forwarded-For"_s)); // /headers echoes what the service got
    QCOMPARE(curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s,
                   inspector + u"api/requests/999999"_s})
                     .output,
             QByteArray("404"));

    const QString replay = inspector + u"api/requests/"_s + QString::number(id) + u"/replay"_s;
    QCOMPARE(curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, u"-X"_s, u"POST"_s, replay})
                     .output,
             QByteArray("202"));
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray list = jsonFrom(curl({inspector + u"api/requests"_s})).array();
                for (const QJsonValue &value : list) {
                    if (value.toObject().value(u"replay_of"_s).toInteger() == id)
                        return value.toObject().value(u"status"_s).toInt() == 200;
                }
                return false;
            }(),
            10000);

    // another site's page: by DNS rebinding (its Host), or posting across origins
    const QString port =
            QUrl(inspector).port() > 0 ? QString::number(QUrl(inspector).port()) : QString();
    QCOMPARE(curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, u"-H"_s,
                   u"Host: evil.example:"_s + port, inspector + u"api/requests"_s})
                     .output,
             QByteArray("403"));
    QCOMPARE(curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, u"-X"_s, u"POST"_s, u"-H"_s,
                   u"Origin: http://evil.example"_s, replay})
                     .output,
             QByteArray("403"));

    // The page, in a real browser: its script fetches the log and shows the request.
    QProcess chromium;
    chromium.start(u"chromium"_s,
                   {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s,
                    u"--virtual-time-budget=5000"_s, u"--dump-dom"_s, inspector});
    QSignalSpy done(&chromium, &QProcess::finished);
    QVERIFY2(done.wait(60000), "chromium did not finish");
    const QByteArray dom = chromium.readAllStandardOutput();
    QVERIFY2(dom.contains("<td class=\"path\" title=\"/headers\">/headers</td>"), dom.constData());
    QVERIFY2(dom.contains("\u21bb GET"), dom.constData()); // the replay, marked
    QVERIFY2(dom.contains("2 requests"), dom.constData());
}

void tst_EndToEnd::inspectorListensOnLoopbackOnly()
{
    startServer();
    JsonProcess *client = startClient(
            {u"http"_s, QString::number(m_local->serverPort()), u"--inspect"_s, u"0.0.0.0:0"_s});
    QVERIFY(client->waitForExit());
    QCOMPARE(client->exitCode(), 2);
    QVERIFY2(client->standardError().contains("loopback"), client->standardError().constData());
}

void tst_EndToEnd::rokSpeaksTheUsersLanguage_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected"); // each in the output
    QTest::newRow("German help, with Qt's own words")
            << u"de_DE.UTF-8"_s << QStringList{u"--help"_s} << 0
            << QStringList{u"Aufruf:"_s, u"Diese Hilfe anzeigen."_s};
    QTest::newRow("German error") << u"de_DE.UTF-8"_s << QStringList{u"bogus"_s} << 2
                                  << QStringList{u"unbekannter Befehl „bogus“"_s, u"Mehr unter"_s};
    QTest::newRow("French, without a display")
            << u"fr_FR.UTF-8"_s << QStringList{} << 2 << QStringList{u"pas d’affichage"_s};
    QTest::newRow("a language rok lacks: English")
            << u"ja_JP.UTF-8"_s << QStringList{u"bogus"_s} << 2
            << QStringList{u"unknown command \"bogus\""_s, u"Try 'rok --help'"_s};
}

// `rok http` and `rok config` speak the user's language too, not only the tray app: rok's
// texts and Qt's (QCommandLineParser's "Usage:").
void tst_EndToEnd::rokSpeaksTheUsersLanguage()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);
    QProcess rok;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s, u"LANGUAGE"_s})
        environment.remove(name);
    environment.insert(u"LC_ALL"_s, locale);
    rok.setProcessEnvironment(environment);
    rok.start(QStringLiteral(ROK_CLIENT_BINARY), arguments);
    QVERIFY(rok.waitForFinished(10000));
    QCOMPARE(rok.exitCode(), exitCode);
    const QString said =
            QString::fromUtf8(rok.readAllStandardOutput() + rok.readAllStandardError());
    for (const QString &text : expected)
        QVERIFY2(said.contains(text), qPrintable(said));
}

void tst_EndToEnd::secondTrayAppHandsOverToTheFirst()
{
    JsonProcess *server = startServer();
    QTemporaryDir config; // one settings file: one tray app
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const QString controlServer = u"127.0.0.1:%1"_s.arg(m_controlPort);
    m_processes.push_back(
            std::make_unique<JsonProcess>(QStringLiteral(ROK_CLIENT_BINARY),
                                          QStringList{u"--server"_s, controlServer, u"--local"_s,
                                                      QString::number(m_local->serverPort())},
                                          config.path()));
    JsonProcess *first = m_processes.back().get();
    int opened = -1;
    const QString url =
            server->waitFor(u"tunnel_opened"_s, 15000, &opened).value(u"url"_s).toString();
    QVERIFY2(!url.isEmpty(), first->standardError().constData());

    // The second one names another local service, and the first tunnels to it.
    TestHttpService other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    m_local.reset(); // only the new service can answer now
    JsonProcess second(QStringLiteral(ROK_CLIENT_BINARY),
                       {u"--local"_s, QString::number(other.serverPort())}, config.path());
    QVERIFY(second.waitForExit());
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.standardError().contains("rok is already running"),
             second.standardError().constData());
    const QString again = server->waitFor(u"tunnel_opened"_s, 15000, nullptr, opened + 1)
                                  .value(u"url"_s)
                                  .toString();
    QVERIFY2(!again.isEmpty(), first->standardError().constData());
    QCOMPARE(curl({again}).output, QByteArray(TestHttpService::Page));
    QCOMPARE(server->events(u"tunnel_opened"_s).size(), 2); // one tray, one tunnel at a time
    first->signal(SIGTERM);
    QVERIFY(first->waitForExit());
    QCOMPARE(first->exitCode(), 0);
}

void tst_EndToEnd::savedTunnelsStartTogetherOnOneConnection()
{
    // An HTTP and a TCP tunnel, saved, then started by one `rok start --all` on one connection.
    startServer();
    QTemporaryDir config;
    const QString port = QString::number(m_local->serverPort());
    for (const QStringList &words :
         {QStringList{u"set"_s, u"server"_s, u"127.0.0.1:%1"_s.arg(m_controlPort)},
          QStringList{u"set"_s, u"local"_s, port, u"--tunnel"_s, u"web"_s},
          QStringList{u"set"_s, u"subdomain"_s, u"site"_s, u"--tunnel"_s, u"web"_s},
          QStringList{u"set"_s, u"local"_s, port, u"--tunnel"_s, u"raw"_s},
          QStringList{u"set"_s, u"protocol"_s, u"tcp"_s, u"--tunnel"_s, u"raw"_s},
          QStringList{u"remove"_s, u"Default"_s}}) {
        QByteArray said;
        QVERIFY2(runRokConfig(config.path(), words, {}, &said) == 0, said.constData());
    }
    m_processes.push_back(std::make_unique<JsonProcess>(
            QStringLiteral(ROK_CLIENT_BINARY), QStringList{u"start"_s, u"--all"_s, u"--json"_s},
            config.path()));
    JsonProcess *client = m_processes.back().get();
    QVERIFY2(!openTunnel(client).isEmpty(), client->standardError().constData());
    QTRY_COMPARE(client->events(u"tunnel_opened"_s).size(), 2);
    QMap<QString, QString> urls;
    for (const QJsonObject &opened : client->events(u"tunnel_opened"_s))
        urls.insert(opened.value(u"tunnel"_s).toString(), opened.value(u"url"_s).toString());
    QVERIFY2(urls.value(u"web"_s).startsWith(u"http://site.localhost:"_s),
             qPrintable(urls.value(u"web"_s)));
    QVERIFY2(urls.value(u"raw"_s).startsWith(u"tcp://localhost:"_s),
             qPrintable(urls.value(u"raw"_s)));
    QCOMPARE(connectionsTo(m_controlPort), 1);

    QCOMPARE(curl({urls.value(u"web"_s)}).output, QByteArray(TestHttpService::Page));
    const QJsonObject request = client->waitFor(u"request"_s);
    QCOMPARE(request.value(u"tunnel"_s).toString(), u"web"_s);
    // Through the TCP tunnel, the same service answers raw HTTP.
    const QString raw = u"http://127.0.0.1:%1/"_s.arg(QUrl(urls.value(u"raw"_s)).port());
    QCOMPARE(curl({raw}).output, QByteArray(TestHttpService::Page));

    client->signal(SIGINT);
    QVERIFY(client->waitForExit());
    QCOMPARE(client->exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_EndToEnd)
#include "tst_endtoend.moc"
