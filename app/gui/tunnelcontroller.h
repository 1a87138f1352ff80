// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "appsettings.h"
#include "requestlog.h"
#include "requeststats.h"
#include "tunnelclient.h"

#include <QObject>
#include <QPointer>

#include <optional>

// One of the tray app's tunnels, a saved profile of the settings: builds a TunnelClient from
// it (and this run's command line), starts and stops it, and keeps the request log and
// statistics across restarts so the window's table survives a stop and start. Each tunnel has
// its own connection to its server, so each starts and stops alone.
class TunnelController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelController)

public:
    TunnelController(AppSettings *settings, const QString &profile, QObject *parent = nullptr);
    ~TunnelController() override;

    // Command-line values that win over the settings for this run.
    // From the command line, for this run: --server, --local, --ca and --fingerprint.
    void setOverrides(std::optional<ServerAddress> server, std::optional<LocalTarget> local,
                      const Tls::Trust &trust = {});

    QString name() const { return m_profile; }
    AppSettings::Profile profile() const; // its saved values
    TunnelOptions options() const; // what the next start() uses
    TunnelClient *client() const { return m_client; }
    TunnelClient::State state() const;
    QString url() const { return m_client ? m_client->url() : QString(); }
    bool isRunning() const;
    RequestLog *log() { return &m_log; }
    const RequestStats &stats() const { return m_stats; }
    void clearStats(); // the log itself is cleared through its model

    void start(); // nothing set up yet, and no --server: setupNeeded() instead
    void stop();
    void toggle();
    // After the settings changed: a running tunnel whose profile changed restarts with it.
    void applySettings();
    AppSettings *settings() const { return m_settings; }

Q_SIGNALS:
    void stateChanged(TunnelClient::State state);
    void tunnelOpened(const QString &url, bool sameAsBefore);
    void errorOccurred(const QString &message, bool fatal);
    void statsChanged();
    void setupNeeded(); // start() found no settings: ask for the server first

private:
    void onRecords(const QList<RequestRecord> &records);
    void readToken(); // start() waits for it

    AppSettings *m_settings;
    QString m_profile;
    AppSettings::Profile m_startedWith; // what the running tunnel was started from
    std::optional<ServerAddress> m_serverOverride;
    Tls::Trust m_trust;
    bool m_trustOverride = false; // --ca or --fingerprint given: they win over the profile's
    std::optional<LocalTarget> m_localOverride;
    QByteArray m_token;
    bool m_tokenLoaded = false;
    bool m_startWhenTokenLoaded = false;
    bool m_restartIfTokenChanged = false;
    RequestLog m_log;
    RequestStats m_stats;
    QPointer<TunnelClient> m_client;
};
