// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "appsettings.h"
#include "scratchsettings.h"
#include "tunnelcontroller.h"
#include "tunnelset.h"

// TunnelSet: one tunnel per saved profile in the settings' order, the current one followed and
// saved, and the settings dialog's changes followed: new tunnels made, removed ones stopped and
// dropped, the others kept as they are (their logs too).
class tst_TunnelSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void oneTunnelPerProfile();
    void theCurrentOneIsSaved();
    void followsTheSettings();
    void aRemovedCurrentTunnelGivesWayToTheFirst();

private:
    static AppSettings::Profile profile(const QString &name);
    static QStringList names(const TunnelSet &tunnels);
    ScratchSettings m_scratch;
};

void tst_TunnelSet::initTestCase()
{
    QVERIFY(m_scratch.isValid());
}

void tst_TunnelSet::init()
{
    ScratchSettings::clear();
}

AppSettings::Profile tst_TunnelSet::profile(const QString &name)
{
    AppSettings::Profile profile;
    profile.name = name;
    return profile;
}

QStringList tst_TunnelSet::names(const TunnelSet &tunnels)
{
    QStringList out;
    for (const TunnelController *tunnel : tunnels.tunnels())
        out.append(tunnel->name());
    return out;
}

void tst_TunnelSet::oneTunnelPerProfile()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    settings.setProfiles({profile(QStringLiteral("web")), profile(QStringLiteral("ssh"))});
    settings.setCurrentProfile(QStringLiteral("ssh"));
    TunnelSet tunnels(&settings);
    QCOMPARE(names(tunnels), (QStringList{QStringLiteral("web"), QStringLiteral("ssh")}));
    QCOMPARE(tunnels.current()->name(), QStringLiteral("ssh"));
    QCOMPARE(tunnels.find(QStringLiteral("web"))->name(), QStringLiteral("web"));
    QVERIFY(!tunnels.find(QStringLiteral("none")));
    QCOMPARE(tunnels.state(), TunnelClient::State::Stopped);
    QVERIFY(!tunnels.isAnyRunning());
    QVERIFY(tunnels.find(QStringLiteral("web"))->log()
            != tunnels.find(QStringLiteral("ssh"))->log());
}

void tst_TunnelSet::theCurrentOneIsSaved()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    settings.setProfiles({profile(QStringLiteral("web")), profile(QStringLiteral("ssh"))});
    settings.save();
    TunnelSet tunnels(&settings);
    QSignalSpy changed(&tunnels, &TunnelSet::currentChanged);
    tunnels.setCurrent(tunnels.find(QStringLiteral("ssh")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(tunnels.current()->name(), QStringLiteral("ssh"));
    QCOMPARE(AppSettings().currentProfile(), QStringLiteral("ssh"));
    tunnels.setCurrent(tunnels.current()); // no change, no signal
    tunnels.setCurrent(nullptr);
    QCOMPARE(changed.size(), 1);
}

void tst_TunnelSet::followsTheSettings()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    settings.setProfiles({profile(QStringLiteral("web")), profile(QStringLiteral("ssh"))});
    TunnelSet tunnels(&settings);
    TunnelController *web = tunnels.find(QStringLiteral("web"));
    RequestRecord record;
    record.method = "GET";
    web->log()->add(record);
    QSignalSpy changed(&tunnels, &TunnelSet::tunnelsChanged);

    settings.setProfiles({profile(QStringLiteral("api")), profile(QStringLiteral("web"))});
    tunnels.applySettings();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(names(tunnels), (QStringList{QStringLiteral("api"), QStringLiteral("web")}));
    QCOMPARE(tunnels.find(QStringLiteral("web")), web); // kept, with its log
    QCOMPARE(web->log()->records().size(), 1);

    tunnels.applySettings(); // nothing changed
    QCOMPARE(changed.size(), 1);
}

void tst_TunnelSet::aRemovedCurrentTunnelGivesWayToTheFirst()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    settings.setProfiles({profile(QStringLiteral("web")), profile(QStringLiteral("ssh"))});
    settings.setCurrentProfile(QStringLiteral("ssh"));
    TunnelSet tunnels(&settings);
    QSignalSpy current(&tunnels, &TunnelSet::currentChanged);
    settings.setProfiles({profile(QStringLiteral("web"))});
    tunnels.applySettings();
    QCOMPARE(current.size(), 1);
    QCOMPARE(tunnels.current()->name(), QStringLiteral("web"));
    QCOMPARE(current.at(0).at(0).value<TunnelController *>(), tunnels.current());
}

QTEST_MAIN(tst_TunnelSet)
#include "tst_tunnelset.moc"
