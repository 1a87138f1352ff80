// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "appsettings.h"
#include "scratchsettings.h"

// AppSettings over a QSettings file in a temporary directory (its tokens: tst_tokenstore).
class tst_AppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaults();
    void persists();
    void clampsLogSize_data();
    void clampsLogSize();
    void profilesRoundTrip();
    void currentProfileSelectsValues();
    void cleansProfiles();

private:
    static AppSettings::Profile profile(const QString &name, const QString &server = {},
                                        const QString &local = {});
    ScratchSettings m_scratch;
};

void tst_AppSettings::initTestCase()
{
    QVERIFY(m_scratch.isValid());
}

void tst_AppSettings::init()
{
    ScratchSettings::clear();
}

AppSettings::Profile tst_AppSettings::profile(const QString &name, const QString &server,
                                              const QString &local)
{
    AppSettings::Profile profile; // the defaults for what is not given
    profile.name = name;
    if (!server.isEmpty())
        profile.server = server;
    if (!local.isEmpty())
        profile.local = local;
    return profile;
}

void tst_AppSettings::defaults()
{
    AppSettings settings;
    QCOMPARE(settings.server(), QStringLiteral("localhost:7835"));
    QCOMPARE(settings.local(), QStringLiteral("localhost:3000"));
    QCOMPARE(settings.subdomain(), QString());
    QCOMPARE(settings.startTunnelAtLaunch(), false);
    QCOMPARE(settings.startAtLogin(), false);
    QCOMPARE(settings.logSize(), 1000);
    QCOMPARE(settings.profiles().size(), 1);
    QCOMPARE(settings.currentProfile(), AppSettings::defaultProfileName());
    QCOMPARE(AppSettings::defaultProfileName(), QStringLiteral("Default"));
}

void tst_AppSettings::persists()
{
    {
        AppSettings settings;
        settings.setServer(QStringLiteral("tunnel.example.org:9000"));
        settings.setLocal(QStringLiteral("8080"));
        settings.setSubdomain(QStringLiteral("otter"));
        settings.setStartTunnelAtLaunch(true);
        settings.setStartAtLogin(true);
        settings.setLogSize(2500);
        settings.save();
    }
    AppSettings settings;
    QCOMPARE(settings.server(), QStringLiteral("tunnel.example.org:9000"));
    QCOMPARE(settings.local(), QStringLiteral("8080"));
    QCOMPARE(settings.subdomain(), QStringLiteral("otter"));
    QCOMPARE(settings.startTunnelAtLaunch(), true);
    QCOMPARE(settings.startAtLogin(), true);
    QCOMPARE(settings.logSize(), 2500);

    // Nothing is written before save().
    settings.setServer(QStringLiteral("other:1"));
    AppSettings unsaved;
    QCOMPARE(unsaved.server(), QStringLiteral("tunnel.example.org:9000"));
}

void tst_AppSettings::clampsLogSize_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("kept");
    QTest::newRow("below") << 5 << 100;
    QTest::newRow("negative") << -1 << 100;
    QTest::newRow("lowest") << 100 << 100;
    QTest::newRow("inside") << 4321 << 4321;
    QTest::newRow("highest") << 100000 << 100000;
    QTest::newRow("above") << 100001 << 100000;
}

void tst_AppSettings::clampsLogSize()
{
    QFETCH(int, size);
    QFETCH(int, kept);
    AppSettings settings;
    settings.setLogSize(size);
    QCOMPARE(settings.logSize(), kept);

    // A hand-edited file is clamped too.
    QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
    file.setValue(QStringLiteral("logSize"), size);
    file.sync();
    QCOMPARE(AppSettings().logSize(), kept);
}

void tst_AppSettings::profilesRoundTrip()
{
    QList<AppSettings::Profile> profiles{
            {QStringLiteral("Work"), QStringLiteral("work.example.org:7835"),
             QStringLiteral("localhost:8000"), QStringLiteral("api-work")},
            {QStringLiteral("Home"), QStringLiteral("home.example.org:17835"),
             QStringLiteral("[::1]:3000"), QString()},
            {QStringLiteral("Ünïcode / slash"), QStringLiteral("localhost:7835"),
             QStringLiteral("5173"), QStringLiteral("vite")},
    };
    profiles[0].protocol = QStringLiteral("tcp");
    {
        AppSettings settings;
        settings.setProfiles(profiles);
        settings.setCurrentProfile(QStringLiteral("Home"));
        settings.save();
    }
    AppSettings settings;
    QCOMPARE(settings.profiles(), profiles);
    QCOMPARE(settings.currentProfile(), QStringLiteral("Home"));
    QCOMPARE(settings.server(), QStringLiteral("home.example.org:17835"));
    // Readable by its owner only: without a keyring, tokens are kept in it.
    QCOMPARE(QFile::permissions(settings.fileName()),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);

    // Fewer profiles later: the removed ones do not come back from the file.
    settings.setProfiles({profiles.at(2)});
    settings.save();
    QCOMPARE(AppSettings().profiles(), QList<AppSettings::Profile>{profiles.at(2)});
    QCOMPARE(AppSettings().currentProfile(), profiles.at(2).name);
}

void tst_AppSettings::currentProfileSelectsValues()
{
    AppSettings settings;
    settings.setProfiles(
            {profile(QStringLiteral("A"), QStringLiteral("a:1"), QStringLiteral("1001")),
             profile(QStringLiteral("B"), QStringLiteral("b:2"), QStringLiteral("1002"))});
    QCOMPARE(settings.currentProfile(), QStringLiteral("A"));
    settings.setCurrentProfile(QStringLiteral("B"));
    QCOMPARE(settings.server(), QStringLiteral("b:2"));
    settings.setLocal(QStringLiteral("2002"));
    QCOMPARE(settings.profiles().at(1).local, QStringLiteral("2002"));
    QCOMPARE(settings.profiles().at(0).local, QStringLiteral("1001"));

    settings.setCurrentProfile(QStringLiteral("no such profile"));
    QCOMPARE(settings.currentProfile(), QStringLiteral("B"));
}

void tst_AppSettings::cleansProfiles()
{
    AppSettings settings;
    settings.setProfiles(
            {profile(QString()), profile(QStringLiteral(" X ")), profile(QStringLiteral("X"))});
    QCOMPARE(settings.profiles().size(), 1);
    QCOMPARE(settings.currentProfile(), QStringLiteral("X"));

    settings.setProfiles({});
    QCOMPARE(settings.profiles().size(), 1);
    QCOMPARE(settings.currentProfile(), QStringLiteral("Default"));
    QCOMPARE(settings.server(), QStringLiteral("localhost:7835"));
}

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
