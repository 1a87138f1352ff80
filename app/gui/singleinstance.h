// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>

// One tray app per settings file. The first `rok` holds a lock and listens on a local socket
// in the user's runtime directory; a later one finds the lock taken and hands its command-line
// arguments to the first over that socket, so the user gets the running window (with the new
// --server or --local) instead of a second tray icon and a second tunnel. The names carry a
// hash of the settings file, so two settings files (a test's, another XDG_CONFIG_HOME) are two
// instances.
class SingleInstance : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(const QString &settingsFile, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True: this is the first instance, now listening for later ones. False: another runs; then
    // handOver() passes this one's arguments to it.
    bool claim();
    // Sends `arguments` to the running instance; false (with *error) when it did not take them.
    bool handOver(const QStringList &arguments, QString *error);

    QString socketPath() const { return m_socketPath; }

    static constexpr qsizetype MaxMessageSize = 16 * 1024; // far above any command line of rok

Q_SIGNALS:
    // A later `rok` started with these arguments (its argv without the program name).
    void argumentsReceived(const QStringList &arguments);

private:
    void onConnection();

    QString m_socketPath;
    QLockFile m_lock;
    QLocalServer m_server;
};
