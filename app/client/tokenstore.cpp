// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tokenstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokenStore, "rok.settings", QtInfoMsg)

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
        qCInfo(lcTokenStore,
               "No keyring on the D-Bus session bus: the token is stored in the "
               "settings file");
        return false;
    }();
    return reachable;
}

} // namespace

TokenStore::TokenStore(QSettings *file, QObject *parent)
    : QObject(parent)
    , m_file(file)
{
}

TokenStore::~TokenStore() = default;

bool TokenStore::syncOwnerOnly(QSettings &file)
{
    file.sync();
    if (file.status() != QSettings::NoError)
        return false;
    // QSettings replaces the file keeping its mode, so this holds for every later write.
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    const QFile::Permissions others =
            QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    const QString name = file.fileName();
    const QFile::Permissions now = QFile::permissions(name); // with the User bits: not ==
    return ((now & ownerOnly) == ownerOnly && !(now & others))
            || QFile::setPermissions(name, ownerOnly);
}

bool TokenStore::inPlainText() const
{
    return !m_keychainEnabled || m_noKeyring || !keyringServiceReachable();
}

void TokenStore::setKeychainEnabled(bool enabled)
{
    const bool wasPlain = inPlainText();
    m_keychainEnabled = enabled;
    if (inPlainText() != wasPlain)
        Q_EMIT inPlainTextChanged(inPlainText());
}

void TokenStore::setNoKeyring()
{
    const bool wasPlain = inPlainText();
    m_noKeyring = true;
    if (!wasPlain)
        Q_EMIT inPlainTextChanged(true);
}

QString TokenStore::keyOf(const QString &profile)
{
    return QStringLiteral("token/") + profile;
}

void TokenStore::read(const QString &profile)
{
    enqueue({Operation::Kind::Read, profile, {}});
}

void TokenStore::write(const QString &profile, const QByteArray &token)
{
    enqueue({Operation::Kind::Write, profile, token});
}

void TokenStore::enqueue(Operation operation)
{
    m_operations.push_back(std::move(operation));
    if (!std::exchange(m_busy, true)) // always answer from the event loop, never from the call
        QMetaObject::invokeMethod(this, &TokenStore::runNext, Qt::QueuedConnection);
}

void TokenStore::runNext()
{
    if (m_operations.empty()) {
        m_busy = false;
        return;
    }
    if (inPlainText())
        runInFile(m_operations.front());
    else
        runInKeychain(m_operations.front());
}

void TokenStore::runInFile(const Operation &operation)
{
    const QString key = keyOf(operation.profile);
    if (operation.kind == Operation::Kind::Read) {
        finish(true, m_file->value(key).toByteArray(), {});
        return;
    }
    if (operation.token.isEmpty())
        m_file->remove(key);
    else
        m_file->setValue(key, operation.token);
    const bool ok = syncOwnerOnly(*m_file);
    finish(ok, {},
           ok ? QString() : tr("Could not write the settings file %1.").arg(m_file->fileName()));
}

void TokenStore::runInKeychain(const Operation &operation)
{
    QKeychain::Job *job = nullptr;
    if (operation.kind == Operation::Kind::Read) {
        job = new QKeychain::ReadPasswordJob(KeychainService);
    } else if (operation.token.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(KeychainService);
    } else {
        auto *write = new QKeychain::WritePasswordJob(KeychainService);
        write->setBinaryData(operation.token);
        job = write;
    }
    // No parent: QtKeychain's callbacks hold the job, so it must live until it finishes, and
    // then deletes itself. The connection ends with this object.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // our fallback, only when there is no keyring at all
    job->setKey(keyOf(operation.profile));
    connect(job, &QKeychain::Job::finished, this, &TokenStore::onJobFinished);
    job->start();
}

void TokenStore::onJobFinished(QKeychain::Job *job)
{
    Q_ASSERT(!m_operations.empty());
    if (m_operations.empty())
        return;
    const Operation operation = m_operations.front();
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoBackendAvailable) {
        qCInfo(lcTokenStore) << "No keyring:" << job->errorString();
        setNoKeyring();
        runInFile(operation);
        return;
    }

    const QString key = keyOf(operation.profile);
    if (operation.kind == Operation::Kind::Read) {
        if (error == QKeychain::NoError) {
            finish(true, static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData(), {});
        } else if (error == QKeychain::EntryNotFound) {
            // Stored in the settings file while there was no keyring: move it to the keyring.
            const QByteArray plain = m_file->value(key).toByteArray();
            if (!plain.isEmpty()) // next, before anything asked for after this read
                m_operations.insert(m_operations.begin() + 1,
                                    {Operation::Kind::Migrate, operation.profile, plain});
            finish(true, plain, {});
        } else {
            qCWarning(lcTokenStore)
                    << "Could not read the token from the keyring:" << job->errorString();
            finish(false, {},
                   tr("Could not read the token from the keyring: %1").arg(job->errorString()));
        }
        return;
    }

    if (error == QKeychain::NoError
        || (operation.token.isEmpty() && error == QKeychain::EntryNotFound)) {
        if (m_file->contains(key)) { // never leave a copy in plain text once the keyring has it
            m_file->remove(key);
            syncOwnerOnly(*m_file);
        }
        finish(true, {}, {});
    } else {
        qCWarning(lcTokenStore) << "Could not write the token to the keyring:"
                                << job->errorString();
        finish(false, {},
               tr("Could not store the token in the keyring: %1").arg(job->errorString()));
    }
}

void TokenStore::finish(bool ok, const QByteArray &token, const QString &error)
{
    const Operation done = m_operations.front();
    m_operations.pop_front();
    QMetaObject::invokeMethod(this, &TokenStore::runNext, Qt::QueuedConnection); // stays busy

    switch (done.kind) {
    case Operation::Kind::Read:
        if (!ok)
            Q_EMIT readFailed(error);
        Q_EMIT tokenRead(done.profile, token, ok);
        break;
    case Operation::Kind::Write:
        Q_EMIT tokenWritten(done.profile, ok, error);
        break;
    case Operation::Kind::Migrate: // nobody asked
        break;
    }
}
