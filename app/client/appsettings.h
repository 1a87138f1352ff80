// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tokenstore.h"
#include "tunneloptions.h"

#include <QList>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

// rok's settings, shared by the tray app and the CLI (`rok config`, `rok start`), in QSettings
// (organisation and application "rok": ~/.config/rok/rok.conf, readable by its owner only): a
// list of saved tunnels ("profiles") and the options that apply to all of them. The plain getters
// and setters read and write the current profile, the one `rok http|tcp` takes its server and
// token from; nothing is written until save(). The tokens are secrets and live apart, in
// tokens() (the desktop keyring).
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

    // Writes everything but the tokens (see tokens()) and syncs to disk; false: it could not.
    bool save();
    bool isSaved() const; // false until the first save(): the user has set nothing up yet

    // Each profile's token, in the keyring (or, without one, in the settings file).
    TokenStore *tokens() { return &m_tokens; }
    QString fileName() const { return m_settings.fileName(); }
    static QString defaultFileName(); // what fileName() is, without reading it

private:
    Profile &current() { return m_profiles[m_current]; }
    const Profile &current() const { return m_profiles.at(m_current); }
    void load();
    bool sync(); // to disk, readable by the owner only (a token may be in it); false: failed

    QSettings m_settings;
    QList<Profile> m_profiles;
    qsizetype m_current = 0;
    bool m_startTunnelAtLaunch = false;
    bool m_startAtLogin = false;
    int m_logSize = DefaultLogSize;

    TokenStore m_tokens{&m_settings};
};
