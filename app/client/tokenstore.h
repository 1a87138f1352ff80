// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>

#include <deque>

class QSettings;
namespace QKeychain {
class Job;
}

// Each saved tunnel's token: in the desktop keyring through QtKeychain (a secret service or
// KWallet; service "rok", key "token/<profile>"), and only when no keyring exists at all (no
// secret service on the session bus) in the settings file, which inPlainText() then says. A
// token found in the file once a keyring exists moves into the keyring when it is first read.
// Every call answers later, from the event loop, in the order asked.
class TokenStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    // `file`: where tokens go without a keyring (rok's settings file), kept owner-only
    explicit TokenStore(QSettings *file, QObject *parent = nullptr);
    ~TokenStore() override;

    void read(const QString &profile); // → tokenRead()
    void write(const QString &profile, const QByteArray &token); // → tokenWritten(); empty removes
    void remove(const QString &profile) { write(profile, {}); }

    bool inPlainText() const;
    void setKeychainEnabled(bool enabled); // false: always the settings file (tests)

    // Writes `file` to disk readable by its owner only (a token may be in it); false: failed.
    static bool syncOwnerOnly(QSettings &file);

Q_SIGNALS:
    // ok is false when the keyring failed to answer (readFailed() says why): the token is not
    // known, which is not the same as having none (ok, empty).
    void tokenRead(const QString &profile, const QByteArray &token, bool ok);
    void tokenWritten(const QString &profile, bool ok, const QString &error);
    void readFailed(const QString &message);
    void inPlainTextChanged(bool inPlainText);

private:
    struct Operation
    {
        enum class Kind { Read, Write, Migrate }; // Write and Migrate: an empty token removes
        Kind kind;
        QString profile;
        QByteArray token;
    };

    void enqueue(Operation operation);
    void runNext();
    void runInKeychain(const Operation &operation);
    void runInFile(const Operation &operation);
    void finish(bool ok, const QByteArray &token, const QString &error);
    void onJobFinished(QKeychain::Job *job);
    void setNoKeyring();
    static QString keyOf(const QString &profile);

    QSettings *m_file;
    bool m_keychainEnabled = true;
    bool m_noKeyring = false;
    std::deque<Operation> m_operations; // front() is running while m_busy
    bool m_busy = false;
};
