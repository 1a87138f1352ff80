// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QSettings>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include "commandline.h"
#include "testcertificates.h"
#include "tunneloptions.h"

using namespace Qt::StringLiterals;

using Action = CommandLine::Action;
using TunnelProtocol = TunnelOptions::Protocol;

char *toString(CommandLine::Action action)
{
    const char *names[] = {"Tunnel", "Tray", "Config", "PrintAndExit", "Error"};
    return qstrdup(names[int(action)]);
}

char *toString(TunnelOptions::Protocol protocol)
{
    return qstrdup(protocol == TunnelOptions::Protocol::Tcp ? "Tcp" : "Http");
}

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpointParse_data();
    void endpointParse();
    void endpointToString_data();
    void endpointToString();
    void localTarget_data();
    void localTarget();
    void localSideFlags();
    void tunnel_data();
    void tunnel();
    void token_data();
    void token();
    void noArgumentsIsTray();
    void helpAndVersion_data();
    void helpAndVersion();
    void errors_data();
    void errors();
    void serverTransport_data();
    void serverTransport();
    void trust();
    void startSavedTunnel();
    void savedSettingsFillTheGaps();
    void configCommand();
    void savedProfilesForStart();
};

namespace {

CommandLine parse(QStringList arguments, const QByteArray &environmentToken = {})
{
    arguments.prepend(u"rok"_s);
    return CommandLine::parse(arguments, environmentToken);
}

} // namespace

void tst_CommandLine::endpointParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("port only") << u"3000"_s << true << u"default.host"_s << 3000;
    QTest::newRow("port 1") << u"1"_s << true << u"default.host"_s << 1;
    QTest::newRow("port 65535") << u"65535"_s << true << u"default.host"_s << 65535;
    QTest::newRow("name:port") << u"localhost:3000"_s << true << u"localhost"_s << 3000;
    QTest::newRow("IPv4:port") << u"10.0.0.5:8080"_s << true << u"10.0.0.5"_s << 8080;
    QTest::newRow("[IPv6]:port") << u"[::1]:8080"_s << true << u"::1"_s << 8080;
    QTest::newRow("[long IPv6]:port")
            << u"[2001:db8::42]:443"_s << true << u"2001:db8::42"_s << 443;

    QTest::newRow("empty") << QString() << false << QString() << 0;
    QTest::newRow("port 0") << u"0"_s << false << QString() << 0;
    QTest::newRow("port 65536") << u"65536"_s << false << QString() << 0;
    QTest::newRow("port 99999") << u"99999"_s << false << QString() << 0;
    QTest::newRow("negative port") << u"-1"_s << false << QString() << 0;
    QTest::newRow("not a number") << u"http"_s << false << QString() << 0;
    QTest::newRow("host:") << u"host:"_s << false << QString() << 0;
    QTest::newRow(":port") << u":8080"_s << false << QString() << 0;
    QTest::newRow("host:0") << u"host:0"_s << false << QString() << 0;
    QTest::newRow("host:word") << u"host:http"_s << false << QString() << 0;
    QTest::newRow("bare IPv6") << u"::1"_s << false << QString() << 0;
    QTest::newRow("bare IPv6 with port") << u"2001:db8::1:80"_s << false << QString() << 0;
    QTest::newRow("[IPv6] without port") << u"[::1]"_s << false << QString() << 0;
    QTest::newRow("[IPv6]:") << u"[::1]:"_s << false << QString() << 0;
    QTest::newRow("[IPv6]port") << u"[::1]8080"_s << false << QString() << 0;
    QTest::newRow("[]:port") << u"[]:80"_s << false << QString() << 0;
    QTest::newRow("two ports") << u"host:80:81"_s << false << QString() << 0;
}

void tst_CommandLine::endpointParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);

    const std::optional<Endpoint> endpoint = Endpoint::parse(text, u"default.host"_s);
    QCOMPARE(endpoint.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(endpoint->host, host);
    QCOMPARE(int(endpoint->port), port);
}

void tst_CommandLine::endpointToString_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("text");

    QTest::newRow("name") << u"localhost"_s << 3000 << u"localhost:3000"_s;
    QTest::newRow("IPv4") << u"10.0.0.5"_s << 80 << u"10.0.0.5:80"_s;
    QTest::newRow("IPv6") << u"::1"_s << 8080 << u"[::1]:8080"_s;
}

void tst_CommandLine::endpointToString()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, text);

    const Endpoint endpoint{host, quint16(port)};
    QCOMPARE(endpoint.toString(), text);
    // and back
    const std::optional<Endpoint> parsed = Endpoint::parse(text, u"x"_s);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->host, host);
    QCOMPARE(int(parsed->port), port);
}

void tst_CommandLine::localTarget_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("shown"); // toString()
    QTest::addColumn<QString>("authority"); // what --host-header rewrite sends

    QTest::newRow("port") << u"3000"_s << true << u"localhost:3000"_s << u"localhost:3000"_s;
    QTest::newRow("host name") << u"myapp.test:8080"_s << true << u"myapp.test:8080"_s
                               << u"myapp.test:8080"_s;
    QTest::newRow("https with port") << u"https://localhost:8443"_s << true
                                     << u"https://localhost:8443"_s << u"localhost:8443"_s;
    QTest::newRow("https without port is 443")
            << u"https://myapp.test/"_s << true << u"https://myapp.test:443"_s << u"myapp.test"_s;
    QTest::newRow("http without port is 80")
            << u"http://myapp.test"_s << true << u"myapp.test:80"_s << u"myapp.test"_s;
    QTest::newRow("HTTPS in capitals") << u"HTTPS://localhost:8443"_s << true
                                       << u"https://localhost:8443"_s << u"localhost:8443"_s;
    QTest::newRow("https IPv6") << u"https://[::1]:8443"_s << true << u"https://[::1]:8443"_s
                                << u"[::1]:8443"_s;
    QTest::newRow("a path") << u"https://localhost:8443/app"_s << false << QString() << QString();
    QTest::newRow("ftp") << u"ftp://localhost:21"_s << false << QString() << QString();
    QTest::newRow("scheme only") << u"https://"_s << false << QString() << QString();
}

void tst_CommandLine::localTarget()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, shown);
    QFETCH(QString, authority);

    const std::optional<LocalTarget> target = LocalTarget::parse(text);
    QCOMPARE(target.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(target->toString(), shown);
    QCOMPARE(target->authority(), authority);
    QCOMPARE(LocalTarget::parse(shown)->toString(), shown); // and back
}

void tst_CommandLine::localSideFlags()
{
    const CommandLine https =
            CommandLine::parse({u"rok"_s, u"http"_s, u"https://localhost:8443"_s,
                                u"--local-insecure"_s, u"--host-header"_s, u"rewrite"_s},
                               {});
    QCOMPARE(https.action, CommandLine::Action::Tunnel);
    QVERIFY(https.options.local.tls);
    QVERIFY(https.options.localInsecure);
    QCOMPARE(https.options.hostHeader, u"localhost:8443"_s);
    const CommandLine fixed = CommandLine::parse(
            {u"rok"_s, u"http"_s, u"3000"_s, u"--host-header"_s, u"myapp.test"_s}, {});
    QCOMPARE(fixed.options.hostHeader, u"myapp.test"_s);
    QVERIFY(!fixed.options.localInsecure);
    QCOMPARE(CommandLine::parse({u"rok"_s, u"http"_s, u"3000"_s}, {}).options.hostHeader,
             QString());

    // TCP tunnels carry bytes, not requests: no https:// target, no Host to rewrite.
    const CommandLine tcpHttps = CommandLine::parse({u"rok"_s, u"tcp"_s, u"https://x:1"_s}, {});
    QCOMPARE(tcpHttps.action, CommandLine::Action::Error);
    const CommandLine tcpHost =
            CommandLine::parse({u"rok"_s, u"tcp"_s, u"22"_s, u"--host-header"_s, u"x"_s}, {});
    QCOMPARE(tcpHost.action, CommandLine::Action::Error);
    QVERIFY2(tcpHost.text.contains(u"--host-header"_s), qPrintable(tcpHost.text));
}

void tst_CommandLine::tunnel_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<TunnelProtocol>("protocol");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("subdomain");
    QTest::addColumn<bool>("json");

    const QString defaultServer = u"localhost:7835"_s;
    QTest::newRow("rok http 3000") << QStringList{u"http"_s, u"3000"_s} << TunnelProtocol::Http
                                   << u"localhost:3000"_s << defaultServer << QString() << false;
    QTest::newRow("rok tcp 22") << QStringList{u"tcp"_s, u"22"_s} << TunnelProtocol::Tcp
                                << u"localhost:22"_s << defaultServer << QString() << false;
    QTest::newRow("rok http 10.0.0.5:8080")
            << QStringList{u"http"_s, u"10.0.0.5:8080"_s} << TunnelProtocol::Http
            << u"10.0.0.5:8080"_s << defaultServer << QString() << false;
    QTest::newRow("rok http [::1]:8080")
            << QStringList{u"http"_s, u"[::1]:8080"_s} << TunnelProtocol::Http << u"[::1]:8080"_s
            << defaultServer << QString() << false;
    QTest::newRow("rok tcp db.lan:5432")
            << QStringList{u"tcp"_s, u"db.lan:5432"_s} << TunnelProtocol::Tcp << u"db.lan:5432"_s
            << defaultServer << QString() << false;
    QTest::newRow("--server host:port")
            << QStringList{u"http"_s, u"3000"_s, u"--server"_s, u"rok.example.com:7000"_s}
            << TunnelProtocol::Http << u"localhost:3000"_s << u"rok.example.com:7000"_s << QString()
            << false;
    QTest::newRow("--server=port")
            << QStringList{u"--server=9999"_s, u"http"_s, u"3000"_s} << TunnelProtocol::Http
            << u"localhost:3000"_s << u"localhost:9999"_s << QString() << false;
    QTest::newRow("--server [IPv6]:port")
            << QStringList{u"tcp"_s, u"22"_s, u"--server"_s, u"[2001:db8::1]:7835"_s}
            << TunnelProtocol::Tcp << u"localhost:22"_s << u"[2001:db8::1]:7835"_s << QString()
            << false;
    QTest::newRow("--subdomain lowercased")
            << QStringList{u"http"_s, u"3000"_s, u"--subdomain"_s, u"Brave-OTTER"_s}
            << TunnelProtocol::Http << u"localhost:3000"_s << defaultServer << u"brave-otter"_s
            << false;
    QTest::newRow("--json") << QStringList{u"http"_s, u"3000"_s, u"--json"_s}
                            << TunnelProtocol::Http << u"localhost:3000"_s << defaultServer
                            << QString() << true;
    QTest::newRow("everything") << QStringList{u"--json"_s,   u"--subdomain=demo"_s,
                                               u"tcp"_s,      u"10.1.1.1:25"_s,
                                               u"--server"_s, u"tunnel.example:443"_s}
                                << TunnelProtocol::Tcp << u"10.1.1.1:25"_s
                                << u"tunnel.example:443"_s << u"demo"_s << true;
}

void tst_CommandLine::tunnel()
{
    QFETCH(QStringList, arguments);
    QFETCH(TunnelProtocol, protocol);
    QFETCH(QString, local);
    QFETCH(QString, server);
    QFETCH(QString, subdomain);
    QFETCH(bool, json);

    const CommandLine command = parse(arguments);
    QVERIFY2(command.action == Action::Tunnel, qPrintable(command.text));
    QCOMPARE(command.action, Action::Tunnel);
    QCOMPARE(command.options.protocol, protocol);
    QCOMPARE(command.options.local.toString(), local);
    QCOMPARE(command.options.server.toString(), server);
    QCOMPARE(command.options.subdomain, subdomain);
    QCOMPARE(command.json, json);
    QVERIFY(command.options.token.isEmpty());
    QVERIFY(command.text.isEmpty());
}

void tst_CommandLine::token_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("environment");
    QTest::addColumn<QByteArray>("token");

    QTest::newRow("neither") << QStringList{} << QByteArray() << QByteArray();
    QTest::newRow("ROK_TOKEN") << QStringList{} << "env-secret"_ba
                               << "env-secret"_ba;
    QTest::newRow("--token") << QStringList{u"--token"_s, u"flag-secret"_s} << QByteArray()
                             << "flag-secret"_ba;
    QTest::newRow("--token wins over ROK_TOKEN")
            << QStringList{u"--token=flag-secret"_s} << "env-secret"_ba
            << "flag-secret"_ba;
    QTest::newRow("UTF-8") << QStringList{u"--token"_s, u"ключ"_s} << QByteArray()
                           << QString(u"ключ"_s).toUtf8();
}

void tst_CommandLine::token()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, environment);
    QFETCH(QByteArray, token);

    const CommandLine command = parse(QStringList{u"http"_s, u"3000"_s} + extra, environment);
    QCOMPARE(command.action, Action::Tunnel);
    QCOMPARE(command.options.token, token);
}

void tst_CommandLine::noArgumentsIsTray()
{
    const CommandLine command = parse({});
    QCOMPARE(command.action, Action::Tray);
    QVERIFY(command.text.isEmpty());

    // ROK_TOKEN alone does not start a tunnel
    QCOMPARE(parse({}, "secret"_ba).action, Action::Tray);
}

void tst_CommandLine::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    const QStringList help{u"http"_s,    u"tcp"_s,         u"--server"_s,
                           u"--token"_s, u"--subdomain"_s, u"--json"_s};
    QTest::newRow("--help") << QStringList{u"--help"_s} << help;
    QTest::newRow("-h") << QStringList{u"-h"_s} << help;
    QTest::newRow("http --help") << QStringList{u"http"_s, u"--help"_s} << help;
    QTest::newRow("config --help") << QStringList{u"config"_s, u"--help"_s}
                                   << QStringList{u"rok config set KEY VALUE"_s, u"--tunnel"_s};
    QTest::newRow("--version") << QStringList{u"--version"_s}
                               << QStringList{u"rok "_s + QStringLiteral(ROK_VERSION)};
}

void tst_CommandLine::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const CommandLine command = parse(arguments);
    QCOMPARE(command.action, Action::PrintAndExit);
    for (const QString &text : mentions)
        QVERIFY2(command.text.contains(text), qPrintable(text + u" not in: "_s + command.text));
}

void tst_CommandLine::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("rok ftp 21") << QStringList{u"ftp"_s, u"21"_s} << u"ftp"_s;
    QTest::newRow("rok HTTP 3000") << QStringList{u"HTTP"_s, u"3000"_s} << u"HTTP"_s;
    QTest::newRow("rok http") << QStringList{u"http"_s} << u"http"_s;
    QTest::newRow("rok tcp") << QStringList{u"tcp"_s} << u"tcp"_s;
    QTest::newRow("rok http 3000 4000")
            << QStringList{u"http"_s, u"3000"_s, u"4000"_s} << u"http"_s;
    QTest::newRow("rok http 0") << QStringList{u"http"_s, u"0"_s} << u"\"0\""_s;
    QTest::newRow("rok http 99999") << QStringList{u"http"_s, u"99999"_s} << u"99999"_s;
    QTest::newRow("rok http host:") << QStringList{u"http"_s, u"host:"_s} << u"host:"_s;
    QTest::newRow("rok http :8080") << QStringList{u"http"_s, u":8080"_s} << u":8080"_s;
    QTest::newRow("rok http ::1") << QStringList{u"http"_s, u"::1"_s} << u"::1"_s;
    QTest::newRow("rok tcp abc") << QStringList{u"tcp"_s, u"abc"_s} << u"abc"_s;
    QTest::newRow("--server without port")
            << QStringList{u"http"_s, u"3000"_s, u"--server"_s, u"rok.example.com"_s}
            << u"--server"_s;
    QTest::newRow("--server port 0")
            << QStringList{u"http"_s, u"3000"_s, u"--server=host:0"_s} << u"--server"_s;
    QTest::newRow("--server port too large")
            << QStringList{u"http"_s, u"3000"_s, u"--server"_s, u"host:70000"_s} << u"host:70000"_s;
    QTest::newRow("--server empty")
            << QStringList{u"http"_s, u"3000"_s, u"--server="_s} << u"--server"_s;
    QTest::newRow("--server missing value")
            << QStringList{u"http"_s, u"3000"_s, u"--server"_s} << u"server"_s;
    QTest::newRow("--server unknown scheme")
            << QStringList{u"http"_s, u"3000"_s, u"--server"_s, u"https://host:443"_s}
            << u"tls://HOST:PORT"_s;
    QTest::newRow("--ca missing file")
            << QStringList{u"http"_s, u"3000"_s, u"--ca"_s, u"/nonexistent/ca.pem"_s}
            << u"invalid --ca: cannot read /nonexistent/ca.pem"_s;
    QTest::newRow("--fingerprint not sha256")
            << QStringList{u"http"_s, u"3000"_s, u"--fingerprint"_s, u"md5:00"_s}
            << u"invalid --fingerprint"_s;
    QTest::newRow("unknown option")
            << QStringList{u"http"_s, u"3000"_s, u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("rok start") << QStringList{u"start"_s}
                               << u"start needs the names of saved tunnels"_s;
    QTest::newRow("rok start a --all") << QStringList{u"start"_s, u"a"_s, u"--all"_s}
                                       << u"start needs the names of saved tunnels"_s;
    QTest::newRow("rok --all") << QStringList{u"--all"_s} << u"--all goes with start"_s;
    QTest::newRow("rok http 3000 --all")
            << QStringList{u"http"_s, u"3000"_s, u"--all"_s} << u"--all goes with start"_s;
    QTest::newRow("rok start api --subdomain x")
            << QStringList{u"start"_s, u"api"_s, u"--subdomain"_s, u"x"_s}
            << u"--subdomain is saved with each tunnel: rok config set ... --tunnel NAME"_s;
    QTest::newRow("rok config set")
            << QStringList{u"config"_s, u"set"_s} << u"usage: rok config set KEY VALUE"_s;
}

void tst_CommandLine::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    const CommandLine command = parse(arguments);
    QCOMPARE(command.action, Action::Error);
    QVERIFY2(command.text.contains(mentions), qPrintable(command.text));
}

void tst_CommandLine::serverTransport_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("shown");

    // No scheme: TLS unless the server is this machine.
    QTest::newRow("a name") << u"rok.example.com:7835"_s << true << u"rok.example.com:7835"_s;
    QTest::newRow("an address") << u"203.0.113.5:7835"_s << true << u"203.0.113.5:7835"_s;
    QTest::newRow("localhost") << u"localhost:7835"_s << false << u"localhost:7835"_s;
    QTest::newRow("LOCALHOST") << u"LOCALHOST:7835"_s << false << u"LOCALHOST:7835"_s;
    QTest::newRow("a .localhost name")
            << u"rok.localhost:7835"_s << false << u"rok.localhost:7835"_s;
    QTest::newRow("127.0.0.2") << u"127.0.0.2:7835"_s << false << u"127.0.0.2:7835"_s;
    QTest::newRow("[::1]") << u"[::1]:7835"_s << false << u"[::1]:7835"_s;
    QTest::newRow("localhost.example is not local")
            << u"localhost.example:1"_s << true << u"localhost.example:1"_s;
    // A scheme decides.
    QTest::newRow("tls:// to localhost")
            << u"tls://localhost:7835"_s << true << u"tls://localhost:7835"_s;
    QTest::newRow("tcp:// to a name")
            << u"tcp://rok.example.com:7835"_s << false << u"tcp://rok.example.com:7835"_s;
    QTest::newRow("TLS:// upper case")
            << u"TLS://[2001:db8::1]:443"_s << true << u"tls://[2001:db8::1]:443"_s;
}

void tst_CommandLine::serverTransport()
{
    QFETCH(QString, server);
    QFETCH(bool, tls);
    QFETCH(QString, shown);
    const CommandLine command = parse({u"http"_s, u"3000"_s, u"--server"_s, server});
    QVERIFY2(command.action == Action::Tunnel, qPrintable(command.text));
    QCOMPARE(command.options.server.usesTls(), tls);
    QCOMPARE(command.options.server.toString(), shown);
}

void tst_CommandLine::trust()
{
    QTemporaryFile ca;
    QVERIFY(ca.open());
    const QSslCertificate first = TestCertificates::issueCa(u"test CA"_s).certificate;
    const QSslCertificate second = TestCertificates::issueCa(u"test CA"_s).certificate;
    ca.write(first.toPem() + second.toPem());
    ca.flush();
    const QString pin = u"sha256:"_s + QString(64, u'a');
    const CommandLine command =
            parse({u"http"_s, u"3000"_s, u"--ca"_s, ca.fileName(), u"--fingerprint"_s, pin});
    QVERIFY2(command.action == Action::Tunnel, qPrintable(command.text));
    QCOMPARE(command.options.trust.extraCas, (QList<QSslCertificate>{first, second}));
    QCOMPARE(command.options.trust.pinnedSha256, QByteArray(32, char(0xaa)));
    const CommandLine none = parse({u"http"_s, u"3000"_s});
    QVERIFY(none.options.trust.extraCas.isEmpty());
    QVERIFY(!none.options.trust.isPinned());
}

void tst_CommandLine::startSavedTunnel()
{
    const CommandLine command = parse({u"start"_s, u"api"_s, u"--json"_s});
    QCOMPARE(command.action, Action::Tunnel);
    QCOMPARE(command.savedTunnels, QStringList{u"api"_s});
    QVERIFY(command.json);

    AppSettings::Profile saved;
    saved.name = u"api"_s;
    saved.protocol = u"tcp"_s;
    saved.local = u"localhost:5432"_s;
    saved.server = u"tunnel.example:443"_s;
    saved.subdomain = u"db"_s;
    TunnelOptions options = command.optionsWith(saved);
    QCOMPARE(options.protocol, TunnelProtocol::Tcp);
    QCOMPARE(options.local.toString(), u"localhost:5432"_s);
    QCOMPARE(options.server.toString(), u"tunnel.example:443"_s);
    QCOMPARE(options.subdomain, u"db"_s);
    QCOMPARE(options.label, u"api"_s);
    QVERIFY(command.usesSavedToken(saved));

    // The command line wins, and a saved token stays with the saved server.
    const CommandLine elsewhere =
            parse({u"start"_s, u"api"_s, u"--server"_s, u"other.example:443"_s});
    QCOMPARE(elsewhere.optionsWith(saved).server.toString(), u"other.example:443"_s);
    QVERIFY(!elsewhere.usesSavedToken(saved));
    const CommandLine withToken = parse({u"start"_s, u"api"_s}, "env-secret"_ba);
    QCOMPARE(withToken.optionsWith(saved).token, "env-secret"_ba);
    QVERIFY(!withToken.usesSavedToken(saved));
}

void tst_CommandLine::savedSettingsFillTheGaps()
{
    AppSettings::Profile saved;
    saved.name = u"Default"_s;
    saved.server = u"tunnel.example:443"_s;
    saved.fingerprint = u"sha256:"_s + QString(u'a').repeated(64);
    saved.local = u"localhost:9999"_s; // not for `rok http PORT`
    saved.subdomain = u"saved"_s;

    const CommandLine http = parse({u"http"_s, u"3000"_s});
    QVERIFY(!http.serverGiven && !http.tokenGiven && !http.trustGiven);
    const TunnelOptions options = http.optionsWith(saved);
    QCOMPARE(options.server.toString(), u"tunnel.example:443"_s);
    QCOMPARE(options.trust.pinnedSha256, QByteArray(32, char(0xaa)));
    QCOMPARE(options.local.toString(), u"localhost:3000"_s);
    QCOMPARE(options.subdomain, QString());
    QVERIFY(http.usesSavedToken(saved));

    const CommandLine given =
            parse({u"http"_s, u"3000"_s, u"--server"_s, u"tunnel.example:443"_s, u"--fingerprint"_s,
                   u"sha256:"_s + QString(u'b').repeated(64)});
    QCOMPARE(given.optionsWith(saved).trust.pinnedSha256, QByteArray(32, char(0xbb)));
    QVERIFY(given.usesSavedToken(saved)); // the same server, named again
}

void tst_CommandLine::configCommand()
{
    const CommandLine command =
            parse({u"config"_s, u"set"_s, u"server"_s, u"tunnel.example:443"_s});
    QCOMPARE(command.action, Action::Config);
    QCOMPARE(command.config.verb, ConfigRequest::Verb::Set);
    QCOMPARE(command.config.key, u"server"_s);
    QCOMPARE(command.config.value, u"tunnel.example:443"_s);
}

void tst_CommandLine::savedProfilesForStart()
{
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    AppSettings settings;
    AppSettings::Profile web;
    web.name = u"web"_s;
    AppSettings::Profile db = web;
    db.name = u"db"_s;
    db.protocol = u"tcp"_s;
    AppSettings::Profile far = web;
    far.name = u"far"_s;
    far.server = u"far.example:7835"_s;
    settings.setProfiles({web, db, far});

    const auto names = [&](const QStringList &arguments, QString *error) {
        QStringList found;
        for (const AppSettings::Profile &profile : parse(arguments).savedProfiles(settings, error))
            found.append(profile.name);
        return found;
    };
    QString error;
    QCOMPARE(names({u"http"_s, u"3000"_s}, &error), QStringList{u"web"_s}); // the current one
    QCOMPARE(names({u"start"_s, u"db"_s, u"web"_s, u"db"_s}, &error),
             (QStringList{u"db"_s, u"web"_s}));
    QCOMPARE(names({u"start"_s, u"nosuch"_s}, &error), QStringList());
    QCOMPARE(error, u"no saved tunnel named \"nosuch\" (rok config show lists them)"_s);
    QCOMPARE(names({u"start"_s, u"web"_s, u"far"_s}, &error), QStringList());
    QCOMPARE(error,
             u"web and far use different servers (localhost:7835, far.example:7835); one "
             "rok start connects to one server"_s);
    // --server puts them all on one.
    QCOMPARE(names({u"start"_s, u"web"_s, u"far"_s, u"--server"_s, u"x.example:1"_s}, &error),
             (QStringList{u"web"_s, u"far"_s}));
    QCOMPARE(names({u"start"_s, u"--all"_s}, &error), QStringList());
    settings.setProfiles({web, db});
    QCOMPARE(names({u"start"_s, u"--all"_s}, &error), (QStringList{u"web"_s, u"db"_s}));
}

QTEST_GUILESS_MAIN(tst_CommandLine)

#include "tst_commandline.moc"
