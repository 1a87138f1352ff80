// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QDir>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTest>

#include <unistd.h>

#include "scratchfile.h"
#include "serverconfig.h"

using namespace Qt::StringLiterals;

class tst_ServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void flags_data();
    void flags();
    void tokenFromEnvironment_data();
    void tokenFromEnvironment();
    void errors_data();
    void errors();
    void helpAndVersion_data();
    void helpAndVersion();
    void configFile_data();
    void configFile();
    void configFileErrors_data();
    void configFileErrors();
    void defaultConfigFile();
    void adminListen_data();
    void adminListen();
    void exampleConfigFile();
    void tls();
    void acme();
    void cluster();
    void clusterErrors_data();
    void clusterErrors();
    void defaultStateDirectory();
    void publicUrl_data();
    void publicUrl();
    void httpsUrl();
};

namespace {

struct Parsed
{
    std::optional<ServerConfig> config;
    QString error;
    QString exitNow;
};

Parsed parse(QStringList arguments, const QByteArray &environmentToken = {})
{
    arguments.prepend(u"rok-server"_s);
    Parsed parsed;
    parsed.config = ServerConfig::fromArguments(arguments, environmentToken, &parsed.error,
                                                &parsed.exitNow);
    return parsed;
}

// One line per config, so a table row states the whole expected result.
QString describe(const ServerConfig &config)
{
    // QHostAddress::Any (IPv4 and IPv6) and AnyIPv4 both print as 0.0.0.0
    const QString bind =
            config.bind == QHostAddress(QHostAddress::Any) ? u"any"_s : config.bind.toString();
    QStringList tokens;
    for (const QByteArray &token : config.tokens)
        tokens.append(QString::fromUtf8(token));
    return u"domain=%1 bind=%2 http=%3 control=%4 tcp=%5-%6 tokens=[%7] anonymous=%8 "
           "reserve=%9ms head=%10ms log=%11"_s.arg(config.domain, bind)
                   .arg(config.httpPort)
                   .arg(config.controlPort)
                   .arg(config.tcpPortFrom)
                   .arg(config.tcpPortTo)
                   .arg(tokens.join(u','))
                   .arg(config.allowAnonymous ? 1 : 0)
                   .arg(config.reservation.count())
                   .arg(config.headTimeout.count())
                   .arg(config.logFormat == ServerConfig::LogFormat::Json ? u"json"_s : u"text"_s)
            + u" idle=%1ms send=%2ms tcp-idle=%3ms max=%4 per-ip=%5 streams=%6 tunnels=%7"_s
                      .arg(config.idleTimeout.count())
                      .arg(config.sendTimeout.count())
                      .arg(config.tcpIdleTimeout.count())
                      .arg(config.maxConnections)
                      .arg(config.maxConnectionsPerIp)
                      .arg(config.maxStreamsPerClient)
                      .arg(config.maxTunnelsPerToken);
}

const QString Defaults = u"domain=localhost bind=any http=8080 control=7835 tcp=10000-20000 "
                         "tokens=[] anonymous=0 reserve=60000ms head=10000ms log=text "
                         "idle=75000ms send=60000ms tcp-idle=3600000ms max=%1 per-ip=256 "
                         "streams=1000 tunnels=32"_s.arg(ServerConfig::defaultMaxConnections());

QString withDefaults(const QString &key, const QString &value)
{
    QString text = Defaults;
    const qsizetype start = text.indexOf(key + u'=');
    Q_ASSERT(start >= 0);
    qsizetype end = text.indexOf(u' ', start);
    if (end < 0)
        end = text.size();
    text.replace(start, end - start, key + u'=' + value);
    return text;
}

} // namespace

void tst_ServerConfig::defaults()
{
    const Parsed parsed = parse({});
    QVERIFY2(parsed.config.has_value(), qPrintable(parsed.error));
    QVERIFY(parsed.error.isEmpty());
    QVERIFY(parsed.exitNow.isEmpty());
    const ServerConfig &config = *parsed.config;
    QCOMPARE(config.domain, u"localhost"_s);
    QCOMPARE(config.bind, QHostAddress(QHostAddress::Any));
    QCOMPARE(config.httpPort, quint16(8080));
    QCOMPARE(config.controlPort, quint16(7835));
    QCOMPARE(config.tcpPortFrom, quint16(10000)); // never below 1024 unless the range says so
    QCOMPARE(config.tcpPortTo, quint16(20000));
    QVERIFY(config.tokens.isEmpty());
    QCOMPARE(config.allowAnonymous, false);
    QCOMPARE(config.reservation, std::chrono::milliseconds(60'000));
    QCOMPARE(config.headTimeout, std::chrono::milliseconds(10'000));
    QVERIFY(config.logFormat == ServerConfig::LogFormat::Text);

    // the same as a default-constructed config
    QCOMPARE(describe(config), describe(ServerConfig()));
    QCOMPARE(describe(config), Defaults);
}

void tst_ServerConfig::flags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("--domain") << QStringList{u"--domain"_s, u"tunnels.example.com"_s}
                              << withDefaults(u"domain"_s, u"tunnels.example.com"_s);
    QTest::newRow("--domain lowercased") << QStringList{u"--domain=Tunnels.EXAMPLE.com"_s}
                                         << withDefaults(u"domain"_s, u"tunnels.example.com"_s);
    QTest::newRow("--bind IPv4") << QStringList{u"--bind"_s, u"127.0.0.1"_s}
                                 << withDefaults(u"bind"_s, u"127.0.0.1"_s);
    QTest::newRow("--bind IPv6") << QStringList{u"--bind"_s, u"::1"_s}
                                 << withDefaults(u"bind"_s, u"::1"_s);
    QTest::newRow("--http-port") << QStringList{u"--http-port"_s, u"80"_s}
                                 << withDefaults(u"http"_s, u"80"_s);
    QTest::newRow("--http-port 0 (any)")
            << QStringList{u"--http-port=0"_s} << withDefaults(u"http"_s, u"0"_s);
    QTest::newRow("--http-port 65535")
            << QStringList{u"--http-port"_s, u"65535"_s} << withDefaults(u"http"_s, u"65535"_s);
    QTest::newRow("--control-port")
            << QStringList{u"--control-port"_s, u"4443"_s} << withDefaults(u"control"_s, u"4443"_s);
    QTest::newRow("--tcp-ports") << QStringList{u"--tcp-ports"_s, u"20000-20100"_s}
                                 << withDefaults(u"tcp"_s, u"20000-20100"_s);
    QTest::newRow("--tcp-ports one port") << QStringList{u"--tcp-ports"_s, u"30000-30000"_s}
                                          << withDefaults(u"tcp"_s, u"30000-30000"_s);
    QTest::newRow("--idle-timeout")
            << QStringList{u"--idle-timeout"_s, u"30"_s} << withDefaults(u"idle"_s, u"30000ms"_s);
    QTest::newRow("--idle-timeout 0 (none)")
            << QStringList{u"--idle-timeout=0"_s} << withDefaults(u"idle"_s, u"0ms"_s);
    QTest::newRow("--send-timeout")
            << QStringList{u"--send-timeout"_s, u"5"_s} << withDefaults(u"send"_s, u"5000ms"_s);
    QTest::newRow("--tcp-idle-timeout") << QStringList{u"--tcp-idle-timeout"_s, u"600"_s}
                                        << withDefaults(u"tcp-idle"_s, u"600000ms"_s);
    QTest::newRow("--max-connections")
            << QStringList{u"--max-connections"_s, u"5000"_s} << withDefaults(u"max"_s, u"5000"_s);
    QTest::newRow("--max-connections-per-ip") << QStringList{u"--max-connections-per-ip"_s, u"16"_s}
                                              << withDefaults(u"per-ip"_s, u"16"_s);
    QTest::newRow("--max-streams-per-client") << QStringList{u"--max-streams-per-client"_s, u"50"_s}
                                              << withDefaults(u"streams"_s, u"50"_s);
    QTest::newRow("--max-tunnels-per-token") << QStringList{u"--max-tunnels-per-token"_s, u"3"_s}
                                             << withDefaults(u"tunnels"_s, u"3"_s);
    QTest::newRow("--token") << QStringList{u"--token"_s, u"s3cret"_s}
                             << withDefaults(u"tokens"_s, u"[s3cret]"_s);
    QTest::newRow("--token repeated")
            << QStringList{u"--token"_s, u"one"_s, u"--token"_s, u"two"_s, u"--token=three"_s}
            << withDefaults(u"tokens"_s, u"[one,two,three]"_s);
    QTest::newRow("--allow-anonymous")
            << QStringList{u"--allow-anonymous"_s} << withDefaults(u"anonymous"_s, u"1"_s);
    QTest::newRow("--reserve-seconds") << QStringList{u"--reserve-seconds"_s, u"300"_s}
                                       << withDefaults(u"reserve"_s, u"300000ms"_s);
    QTest::newRow("--reserve-seconds fraction") << QStringList{u"--reserve-seconds"_s, u"1.5"_s}
                                                << withDefaults(u"reserve"_s, u"1500ms"_s);
    QTest::newRow("--reserve-seconds 0")
            << QStringList{u"--reserve-seconds"_s, u"0"_s} << withDefaults(u"reserve"_s, u"0ms"_s);
    QTest::newRow("--head-timeout")
            << QStringList{u"--head-timeout"_s, u"2.5"_s} << withDefaults(u"head"_s, u"2500ms"_s);
    QTest::newRow("--log-format json")
            << QStringList{u"--log-format"_s, u"json"_s} << withDefaults(u"log"_s, u"json"_s);
    QTest::newRow("--log-format text") << QStringList{u"--log-format"_s, u"text"_s} << Defaults;

    QTest::newRow("everything at once")
            << QStringList{u"--domain"_s,
                           u"rok.example.org"_s,
                           u"--bind"_s,
                           u"0.0.0.0"_s,
                           u"--http-port"_s,
                           u"8000"_s,
                           u"--control-port"_s,
                           u"9000"_s,
                           u"--tcp-ports"_s,
                           u"40000-40010"_s,
                           u"--token"_s,
                           u"a"_s,
                           u"--token"_s,
                           u"b"_s,
                           u"--allow-anonymous"_s,
                           u"--reserve-seconds"_s,
                           u"5"_s,
                           u"--head-timeout"_s,
                           u"3"_s,
                           u"--log-format"_s,
                           u"json"_s}
            << u"domain=rok.example.org bind=0.0.0.0 http=8000 control=9000 tcp=40000-40010 "
               "tokens=[a,b] anonymous=1 reserve=5000ms head=3000ms log=json idle=75000ms "
               "send=60000ms tcp-idle=3600000ms max=%1 per-ip=256 streams=1000 tunnels=32"_s.arg(
                       ServerConfig::defaultMaxConnections());
}

void tst_ServerConfig::flags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    const Parsed parsed = parse(arguments);
    QVERIFY2(parsed.config.has_value(), qPrintable(parsed.error));
    QVERIFY(parsed.error.isEmpty());
    QVERIFY(parsed.exitNow.isEmpty());
    QCOMPARE(describe(*parsed.config), expected);
}

void tst_ServerConfig::tokenFromEnvironment_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("environment");
    QTest::addColumn<QByteArrayList>("tokens");

    QTest::newRow("none") << QStringList{} << QByteArray() << QByteArrayList{};
    QTest::newRow("ROK_TOKEN only")
            << QStringList{} << "from-env"_ba << QByteArrayList{"from-env"_ba};
    QTest::newRow("--token wins over ROK_TOKEN") << QStringList{u"--token"_s, u"from-flag"_s}
                                                 << "from-env"_ba << QByteArrayList{"from-flag"_ba};
    QTest::newRow("repeated --token, no ROK_TOKEN")
            << QStringList{u"--token"_s, u"x"_s, u"--token"_s, u"y"_s} << QByteArray()
            << QByteArrayList{"x"_ba, "y"_ba};
    QTest::newRow("UTF-8 token") << QStringList{u"--token"_s, u"grüße"_s} << QByteArray()
                                 << QByteArrayList{"gr\xc3\xbc\xc3\x9f"
                                                   "e"_ba};
}

void tst_ServerConfig::tokenFromEnvironment()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, environment);
    QFETCH(QByteArrayList, tokens);

    const Parsed parsed = parse(arguments, environment);
    QVERIFY2(parsed.config.has_value(), qPrintable(parsed.error));
    QCOMPARE(parsed.config->tokens, tokens);
}

void tst_ServerConfig::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions"); // the error names the flag (or the argument)
    QTest::addColumn<QString>("value"); // and the bad value, when there is one

    QTest::newRow("--http-port 70000")
            << QStringList{u"--http-port"_s, u"70000"_s} << u"--http-port"_s << u"70000"_s;
    QTest::newRow("--http-port -1")
            << QStringList{u"--http-port"_s, u"-1"_s} << u"--http-port"_s << u"-1"_s;
    QTest::newRow("--http-port abc")
            << QStringList{u"--http-port"_s, u"abc"_s} << u"--http-port"_s << u"abc"_s;
    QTest::newRow("--control-port 65536")
            << QStringList{u"--control-port"_s, u"65536"_s} << u"--control-port"_s << u"65536"_s;
    QTest::newRow("--control-port empty")
            << QStringList{u"--control-port="_s} << u"--control-port"_s << QString();
    QTest::newRow("--max-connections 0")
            << QStringList{u"--max-connections"_s, u"0"_s} << u"--max-connections"_s << u"0"_s;
    QTest::newRow("--max-connections-per-ip -1") << QStringList{u"--max-connections-per-ip=-1"_s}
                                                 << u"--max-connections-per-ip"_s << u"-1"_s;
    QTest::newRow("--max-streams-per-client x")
            << QStringList{u"--max-streams-per-client"_s, u"x"_s} << u"--max-streams-per-client"_s
            << u"x"_s;
    QTest::newRow("--max-tunnels-per-token 1.5")
            << QStringList{u"--max-tunnels-per-token"_s, u"1.5"_s} << u"--max-tunnels-per-token"_s
            << u"1.5"_s;
    QTest::newRow("--idle-timeout -1")
            << QStringList{u"--idle-timeout=-1"_s} << u"--idle-timeout"_s << u"-1"_s;
    QTest::newRow("--send-timeout nan")
            << QStringList{u"--send-timeout"_s, u"nan"_s} << u"--send-timeout"_s << u"nan"_s;
    QTest::newRow("--tcp-ports 5-1")
            << QStringList{u"--tcp-ports"_s, u"5-1"_s} << u"--tcp-ports"_s << u"5-1"_s;
    QTest::newRow("--tcp-ports abc")
            << QStringList{u"--tcp-ports"_s, u"abc"_s} << u"--tcp-ports"_s << u"abc"_s;
    QTest::newRow("--tcp-ports single")
            << QStringList{u"--tcp-ports"_s, u"20000"_s} << u"--tcp-ports"_s << u"20000"_s;
    QTest::newRow("--tcp-ports 0-10")
            << QStringList{u"--tcp-ports"_s, u"0-10"_s} << u"--tcp-ports"_s << u"0-10"_s;
    QTest::newRow("--tcp-ports 1-2-3")
            << QStringList{u"--tcp-ports"_s, u"1-2-3"_s} << u"--tcp-ports"_s << u"1-2-3"_s;
    QTest::newRow("--tcp-ports 10-")
            << QStringList{u"--tcp-ports"_s, u"10-"_s} << u"--tcp-ports"_s << u"10-"_s;
    QTest::newRow("--tcp-ports 1-70000")
            << QStringList{u"--tcp-ports"_s, u"1-70000"_s} << u"--tcp-ports"_s << u"1-70000"_s;
    QTest::newRow("--log-format xml")
            << QStringList{u"--log-format"_s, u"xml"_s} << u"--log-format"_s << u"xml"_s;
    QTest::newRow("--log-format JSON")
            << QStringList{u"--log-format"_s, u"JSON"_s} << u"--log-format"_s << u"JSON"_s;
    QTest::newRow("--bind nonsense")
            << QStringList{u"--bind"_s, u"nonsense"_s} << u"--bind"_s << u"nonsense"_s;
    QTest::newRow("--bind 300.1.1.1")
            << QStringList{u"--bind"_s, u"300.1.1.1"_s} << u"--bind"_s << u"300.1.1.1"_s;
    QTest::newRow("--reserve-seconds -1")
            << QStringList{u"--reserve-seconds"_s, u"-1"_s} << u"--reserve-seconds"_s << u"-1"_s;
    QTest::newRow("--reserve-seconds abc")
            << QStringList{u"--reserve-seconds"_s, u"abc"_s} << u"--reserve-seconds"_s << u"abc"_s;
    QTest::newRow("--reserve-seconds two years")
            << QStringList{u"--reserve-seconds"_s, u"63072000"_s} << u"--reserve-seconds"_s
            << u"63072000"_s;
    QTest::newRow("--reserve-seconds inf")
            << QStringList{u"--reserve-seconds"_s, u"inf"_s} << u"--reserve-seconds"_s << u"inf"_s;
    QTest::newRow("--reserve-seconds nan")
            << QStringList{u"--reserve-seconds"_s, u"nan"_s} << u"--reserve-seconds"_s << u"nan"_s;
    QTest::newRow("--head-timeout 0")
            << QStringList{u"--head-timeout"_s, u"0"_s} << u"--head-timeout"_s << u"0"_s;
    QTest::newRow("--head-timeout -5")
            << QStringList{u"--head-timeout"_s, u"-5"_s} << u"--head-timeout"_s << u"-5"_s;
    QTest::newRow("--head-timeout nan")
            << QStringList{u"--head-timeout"_s, u"nan"_s} << u"--head-timeout"_s << u"nan"_s;
    QTest::newRow("--domain empty") << QStringList{u"--domain="_s} << u"--domain"_s << QString();
    QTest::newRow("--domain leading dot")
            << QStringList{u"--domain"_s, u".example.com"_s} << u"--domain"_s << u".example.com"_s;
    QTest::newRow("unknown option")
            << QStringList{u"--no-such-flag"_s} << u"no-such-flag"_s << QString();
    QTest::newRow("missing value") << QStringList{u"--http-port"_s} << u"http-port"_s << QString();
    QTest::newRow("positional argument") << QStringList{u"extra"_s} << u"extra"_s << QString();
}

void tst_ServerConfig::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QFETCH(QString, value);

    const Parsed parsed = parse(arguments);
    QVERIFY2(!parsed.config.has_value(),
             qPrintable(u"accepted: "_s + describe(parsed.config.value_or(ServerConfig()))));
    QVERIFY(parsed.exitNow.isEmpty());
    QVERIFY2(parsed.error.contains(mentions), qPrintable(parsed.error));
    if (!value.isEmpty())
        QVERIFY2(parsed.error.contains(value), qPrintable(parsed.error));
}

void tst_ServerConfig::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    const QStringList helpMentions{u"--http-port"_s,
                                   u"--control-port"_s,
                                   u"--tcp-ports"_s,
                                   u"--idle-timeout"_s,
                                   u"--send-timeout"_s,
                                   u"--tcp-idle-timeout"_s,
                                   u"--max-connections"_s,
                                   u"--max-connections-per-ip"_s,
                                   u"--max-streams-per-client"_s,
                                   u"--max-tunnels-per-token"_s,
                                   u"--token"_s,
                                   u"--bind"_s,
                                   u"--log-format"_s};
    QTest::newRow("--help") << QStringList{u"--help"_s} << helpMentions;
    QTest::newRow("-h") << QStringList{u"-h"_s} << helpMentions;
    QTest::newRow("--help wins over a bad value")
            << QStringList{u"--http-port"_s, u"99999"_s, u"--help"_s} << helpMentions;
    QTest::newRow("--version") << QStringList{u"--version"_s}
                               << QStringList{u"rok-server "_s + QStringLiteral(ROK_VERSION)};
}

void tst_ServerConfig::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const Parsed parsed = parse(arguments);
    QVERIFY(!parsed.config.has_value());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QVERIFY(!parsed.exitNow.isEmpty());
    for (const QString &text : mentions)
        QVERIFY2(parsed.exitNow.contains(text), qPrintable(text + u" not in: "_s + parsed.exitNow));
}

namespace {

// A config file with `text` in a fresh directory; parse() with --config FILE.
struct ConfigFile : ScratchFile
{
    explicit ConfigFile(const QByteArray &text)
        : ScratchFile(u"rok-server.toml"_s, text)
    {
    }
};

} // namespace

void tst_ServerConfig::configFile_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << QStringList() << Defaults;
    QTest::newRow("comments only")
            << QByteArray("# http-port = 80\n\n") << QStringList() << Defaults;
    QTest::newRow("integer") << QByteArray("http-port = 80\n") << QStringList()
                             << withDefaults(u"http"_s, u"80"_s);
    QTest::newRow("string") << QByteArray("domain = \"rok.example.org\"") << QStringList()
                            << withDefaults(u"domain"_s, u"rok.example.org"_s);
    QTest::newRow("fraction of seconds") << QByteArray("head-timeout = 2.5") << QStringList()
                                         << withDefaults(u"head"_s, u"2500ms"_s);
    QTest::newRow("flag true") << QByteArray("allow-anonymous = true") << QStringList()
                               << withDefaults(u"anonymous"_s, u"1"_s);
    QTest::newRow("flag false") << QByteArray("allow-anonymous = false") << QStringList()
                                << Defaults;
    QTest::newRow("repeatable as a list")
            << QByteArray("token = [\"one\", \"two\"]") << QStringList()
            << withDefaults(u"tokens"_s, u"[one,two]"_s);
    QTest::newRow("repeatable as one value") << QByteArray("token = \"one\"") << QStringList()
                                             << withDefaults(u"tokens"_s, u"[one]"_s);
    QTest::newRow("a flag wins over the file")
            << QByteArray("http-port = 80\ncontrol-port = 4443")
            << QStringList{u"--http-port"_s, u"8000"_s}
            << withDefaults(u"http"_s, u"8000"_s).replace(u"control=7835"_s, u"control=4443"_s);
    QTest::newRow("a repeated flag replaces the file's list")
            << QByteArray("token = [\"one\", \"two\"]") << QStringList{u"--token=three"_s}
            << withDefaults(u"tokens"_s, u"[three]"_s);
    QTest::newRow("the file's token before ROK_TOKEN")
            << QByteArray("token = [\"one\"]") << QStringList()
            << withDefaults(u"tokens"_s, u"[one]"_s);
}

void tst_ServerConfig::configFile()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    const ConfigFile config(file);
    const Parsed parsed =
            parse(QStringList{u"--config"_s, config.path()} + arguments, "from-environment");
    QVERIFY2(parsed.config.has_value(), qPrintable(parsed.error));
    QCOMPARE(describe(*parsed.config).replace(u"[from-environment]"_s, u"[]"_s), expected);
    QCOMPARE(parsed.config->configFile, config.path());
}

void tst_ServerConfig::configFileErrors_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("expected"); // FILE stands for the file's path

    QTest::newRow("not TOML") << QByteArray("http-port = 80\nhttp-port 81\n") << u"FILE:2: "_s;
    QTest::newRow("unknown key") << QByteArray("\n\nhtp-port = 80\n")
                                 << u"FILE:3: htp-port: unknown key"_s;
    QTest::newRow("a command-only option")
            << QByteArray("help = true") << u"FILE:1: help: unknown key"_s;
    QTest::newRow("a table") << QByteArray("[limits]\nmax-connections = 5\n")
                             << u"FILE:1: limits: unknown key"_s;
    QTest::newRow("a list where one value goes") << QByteArray("http-port = [80, 81]")
                                                 << u"FILE:1: http-port: expected one value, "
                                                    "not a list"_s;
    QTest::newRow("a flag that is not true or false")
            << QByteArray("allow-anonymous = \"yes\"")
            << u"FILE:1: allow-anonymous: expected true or false"_s;
    QTest::newRow("a value the option refuses")
            << QByteArray("domain = \"example.org\"\nhttp-port = 70000\n")
            << u"FILE:2: invalid http-port: 70000"_s;
    QTest::newRow("a list of tables") << QByteArray("token = [{ a = 1 }]")
                                      << u"FILE:1: token: expected a list of strings or "
                                         "numbers"_s;
}

void tst_ServerConfig::configFileErrors()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, expected);

    const ConfigFile config(file);
    const Parsed parsed = parse({u"--config"_s, config.path()});
    QVERIFY(!parsed.config);
    const QString error = QString(parsed.error).replace(config.path(), u"FILE"_s);
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void tst_ServerConfig::defaultConfigFile()
{
    // Read when it exists, without --config; a missing default is no error, a missing --config is.
    const ConfigFile config("http-port = 80\n");
    const auto parseWithDefault = [](const QStringList &arguments, const QString &path) {
        QString error;
        QString exitNow;
        return ServerConfig::fromArguments(QStringList{u"rok-server"_s} + arguments, {}, &error,
                                           &exitNow, path);
    };
    QCOMPARE(parseWithDefault({}, config.path())->httpPort, quint16(80));
    QCOMPARE(parseWithDefault({}, config.directory() + u"/missing.toml"_s)->httpPort,
             quint16(8080));
    const Parsed missing = parse({u"--config"_s, config.directory() + u"/missing.toml"_s});
    QVERIFY(!missing.config);
    QVERIFY2(missing.error.contains(u"missing.toml"_s), qPrintable(missing.error));
    QVERIFY(parse({u"--help"_s}).exitNow.contains(u"--config <FILE>"_s));
}

void tst_ServerConfig::adminListen_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // ADDR PORT, or empty for an error

    QTest::newRow("IPv4") << u"127.0.0.1:9090"_s << u"127.0.0.1 9090"_s;
    QTest::newRow("IPv6 in brackets") << u"[::1]:9090"_s << u"::1 9090"_s;
    QTest::newRow("port 0") << u"127.0.0.1:0"_s << u"127.0.0.1 0"_s;
    QTest::newRow("no port") << u"127.0.0.1"_s << QString();
    QTest::newRow("a host name") << u"localhost:9090"_s << QString();
    QTest::newRow("port too large") << u"127.0.0.1:65536"_s << QString();
}

void tst_ServerConfig::adminListen()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QVERIFY(!parse({}).config->adminListen); // off unless set
    const Parsed parsed = parse({u"--admin-listen"_s, value});
    if (expected.isEmpty()) {
        QVERIFY(!parsed.config);
        QVERIFY2(parsed.error.startsWith(u"invalid --admin-listen: "_s), qPrintable(parsed.error));
        return;
    }
    QVERIFY2(parsed.config, qPrintable(parsed.error));
    const auto &[address, port] = *parsed.config->adminListen;
    QCOMPARE(u"%1 %2"_s.arg(address.toString()).arg(port), expected);
}

void tst_ServerConfig::exampleConfigFile()
{
    // packaging/rok-server.toml, installed as /etc/rok/rok-server.toml: every option has a line
    // there, and each line, uncommented, is a valid key with a valid value (an error may only
    // be about another option it needs).
    QFile example(QStringLiteral(ROK_SOURCE_DIR "/packaging/rok-server.toml"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    const QByteArrayList lines = example.readAll().split('\n');
    QVERIFY(parse({u"--config"_s, example.fileName()}).config.has_value()); // all comments

    const QRegularExpression setting(u"^# ([a-z-]+) = "_s);
    QStringList keys;
    for (const QByteArray &line : lines) {
        const QRegularExpressionMatch match = setting.match(QString::fromUtf8(line));
        if (!match.hasMatch())
            continue;
        keys.append(match.captured(1));
        const ConfigFile config(line.mid(2));
        const Parsed parsed = parse({u"--config"_s, config.path()});
        QVERIFY2(!parsed.error.startsWith(config.path()), qPrintable(parsed.error));
    }
    const QString help = parse({u"--help"_s}).exitNow;
    const QRegularExpression option(u"^  --([a-z-]+)"_s, QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (name != u"help" && name != u"version" && name != u"config")
            QVERIFY2(keys.contains(name), qPrintable(name + u" is not in the example"_s));
    }
}

void tst_ServerConfig::tls()
{
    const Parsed none = parse({});
    QVERIFY(none.config->tlsCertFile.isEmpty());
    QVERIFY(!none.config->selfSigned);

    const Parsed files =
            parse({u"--tls-cert"_s, u"/etc/rok/cert.pem"_s, u"--tls-key"_s, u"/etc/rok/key.pem"_s});
    QVERIFY2(files.config, qPrintable(files.error));
    QCOMPARE(files.config->tlsCertFile, u"/etc/rok/cert.pem"_s);
    QCOMPARE(files.config->tlsKeyFile, u"/etc/rok/key.pem"_s);

    const Parsed selfSigned = parse({u"--self-signed"_s, u"--state-dir"_s, u"/srv/rok"_s});
    QVERIFY2(selfSigned.config, qPrintable(selfSigned.error));
    QVERIFY(selfSigned.config->selfSigned);
    QCOMPARE(selfSigned.config->stateDirectory, u"/srv/rok"_s);

    const Parsed onlyCert = parse({u"--tls-cert"_s, u"cert.pem"_s});
    QVERIFY(!onlyCert.config);
    QVERIFY2(onlyCert.error.contains(u"--tls-cert and --tls-key go together"_s),
             qPrintable(onlyCert.error));
    const Parsed both =
            parse({u"--self-signed"_s, u"--tls-cert"_s, u"c"_s, u"--tls-key"_s, u"k"_s});
    QVERIFY(!both.config);
    QVERIFY2(both.error.contains(u"--self-signed"_s), qPrintable(both.error));
    const Parsed emptyState = parse({u"--state-dir="_s});
    QVERIFY(!emptyState.config);
    QVERIFY2(emptyState.error.contains(u"--state-dir"_s), qPrintable(emptyState.error));
}

void tst_ServerConfig::acme()
{
    const QStringList https{u"--domain"_s, u"tunnel.example"_s, u"--https-port"_s, u"443"_s};
    const Parsed defaults = parse(https + QStringList{u"--acme-email"_s, u"ops@example.com"_s});
    QVERIFY2(defaults.config, qPrintable(defaults.error));
    QVERIFY(defaults.config->usesAcme());
    QCOMPARE(defaults.config->acmeDirectory.toString(),
             u"https://acme-v02.api.letsencrypt.org/directory"_s);
    QVERIFY(!parse(https).config->usesAcme());
    const Parsed test =
            parse(https
                  + QStringList{u"--acme-email"_s, u"a@b.c"_s, u"--acme-directory"_s,
                                u"https://127.0.0.1:14000/dir"_s, u"--acme-ca"_s, u"pebble.pem"_s});
    QVERIFY2(test.config, qPrintable(test.error));
    QCOMPARE(test.config->acmeDirectory, QUrl(u"https://127.0.0.1:14000/dir"_s));
    QCOMPARE(test.config->acmeCaFile, u"pebble.pem"_s);

    // Each refusal names what to change.
    const Parsed noHttps =
            parse({u"--domain"_s, u"tunnel.example"_s, u"--acme-email"_s, u"a@b.c"_s});
    QVERIFY2(noHttps.error.contains(u"--https-port"_s), qPrintable(noHttps.error));
    const Parsed local = parse({u"--https-port"_s, u"0"_s, u"--acme-email"_s, u"a@b.c"_s});
    QVERIFY2(local.error.contains(u"public --domain"_s), qPrintable(local.error));
    const Parsed plainDirectory =
            parse(https
                  + QStringList{u"--acme-email"_s, u"a@b.c"_s, u"--acme-directory"_s,
                                u"http://ca.example/dir"_s});
    QVERIFY2(plainDirectory.error.contains(u"--acme-directory"_s),
             qPrintable(plainDirectory.error));
}

void tst_ServerConfig::cluster()
{
    const Parsed alone = parse({});
    QVERIFY(alone.config && !alone.config->isClustered());

    const Parsed parsed =
            parse({u"--redis"_s, u"redis://:pw@10.0.0.2:6380/3"_s, u"--node-address"_s,
                   u"10.0.0.5:7836"_s, u"--cluster-secret"_s, u"s3cret"_s, u"--lease-ttl"_s,
                   u"2.5"_s, u"--node-id"_s, u"edge-1"_s});
    QVERIFY2(parsed.config, qPrintable(parsed.error));
    const ServerConfig &config = *parsed.config;
    QVERIFY(config.isClustered());
    QCOMPARE(config.redis->host, u"10.0.0.2"_s);
    QCOMPARE(config.redis->port, 6380);
    QCOMPARE(config.redis->password, "pw");
    QCOMPARE(config.redis->db, 3);
    QCOMPARE(config.nodeAddress->first, QHostAddress(u"10.0.0.5"_s));
    QCOMPARE(config.nodeAddress->second, 7836);
    QCOMPARE(config.clusterSecret, "s3cret");
    QCOMPARE(config.leaseTtl, std::chrono::milliseconds(2500));
    QCOMPARE(config.nodeIdOrDefault(7836), u"edge-1"_s);

    // On loopback (one machine, tests) no secret is needed; the default id is host:port.
    const Parsed local =
            parse({u"--redis"_s, u"redis://127.0.0.1"_s, u"--node-address"_s, u"127.0.0.1:0"_s});
    QVERIFY2(local.config, qPrintable(local.error));
    QCOMPARE(local.config->leaseTtl, std::chrono::milliseconds(5000));
    QVERIFY(local.config->clusterSecret.isEmpty());
    QCOMPARE(local.config->nodeIdOrDefault(40001), QSysInfo::machineHostName() + u":40001"_s);
}

void tst_ServerConfig::clusterErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const QStringList redis{u"--redis"_s, u"redis://127.0.0.1"_s};
    const QStringList local = redis + QStringList{u"--node-address"_s, u"127.0.0.1:7836"_s};
    QTest::newRow("--node-id without --redis")
            << QStringList{u"--node-id"_s, u"a"_s} << u"--node-id is for cluster mode"_s;
    QTest::newRow("--cluster-secret without --redis")
            << QStringList{u"--cluster-secret"_s, u"a"_s} << u"add --redis"_s;
    QTest::newRow("rediss://") << QStringList{u"--redis"_s, u"rediss://10.0.0.2"_s}
                               << u"invalid --redis"_s;
    QTest::newRow("not a URL") << QStringList{u"--redis"_s, u"10.0.0.2:6379"_s}
                               << u"invalid --redis"_s;
    QTest::newRow("no --node-address") << redis << u"--node-address"_s;
    QTest::newRow("--node-address host name")
            << redis + QStringList{u"--node-address"_s, u"node1:7836"_s} << u"node1:7836"_s;
    QTest::newRow("--node-address any")
            << redis + QStringList{u"--node-address"_s, u"0.0.0.0:7836"_s} << u"0.0.0.0:7836"_s;
    QTest::newRow("public --node-address without a secret")
            << redis + QStringList{u"--node-address"_s, u"10.0.0.5:7836"_s}
            << u"--cluster-secret"_s;
    QTest::newRow("--lease-ttl 0.5")
            << local + QStringList{u"--lease-ttl"_s, u"0.5"_s} << u"--lease-ttl"_s;
    QTest::newRow("--node-id with a space")
            << local + QStringList{u"--node-id"_s, u"a b"_s} << u"--node-id"_s;
    QTest::newRow("--node-id too long")
            << local + QStringList{u"--node-id"_s, QString(65, u'a')} << u"--node-id"_s;
}

void tst_ServerConfig::clusterErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Parsed parsed = parse(arguments);
    QVERIFY(!parsed.config);
    QVERIFY2(parsed.error.contains(mentions), qPrintable(parsed.error));
}

void tst_ServerConfig::defaultStateDirectory()
{
    // Under systemd, StateDirectory= says where (the first of several).
    qputenv("STATE_DIRECTORY", "/var/lib/rok-server:/var/lib/other");
    QCOMPARE(ServerConfig::defaultStateDirectory(), u"/var/lib/rok-server"_s);
    qputenv("STATE_DIRECTORY", "/srv/state");
    QCOMPARE(ServerConfig::defaultStateDirectory(), u"/srv/state"_s);
    qunsetenv("STATE_DIRECTORY");
    if (::geteuid() == 0) {
        QCOMPARE(ServerConfig::defaultStateDirectory(), u"/var/lib/rok-server"_s);
        return;
    }
    const QByteArray saved = qgetenv("XDG_STATE_HOME");
    qputenv("XDG_STATE_HOME", "/tmp/state-home");
    QCOMPARE(ServerConfig::defaultStateDirectory(), u"/tmp/state-home/rok-server"_s);
    qputenv("XDG_STATE_HOME", "relative/ignored"); // the XDG spec: relative paths are invalid
    QCOMPARE(ServerConfig::defaultStateDirectory(),
             QDir::homePath() + u"/.local/state/rok-server"_s);
    if (saved.isNull())
        qunsetenv("XDG_STATE_HOME");
    else
        qputenv("XDG_STATE_HOME", saved);
}

void tst_ServerConfig::publicUrl_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<int>("httpPort");
    QTest::addColumn<QString>("url");

    QTest::newRow("local default") << u"localhost"_s << 8080 << u"http://otter.localhost:8080"_s;
    QTest::newRow("port 80 is left out")
            << u"tunnel.example"_s << 80 << u"http://otter.tunnel.example"_s;
}

void tst_ServerConfig::publicUrl()
{
    QFETCH(QString, domain);
    QFETCH(int, httpPort);
    QFETCH(QString, url);
    ServerConfig config;
    config.domain = domain;
    config.httpPort = quint16(httpPort);
    QCOMPARE(config.publicUrl(u"otter"_s), url);
    QCOMPARE(config.httpUrl(u"otter"_s), url);
}

void tst_ServerConfig::httpsUrl()
{
    ServerConfig config;
    config.domain = u"tunnel.example"_s;
    config.httpsPort = 443;
    QCOMPARE(config.publicUrl(u"otter"_s), u"https://otter.tunnel.example"_s);
    QCOMPARE(config.httpUrl(u"otter"_s), u"http://otter.tunnel.example:8080"_s);
    config.httpsPort = 8443;
    QCOMPARE(config.httpsUrl(u"otter"_s), u"https://otter.tunnel.example:8443"_s);
}

QTEST_GUILESS_MAIN(tst_ServerConfig)

#include "tst_serverconfig.moc"
