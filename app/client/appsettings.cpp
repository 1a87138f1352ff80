#include "appsettings.h"

#include <algorithm>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcAppSettings, "rok.settings", QtInfoMsg)

namespace {

const QString KeychainService = QStringLiteral("rok");

// QtKeychain on Linux talks to a secret service (libsecret) or KWallet over D-Bus. Without a
// session bus, or with no such service on it, its jobs fail with OtherError ("Cannot autolaunch
// D-Bus without X11 $DISPLAY", "The name org.freedesktop.secrets was not provided by any .service
// files") rather than NoBackendAvailable, so look before asking it. The answer is kept for the
// life of the process.
bool keyringServiceReachable()
{
    static const bool reachable = [] {
        const QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected() || !bus.interface())
            return false;
        const QStringList services{QStringLiteral("org.freedesktop.secrets"),
                                   QStringLiteral("org.kde.kwalletd5"),
                                   QStringLiteral("org.kde.kwalletd6")};
        const QStringList activatable = bus.interface()->activatableServiceNames().value();
        for (const QString &service : services) {
            if (bus.interface()->isServiceRegistered(service).value()
                || activatable.contains(service))
                return true;
        }
        qCInfo(lcAppSettings,
               "No keyring on the D-Bus session bus: the token is stored in the "
               "settings file");
        return false;
    }();
    return reachable;
}

} // namespace

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
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return false;
    // QSettings replaces the file keeping its mode, so this holds for every later write.
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    const QString file = m_settings.fileName();
    return QFile::permissions(file) == ownerOnly || QFile::setPermissions(file, ownerOnly);
}

bool AppSettings::tokenInPlainText() const
{
    return !m_keychainEnabled || m_noKeyring || !keyringServiceReachable();
}

void AppSettings::setKeychainEnabled(bool enabled)
{
    const bool wasPlain = tokenInPlainText();
    m_keychainEnabled = enabled;
    if (tokenInPlainText() != wasPlain)
        Q_EMIT tokenInPlainTextChanged(tokenInPlainText());
}

void AppSettings::setNoKeyring()
{
    const bool wasPlain = tokenInPlainText();
    m_noKeyring = true;
    if (!wasPlain)
        Q_EMIT tokenInPlainTextChanged(true);
}

QString AppSettings::tokenKey(const QString &profile)
{
    return QStringLiteral("token/") + profile;
}

void AppSettings::readToken()
{
    enqueue({TokenOp::Kind::ReadCurrent, currentProfile(), {}});
}

void AppSettings::writeToken(const QByteArray &token)
{
    writeProfileToken(currentProfile(), token);
}

void AppSettings::readProfileToken(const QString &profile)
{
    enqueue({TokenOp::Kind::Read, profile, {}});
}

void AppSettings::writeProfileToken(const QString &profile, const QByteArray &token)
{
    enqueue({TokenOp::Kind::Write, profile, token});
}

void AppSettings::removeProfileToken(const QString &profile)
{
    enqueue({TokenOp::Kind::Write, profile, {}});
}

void AppSettings::enqueue(TokenOp op)
{
    m_ops.push_back(std::move(op));
    if (!std::exchange(m_busy, true)) // always answer from the event loop, never from the call
        QMetaObject::invokeMethod(this, &AppSettings::runNext, Qt::QueuedConnection);
}

void AppSettings::runNext()
{
    if (m_ops.empty()) {
        m_busy = false;
        return;
    }
    if (tokenInPlainText())
        runInSettings(m_ops.front());
    else
        runInKeychain(m_ops.front());
}

void AppSettings::runInSettings(const TokenOp &op)
{
    const QString key = tokenKey(op.profile);
    if (op.kind == TokenOp::Kind::Read || op.kind == TokenOp::Kind::ReadCurrent) {
        finish(op, true, m_settings.value(key).toByteArray(), {});
        return;
    }
    if (op.token.isEmpty())
        m_settings.remove(key);
    else
        m_settings.setValue(key, op.token);
    const bool ok = sync();
    finish(op, ok, {},
           ok ? QString() : tr("Could not write the settings file %1.").arg(m_settings.fileName()));
}

void AppSettings::runInKeychain(const TokenOp &op)
{
    QKeychain::Job *job = nullptr;
    if (op.kind == TokenOp::Kind::Read || op.kind == TokenOp::Kind::ReadCurrent) {
        job = new QKeychain::ReadPasswordJob(KeychainService);
    } else if (op.token.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(KeychainService);
    } else {
        auto *write = new QKeychain::WritePasswordJob(KeychainService);
        write->setBinaryData(op.token);
        job = write;
    }
    // No parent: QtKeychain's callbacks hold the job, so it must live until it finishes, and
    // then deletes itself. The connection ends with this object.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // our fallback, only when there is no keyring at all
    job->setKey(tokenKey(op.profile));
    connect(job, &QKeychain::Job::finished, this, &AppSettings::onJobFinished);
    job->start();
}

void AppSettings::onJobFinished(QKeychain::Job *job)
{
    Q_ASSERT(!m_ops.empty());
    if (m_ops.empty())
        return;
    const TokenOp op = m_ops.front();
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoBackendAvailable) {
        qCInfo(lcAppSettings) << "No keyring:" << job->errorString();
        setNoKeyring();
        runInSettings(op);
        return;
    }

    const QString key = tokenKey(op.profile);
    if (op.kind == TokenOp::Kind::Read || op.kind == TokenOp::Kind::ReadCurrent) {
        if (error == QKeychain::NoError) {
            finish(op, true, static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData(), {});
        } else if (error == QKeychain::EntryNotFound) {
            // Stored in the settings file while there was no keyring: move it to the keyring.
            const QByteArray plain = m_settings.value(key).toByteArray();
            if (!plain.isEmpty()) // next, before anything asked for after this read
                m_ops.insert(m_ops.begin() + 1, {TokenOp::Kind::Migrate, op.profile, plain});
            finish(op, true, plain, {});
        } else {
            qCWarning(lcAppSettings)
                    << "Could not read the token from the keyring:" << job->errorString();
            finish(op, false, {},
                   tr("Could not read the token from the keyring: %1").arg(job->errorString()));
        }
        return;
    }

    if (error == QKeychain::NoError || (op.token.isEmpty() && error == QKeychain::EntryNotFound)) {
        if (m_settings.contains(key)) { // never leave a copy in plain text once the keyring has it
            m_settings.remove(key);
            sync();
        }
        finish(op, true, {}, {});
    } else {
        qCWarning(lcAppSettings) << "Could not write the token to the keyring:"
                                 << job->errorString();
        finish(op, false, {},
               tr("Could not store the token in the keyring: %1").arg(job->errorString()));
    }
}

void AppSettings::finish(const TokenOp &op, bool ok, const QByteArray &token, const QString &error)
{
    const TokenOp done = op; // op may refer to m_ops.front()
    m_ops.pop_front();
    QMetaObject::invokeMethod(this, &AppSettings::runNext, Qt::QueuedConnection); // stays busy

    switch (done.kind) {
    case TokenOp::Kind::ReadCurrent:
        if (!ok)
            Q_EMIT tokenError(error);
        Q_EMIT tokenRead(token);
        break;
    case TokenOp::Kind::Read:
        if (!ok)
            Q_EMIT tokenError(error);
        Q_EMIT profileTokenRead(done.profile, token, ok);
        break;
    case TokenOp::Kind::Write:
        Q_EMIT tokenWritten(ok, error);
        break;
    case TokenOp::Kind::Migrate: // nobody asked
        break;
    }
}
