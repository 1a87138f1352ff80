// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>

class AppSettings;

// What `rok config ...` was asked: show the settings, set one value, or store the token.
struct ConfigRequest
{
    enum class Verb { Show, Set, SetToken, RemoveToken, RemoveTunnel };

    Verb verb = Verb::Show;
    QString key; // Set
    QString value; // Set: already checked, in the form the settings keep
    QString tunnel; // --tunnel NAME; empty: see ConfigCommand

    // The words after "config"; nullopt with *error set when they make no sense, and with
    // *help set (and no error) for --help.
    static std::optional<ConfigRequest> parse(const QStringList &words, QString *error,
                                              QString *help);
    static QStringList keys(); // what `set` takes
};

// Runs a ConfigRequest on the settings the tray app and the CLI share, then emits finished().
// Server, trust (fingerprint, ca) and token go to every saved tunnel unless --tunnel names one:
// set once, they work for `rok http`, `rok start` and the tray app alike. The other keys change
// the tunnel named, or the current one. A --tunnel that does not exist yet is created, starting
// from the current one's server, trust and token.
class ConfigCommand : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigCommand)

public:
    ConfigCommand(AppSettings *settings, FILE *out = stdout, FILE *err = stderr,
                  QObject *parent = nullptr);

    // SetToken reads the token from `tokenInput` (stdin's contents, without a final newline).
    void run(const ConfigRequest &request, const QByteArray &tokenInput = {});

Q_SIGNALS:
    void finished(int exitCode);

private:
    void show();
    void showTokens(const QList<bool> &tokenSet);
    void set(const ConfigRequest &request);
    void writeToken(const QStringList &tunnels, const QByteArray &token, bool report = true);
    QStringList targets(const ConfigRequest &request, bool everyTunnelByDefault, bool copyToken);
    bool addTunnelLike(const QString &name, const QString &model, bool copyToken);
    bool save(); // false: said so, and finished with exit code 1
    void print(FILE *to, const QString &text);
    void finishWhenAnswered();

    AppSettings *m_settings;
    FILE *m_out;
    FILE *m_err;
    int m_pending = 0; // token operations asked for and not answered yet
    int m_exitCode = 0;
    bool m_finished = false;
};
