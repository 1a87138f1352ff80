// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QDir>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "appsettings.h"
#include "configcommand.h"

#include <cstdio>

using namespace Qt::StringLiterals;

// `rok config`: its words, and what it does to AppSettings over a QSettings file in a temporary
// directory (the keychain off, so the token goes to that file).
class tst_ConfigCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void help();
    void serverGoesToEveryTunnel();
    void tunnelKeysGoToOneTunnel();
    void newTunnelStartsFromTheCurrentOne();
    void tokenForEveryTunnelOrOne();
    void emptyTokenIsRefused();
    void removesTunnelAndItsToken();
    void showListsTunnels();
    void unwritableSettingsFileIsAnError();

private:
    // Runs the words as `rok config` would; stdout and stderr into *out and *err.
    int run(const QStringList &words, const QByteArray &input = {}, QString *out = nullptr,
            QString *err = nullptr);
    static QByteArray token(const QString &profile);
    QTemporaryDir m_dir;
};

void tst_ConfigCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
}

void tst_ConfigCommand::init()
{
    QSettings settings(u"rok"_s, u"rok"_s);
    settings.clear();
    settings.sync();
}

int tst_ConfigCommand::run(const QStringList &words, const QByteArray &input, QString *out,
                           QString *err)
{
    QString error;
    QString help;
    const auto request = ConfigRequest::parse(words, &error, &help);
    if (!request) {
        if (err)
            *err = error;
        return 2;
    }
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    char *outText = nullptr;
    char *errText = nullptr;
    size_t outSize = 0;
    size_t errSize = 0;
    FILE *outFile = open_memstream(&outText, &outSize);
    FILE *errFile = open_memstream(&errText, &errSize);
    int exitCode = -1;
    {
        ConfigCommand command(&settings, outFile, errFile);
        QSignalSpy finished(&command, &ConfigCommand::finished);
        command.run(*request, input);
        if (finished.isEmpty() && !finished.wait(5000))
            qWarning("rok config did not finish");
        else
            exitCode = finished.constFirst().constFirst().toInt();
        QTest::qWait(10);
        if (finished.size() > 1) // finished() comes once, when everything has answered
            exitCode = -2;
    }
    std::fclose(outFile);
    std::fclose(errFile);
    if (out)
        *out = QString::fromLocal8Bit(outText, qsizetype(outSize));
    if (err)
        *err = QString::fromLocal8Bit(errText, qsizetype(errSize));
    std::free(outText);
    std::free(errText);
    return exitCode;
}

QByteArray tst_ConfigCommand::token(const QString &profile)
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    QSignalSpy read(settings.tokens(), &TokenStore::tokenRead);
    settings.tokens()->read(profile);
    return read.wait(5000) ? read.constFirst().at(1).toByteArray() : "(no answer)"_ba;
}

void tst_ConfigCommand::parses_data()
{
    using Verb = ConfigRequest::Verb;
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<Verb>("verb");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("tunnel");

    QTest::newRow("nothing") << QStringList{} << Verb::Show << QString() << QString() << QString();
    QTest::newRow("show") << QStringList{u"show"_s} << Verb::Show << QString() << QString()
                          << QString();
    QTest::newRow("server") << QStringList{u"set"_s, u"server"_s, u"tunnel.example.com:7835"_s}
                            << Verb::Set << u"server"_s << u"tunnel.example.com:7835"_s
                            << QString();
    QTest::newRow("server port only") << QStringList{u"set"_s, u"server"_s, u"9000"_s} << Verb::Set
                                      << u"server"_s << u"localhost:9000"_s << QString();
    QTest::newRow("local for a tunnel")
            << QStringList{u"set"_s, u"local"_s, u"8080"_s, u"--tunnel"_s, u"api"_s} << Verb::Set
            << u"local"_s << u"localhost:8080"_s << u"api"_s;
    QTest::newRow("subdomain lowercased")
            << QStringList{u"set"_s, u"subdomain"_s, u"My-App"_s} << Verb::Set << u"subdomain"_s
            << u"my-app"_s << QString();
    QTest::newRow("empty clears") << QStringList{u"set"_s, u"subdomain"_s, QString()} << Verb::Set
                                  << u"subdomain"_s << QString() << QString();
    QTest::newRow("protocol tcp") << QStringList{u"set"_s, u"protocol"_s, u"tcp"_s} << Verb::Set
                                  << u"protocol"_s << u"tcp"_s << QString();
    QTest::newRow("set-token") << QStringList{u"set-token"_s} << Verb::SetToken << QString()
                               << QString() << QString();
    QTest::newRow("set-token --remove")
            << QStringList{u"set-token"_s, u"--remove"_s, u"--tunnel=db"_s} << Verb::RemoveToken
            << QString() << QString() << u"db"_s;
    QTest::newRow("remove") << QStringList{u"remove"_s, u"old"_s} << Verb::RemoveTunnel << QString()
                            << QString() << u"old"_s;
}

void tst_ConfigCommand::parses()
{
    QFETCH(QStringList, words);
    QString error;
    QString help;
    const auto request = ConfigRequest::parse(words, &error, &help);
    QVERIFY2(request, qPrintable(error));
    QTEST(request->verb, "verb");
    QTEST(request->key, "key");
    QTEST(request->value, "value");
    QTEST(request->tunnel, "tunnel");
}

void tst_ConfigCommand::refuses_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown command") << QStringList{u"get"_s}
                                     << u"unknown config command \"get\" (expected show, set, "
                                        "set-token or remove)"_s;
    QTest::newRow("unknown key") << QStringList{u"set"_s, u"color"_s, u"red"_s}
                                 << u"unknown key \"color\" (expected one of: server, "
                                    "fingerprint, ca, protocol, local, subdomain, host-header)"_s;
    QTest::newRow("set without value") << QStringList{u"set"_s, u"server"_s}
                                       << u"usage: rok config set KEY VALUE [--tunnel NAME]"_s;
    QTest::newRow("bad server") << QStringList{u"set"_s, u"server"_s, u"host:port"_s}
                                << u"invalid server \"host:port\" (expected HOST:PORT, "
                                   "tls://HOST:PORT or tcp://HOST:PORT)"_s;
    QTest::newRow("bad local") << QStringList{u"set"_s, u"local"_s, u"ftp://x"_s}
                               << u"invalid local \"ftp://x\" (expected PORT, HOST:PORT or "
                                  "https://HOST:PORT)"_s;
    QTest::newRow("bad subdomain") << QStringList{u"set"_s, u"subdomain"_s, u"a_b"_s}
                                   << u"invalid subdomain \"a_b\" (letters, digits and inner "
                                      "hyphens, at most 63)"_s;
    QTest::newRow("bad fingerprint")
            << QStringList{u"set"_s, u"fingerprint"_s, u"md5:00"_s} << u"invalid fingerprint: "_s;
    QTest::newRow("missing ca") << QStringList{u"set"_s, u"ca"_s, u"/nonexistent/ca.pem"_s}
                                << u"invalid ca: "_s;
    QTest::newRow("--remove elsewhere")
            << QStringList{u"show"_s, u"--remove"_s} << u"--remove goes with set-token"_s;
    QTest::newRow("empty --tunnel")
            << QStringList{u"set-token"_s, u"--tunnel"_s, u" "_s} << u"--tunnel needs a name"_s;
    QTest::newRow("remove without name")
            << QStringList{u"remove"_s} << u"usage: rok config remove NAME"_s;
    QTest::newRow("unknown option")
            << QStringList{u"show"_s, u"--all"_s} << u"Unknown option 'all'."_s;
}

void tst_ConfigCommand::refuses()
{
    QFETCH(QStringList, words);
    QFETCH(QString, error);
    QString said;
    QString help;
    QVERIFY(!ConfigRequest::parse(words, &said, &help));
    QVERIFY(help.isEmpty());
    QVERIFY2(said.startsWith(error), qPrintable(said));
}

void tst_ConfigCommand::help()
{
    QString error;
    QString help;
    QVERIFY(!ConfigRequest::parse({u"--help"_s}, &error, &help));
    QVERIFY(error.isEmpty());
    QVERIFY2(help.startsWith(u"Usage: rok config [options] command"_s), qPrintable(help));
    QVERIFY(help.contains(u"rok config set-token"_s));
}

void tst_ConfigCommand::serverGoesToEveryTunnel()
{
    {
        AppSettings settings;
        AppSettings::Profile api;
        api.name = u"api"_s;
        api.server = u"old.example:7835"_s;
        settings.setProfiles({settings.profile(), api});
        settings.save();
    }
    QString out;
    QCOMPARE(run({u"set"_s, u"server"_s, u"tunnel.example.com:443"_s}, {}, &out), 0);
    QCOMPARE(out, u"server = tunnel.example.com:443 for: Default, api\n"_s);
    AppSettings settings;
    for (const AppSettings::Profile &profile : settings.profiles())
        QCOMPARE(profile.server, u"tunnel.example.com:443"_s);
    QCOMPARE(run({u"set"_s, u"fingerprint"_s, u"sha256:"_s + QString(u'a').repeated(64),
                  u"--tunnel"_s, u"api"_s}),
             0);
    AppSettings after;
    QCOMPARE(after.findProfile(u"api"_s)->fingerprint, u"sha256:"_s + QString(u'a').repeated(64));
    QVERIFY(after.findProfile(u"Default"_s)->fingerprint.isEmpty());
}

void tst_ConfigCommand::tunnelKeysGoToOneTunnel()
{
    {
        AppSettings settings;
        AppSettings::Profile api;
        api.name = u"api"_s;
        settings.setProfiles({settings.profile(), api});
        settings.setCurrentProfile(u"api"_s);
        settings.save();
    }
    QCOMPARE(run({u"set"_s, u"local"_s, u"8080"_s}), 0); // the current one
    QCOMPARE(run({u"set"_s, u"protocol"_s, u"tcp"_s, u"--tunnel"_s, u"Default"_s}), 0);
    AppSettings settings;
    QCOMPARE(settings.findProfile(u"api"_s)->local, u"localhost:8080"_s);
    QCOMPARE(settings.findProfile(u"api"_s)->protocol, u"http"_s);
    QCOMPARE(settings.findProfile(u"Default"_s)->local, u"localhost:3000"_s);
    QCOMPARE(settings.findProfile(u"Default"_s)->protocol, u"tcp"_s);
    const TunnelOptions options = settings.findProfile(u"Default"_s)->toOptions("t"_ba);
    QCOMPARE(options.protocol, TunnelOptions::Protocol::Tcp);
    QCOMPARE(options.token, "t"_ba);
}

void tst_ConfigCommand::newTunnelStartsFromTheCurrentOne()
{
    QCOMPARE(run({u"set"_s, u"server"_s, u"tunnel.example.com:443"_s}), 0);
    QCOMPARE(run({u"set-token"_s}, "s3cret\n"_ba), 0);
    QString out;
    QCOMPARE(run({u"set"_s, u"local"_s, u"5432"_s, u"--tunnel"_s, u"db"_s}, {}, &out), 0);
    QCOMPARE(out, u"Added the saved tunnel \"db\".\nlocal = localhost:5432 for: db\n"_s);
    AppSettings settings;
    QCOMPARE(settings.profiles().size(), 2);
    QCOMPARE(settings.findProfile(u"db"_s)->server, u"tunnel.example.com:443"_s);
    QCOMPARE(settings.currentProfile(), u"Default"_s); // adding does not switch
    QCOMPARE(token(u"db"_s), "s3cret"_ba);
}

void tst_ConfigCommand::tokenForEveryTunnelOrOne()
{
    QCOMPARE(run({u"set"_s, u"local"_s, u"1"_s, u"--tunnel"_s, u"a"_s}), 0);
    QString out;
    QCOMPARE(run({u"set-token"_s}, "  shared\n"_ba, &out), 0);
    QVERIFY2(out.startsWith(u"Token stored in "_s) && out.endsWith(u"for: Default, a\n"_s),
             qPrintable(out));
    QCOMPARE(token(u"Default"_s), "shared"_ba);
    QCOMPARE(token(u"a"_s), "shared"_ba);
    // A new tunnel named with set-token gets this token, not a copy of the current one's.
    QCOMPARE(run({u"set-token"_s, u"--tunnel"_s, u"b"_s}, "own\n"_ba), 0);
    QCOMPARE(token(u"b"_s), "own"_ba);
    QCOMPARE(run({u"set-token"_s, u"--remove"_s, u"--tunnel"_s, u"a"_s}, {}, &out), 0);
    QCOMPARE(out, u"Token removed for: a\n"_s);
    QCOMPARE(token(u"a"_s), QByteArray());
    QCOMPARE(token(u"Default"_s), "shared"_ba);
    // Readable by its owner only, since the token is in it.
    QCOMPARE(
            QFile::permissions(QSettings(u"rok"_s, u"rok"_s).fileName())
                    & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
}

void tst_ConfigCommand::emptyTokenIsRefused()
{
    QCOMPARE(run({u"set-token"_s}, "shared\n"_ba), 0);
    QString err;
    QCOMPARE(run({u"set-token"_s}, " \n"_ba, nullptr, &err), 2);
    QCOMPARE(err,
             u"rok: no token on standard input (to forget the stored one: rok config "
             "set-token --remove)\n"_s);
    QCOMPARE(token(u"Default"_s), "shared"_ba); // lost nothing
}

void tst_ConfigCommand::removesTunnelAndItsToken()
{
    QCOMPARE(run({u"set-token"_s, u"--tunnel"_s, u"old"_s}, "x\n"_ba), 0);
    QString out;
    QCOMPARE(run({u"remove"_s, u"old"_s}, {}, &out), 0);
    QCOMPARE(out, u"Removed the saved tunnel \"old\".\n"_s);
    AppSettings settings;
    QVERIFY(!settings.findProfile(u"old"_s));
    QCOMPARE(token(u"old"_s), QByteArray());
    QString err;
    QCOMPARE(run({u"remove"_s, u"old"_s}, {}, nullptr, &err), 2);
    QCOMPARE(err, u"rok: no saved tunnel named \"old\" (rok config show lists them)\n"_s);
}

void tst_ConfigCommand::showListsTunnels()
{
    QCOMPARE(run({u"set"_s, u"local"_s, u"22"_s, u"--tunnel"_s, u"ssh"_s}), 0);
    QCOMPARE(run({u"set"_s, u"protocol"_s, u"tcp"_s, u"--tunnel"_s, u"ssh"_s}), 0);
    QCOMPARE(run({u"set-token"_s, u"--tunnel"_s, u"ssh"_s}, "x\n"_ba), 0);
    QString out;
    QCOMPARE(run({u"show"_s}, {}, &out), 0);
    const QString expected = u"\n* Default  (its server and token are the ones rok http and rok "
                             "tcp use)\n"
                             "    protocol     http\n"
                             "    local        localhost:3000\n"
                             "    server       localhost:7835\n"
                             "    token        not set\n"
                             "    subdomain    (any)\n"
                             "\n  ssh\n"
                             "    protocol     tcp\n"
                             "    local        localhost:22\n"
                             "    server       localhost:7835\n"
                             "    token        set\n"
                             "    subdomain    (any)\n"_s;
    QVERIFY2(out.endsWith(expected), qPrintable(out));
    QVERIFY2(out.startsWith(u"Settings: "_s + QSettings(u"rok"_s, u"rok"_s).fileName()),
             qPrintable(out));
}

void tst_ConfigCommand::unwritableSettingsFileIsAnError()
{
    // A directory where the file should be: no write succeeds, even as root.
    const QString file = QSettings(u"rok"_s, u"rok"_s).fileName();
    QFile::remove(file);
    QVERIFY(QDir().mkpath(file));
    const auto removeDirectory = qScopeGuard([&] { QDir(file).removeRecursively(); });
    QString out;
    QString err;
    QCOMPARE(run({u"set"_s, u"server"_s, u"tunnel.example:443"_s}, {}, &out, &err), 1);
    QCOMPARE(err, u"rok: cannot write "_s + file + u'\n');
    QCOMPARE(out, QString());
    QCOMPARE(run({u"set-token"_s, u"--tunnel"_s, u"new"_s}, "x\n"_ba, &out, &err), 1);
    QCOMPARE(err, u"rok: cannot write "_s + file + u'\n');
    QCOMPARE(out, QString());
}

QTEST_GUILESS_MAIN(tst_ConfigCommand)
#include "tst_configcommand.moc"
