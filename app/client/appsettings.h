#pragma once

#include "tunneloptions.h"

#include <deque>

#include <QList>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace QKeychain {
class Job;
}

// rok's settings, shared by the tray app and the CLI (`rok config`, `rok start`), in QSettings
// (organisation and application "rok": ~/.config/rok/rok.conf, readable by its owner only): a
// list of saved tunnels ("profiles") and the options that apply to all of them. The plain getters
// and setters read and write the current profile, the one `rok http|tcp` takes its server and
// token from; nothing is written until save().
//
// The token is a secret: it goes to the desktop keyring through QtKeychain, one entry per
// profile (service "rok", key "token/<profile>"). Only when no keyring exists at all (no D-Bus
// session, no secret service, or QtKeychain reports NoBackendAvailable) does it fall back to the
// settings file, and tokenInPlainText() says so, so the UI can warn. Keyring operations run one at
// a time, in the order they were asked for: a read after a write sees the written token.
class AppSettings : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    struct Profile
    {
        QString name;
        QString server = QStringLiteral("localhost:7835");
        QString local = QStringLiteral("localhost:3000");
        QString subdomain;
        // Security and access (SecurityBox).
        QString fingerprint; // the server's certificate pinned, sha256:HEX
        QString caFile; // more CAs for the server's certificate
        bool localInsecure = false; // https:// local target with a self-signed certificate
        QString hostHeader; // empty: the public name; "rewrite": the local target's
        QString visitorUser; // with a salt and hash: visitors log in
        QByteArray visitorSalt;
        QByteArray visitorHash; // Protocol::passwordHash(salt, password); no password kept
        QStringList allowCidrs;
        QStringList denyCidrs;
        QString protocol = QStringLiteral("http"); // or "tcp"

        // What starting this tunnel uses. A value that no longer parses (a CA file that is gone)
        // falls back to the default, and the connection then says what failed.
        TunnelOptions toOptions(const QByteArray &token) const;
        // The server's certificate trust: the CA file and the pinned fingerprint.
        Tls::Trust trust() const;

        friend bool operator==(const Profile &, const Profile &) = default;
    };

    static constexpr int MinLogSize = 100;
    static constexpr int MaxLogSize = 100'000;
    static constexpr int DefaultLogSize = 1000;

    explicit AppSettings(QObject *parent = nullptr);
    ~AppSettings() override;

    // The current profile's values.
    QString server() const { return current().server; }
    void setServer(const QString &server) { current().server = server; }
    QString local() const { return current().local; }
    void setLocal(const QString &local) { current().local = local; }
    QString subdomain() const { return current().subdomain; }
    const Profile &profile() const { return current(); }
    void setSubdomain(const QString &subdomain) { current().subdomain = subdomain; }

    // Options shared by all profiles.
    bool startTunnelAtLaunch() const { return m_startTunnelAtLaunch; }
    void setStartTunnelAtLaunch(bool start) { m_startTunnelAtLaunch = start; }
    bool startAtLogin() const { return m_startAtLogin; }
    void setStartAtLogin(bool start) { m_startAtLogin = start; }
    int logSize() const { return m_logSize; }
    void setLogSize(int size); // clamped to MinLogSize..MaxLogSize
    // How the window was last laid out (QWidget::saveGeometry(), QSplitter::saveState()), by
    // part; written at once, apart from save().
    QByteArray windowLayout(const QString &part) const;
    void setWindowLayout(const QString &part, const QByteArray &state);

    // Saved tunnels. There is always at least one; names are unique and not empty.
    QList<Profile> profiles() const { return m_profiles; }
    const Profile *findProfile(const QString &name) const; // nullptr: no such profile
    void setProfiles(const QList<Profile> &profiles); // drops nameless and duplicate entries
    QString currentProfile() const { return current().name; }
    void setCurrentProfile(const QString &name); // ignored unless a profile has that name
    static QString defaultProfileName();

    // Writes everything but the token (see writeToken) and syncs to disk; false: it could not.
    bool save();
    bool isSaved() const; // false until the first save(): the user has set nothing up yet

    // The token of the current profile, asynchronously: readToken() → tokenRead(), empty when
    // there is none; writeToken() → tokenWritten(). An empty token removes the stored one.
    void readToken();
    void writeToken(const QByteArray &token);
    // The same for a named profile (the settings dialog edits every profile's token); ok is false
    // when the keyring failed to answer, rather than having no token.
    void readProfileToken(const QString &profile);
    void writeProfileToken(const QString &profile, const QByteArray &token);
    void removeProfileToken(const QString &profile);

    bool tokenInPlainText() const;
    QString fileName() const { return m_settings.fileName(); }
    static QString defaultFileName(); // what fileName() is, without reading it
    void setKeychainEnabled(bool enabled); // false: always the settings file (tests)

Q_SIGNALS:
    void tokenRead(const QByteArray &token);
    void profileTokenRead(const QString &profile, const QByteArray &token, bool ok);
    void tokenWritten(bool ok, const QString &error);
    void tokenError(const QString &message); // a read failed; tokenRead() still follows, empty
    void tokenInPlainTextChanged(bool inPlainText);

private:
    struct TokenOp
    {
        enum class Kind { Read, ReadCurrent, Write, Migrate }; // Write/Migrate: empty removes
        Kind kind;
        QString profile;
        QByteArray token;
    };

    Profile &current() { return m_profiles[m_current]; }
    const Profile &current() const { return m_profiles.at(m_current); }
    void load();
    bool sync(); // to disk, readable by the owner only (a token may be in it); false: failed
    void enqueue(TokenOp op);
    void runNext();
    void runInKeychain(const TokenOp &op);
    void runInSettings(const TokenOp &op);
    void finish(const TokenOp &op, bool ok, const QByteArray &token, const QString &error);
    void onJobFinished(QKeychain::Job *job);
    void setNoKeyring();
    static QString tokenKey(const QString &profile);

    QSettings m_settings;
    QList<Profile> m_profiles;
    qsizetype m_current = 0;
    bool m_startTunnelAtLaunch = false;
    bool m_startAtLogin = false;
    int m_logSize = DefaultLogSize;

    bool m_keychainEnabled = true;
    bool m_noKeyring = false;
    std::deque<TokenOp> m_ops; // front() is running while m_busy
    bool m_busy = false;
};
