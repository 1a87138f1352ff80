// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "appsettings.h"

#include <algorithm>

#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcAppSettings, "rok.settings", QtInfoMsg)

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(QStringLiteral("rok"), QStringLiteral("rok"))
{
    load();
}

QString AppSettings::defaultFileName()
{
    return QSettings(QStringLiteral("rok"), QStringLiteral("rok")).fileName();
}

AppSettings::~AppSettings() = default;

QString AppSettings::defaultProfileName()
{
    return tr("Default", "the name of the first saved tunnel");
}

Tls::Trust AppSettings::Profile::trust() const
{
    Tls::Trust trust;
    QString error;
    if (!caFile.isEmpty())
        trust.extraCas = Tls::loadCertificates(caFile, &error);
    if (!fingerprint.isEmpty())
        trust.pinnedSha256 = Tls::parseFingerprint(fingerprint, &error).value_or(QByteArray());
    return trust;
}

TunnelOptions AppSettings::Profile::toOptions(const QByteArray &token) const
{
    TunnelOptions options;
    const QString localhost = QStringLiteral("localhost");
    options.protocol =
            protocol == u"tcp" ? TunnelOptions::Protocol::Tcp : TunnelOptions::Protocol::Http;
    options.server = ServerAddress::parse(server, localhost).value_or(options.server);
    options.trust = trust();
    options.local = LocalTarget::parse(local).value_or(LocalTarget{{localhost, 3000}});
    options.subdomain = subdomain;
    options.localInsecure = localInsecure;
    options.hostHeader = hostHeader == u"rewrite" ? options.local.authority() : hostHeader;
    if (!visitorUser.isEmpty() && !visitorHash.isEmpty())
        options.credentials = {{visitorUser.toUtf8(), visitorSalt, visitorHash}};
    options.allowCidrs = allowCidrs;
    options.denyCidrs = denyCidrs;
    options.token = token;
    return options;
}

const AppSettings::Profile *AppSettings::findProfile(const QString &name) const
{
    for (const Profile &profile : m_profiles) {
        if (profile.name == name)
            return &profile;
    }
    return nullptr;
}

void AppSettings::setLogSize(int size)
{
    m_logSize = std::clamp(size, MinLogSize, MaxLogSize);
}

void AppSettings::setProfiles(const QList<Profile> &profiles)
{
    const QString currentName = m_profiles.isEmpty() ? QString() : currentProfile();
    QList<Profile> kept;
    QSet<QString> names;
    for (Profile profile : profiles) {
        profile.name = profile.name.trimmed();
        if (profile.name.isEmpty() || names.contains(profile.name))
            continue;
        names.insert(profile.name);
        kept.append(profile);
    }
    if (kept.isEmpty()) {
        Profile profile;
        profile.name = defaultProfileName();
        kept.append(profile);
    }
    m_profiles = kept;
    m_current = 0;
    setCurrentProfile(currentName);
}

void AppSettings::setCurrentProfile(const QString &name)
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name) {
            m_current = i;
            return;
        }
    }
}

void AppSettings::load()
{
    QList<Profile> profiles;
    const int count = m_settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        Profile profile;
        profile.name = m_settings.value(QStringLiteral("name")).toString();
        if (m_settings.value(QStringLiteral("protocol")).toString() == u"tcp")
            profile.protocol = QStringLiteral("tcp");
        profile.server = m_settings.value(QStringLiteral("server"), profile.server).toString();
        profile.local = m_settings.value(QStringLiteral("local"), profile.local).toString();
        profile.subdomain = m_settings.value(QStringLiteral("subdomain")).toString();
        profile.fingerprint = m_settings.value(QStringLiteral("fingerprint")).toString();
        profile.caFile = m_settings.value(QStringLiteral("caFile")).toString();
        profile.localInsecure = m_settings.value(QStringLiteral("localInsecure")).toBool();
        profile.hostHeader = m_settings.value(QStringLiteral("hostHeader")).toString();
        profile.visitorUser = m_settings.value(QStringLiteral("visitorUser")).toString();
        profile.visitorSalt = m_settings.value(QStringLiteral("visitorSalt")).toByteArray();
        profile.visitorHash = m_settings.value(QStringLiteral("visitorHash")).toByteArray();
        profile.allowCidrs = m_settings.value(QStringLiteral("allowCidrs")).toStringList();
        profile.denyCidrs = m_settings.value(QStringLiteral("denyCidrs")).toStringList();
        profiles.append(profile);
    }
    m_settings.endArray();
    setProfiles(profiles);
    setCurrentProfile(m_settings.value(QStringLiteral("currentProfile")).toString());

    m_startTunnelAtLaunch = m_settings.value(QStringLiteral("startTunnelAtLaunch"), false).toBool();
    m_startAtLogin = m_settings.value(QStringLiteral("startAtLogin"), false).toBool();
    setLogSize(m_settings.value(QStringLiteral("logSize"), DefaultLogSize).toInt());
}

bool AppSettings::isSaved() const
{
    return m_settings.contains(QStringLiteral("profiles/size"));
}

bool AppSettings::save()
{
    m_settings.remove(QStringLiteral("profiles"));
    m_settings.beginWriteArray(QStringLiteral("profiles"), int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        const Profile &profile = m_profiles.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), profile.name);
        m_settings.setValue(QStringLiteral("protocol"), profile.protocol);
        m_settings.setValue(QStringLiteral("server"), profile.server);
        m_settings.setValue(QStringLiteral("local"), profile.local);
        m_settings.setValue(QStringLiteral("subdomain"), profile.subdomain);
        m_settings.setValue(QStringLiteral("fingerprint"), profile.fingerprint);
        m_settings.setValue(QStringLiteral("caFile"), profile.caFile);
        m_settings.setValue(QStringLiteral("localInsecure"), profile.localInsecure);
        m_settings.setValue(QStringLiteral("hostHeader"), profile.hostHeader);
        m_settings.setValue(QStringLiteral("visitorUser"), profile.visitorUser);
        m_settings.setValue(QStringLiteral("visitorSalt"), profile.visitorSalt);
        m_settings.setValue(QStringLiteral("visitorHash"), profile.visitorHash);
        m_settings.setValue(QStringLiteral("allowCidrs"), profile.allowCidrs);
        m_settings.setValue(QStringLiteral("denyCidrs"), profile.denyCidrs);
    }
    m_settings.endArray();
    m_settings.setValue(QStringLiteral("currentProfile"), currentProfile());
    m_settings.setValue(QStringLiteral("startTunnelAtLaunch"), m_startTunnelAtLaunch);
    m_settings.setValue(QStringLiteral("startAtLogin"), m_startAtLogin);
    m_settings.setValue(QStringLiteral("logSize"), m_logSize);
    if (sync())
        return true;
    qCWarning(lcAppSettings) << "Could not write" << m_settings.fileName();
    return false;
}

QByteArray AppSettings::windowLayout(const QString &part) const
{
    return m_settings.value(QStringLiteral("window/") + part).toByteArray();
}

void AppSettings::setWindowLayout(const QString &part, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/") + part, state);
    sync();
}

bool AppSettings::sync()
{
    return TokenStore::syncOwnerOnly(m_settings);
}
