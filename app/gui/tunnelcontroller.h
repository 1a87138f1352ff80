#pragma once

#include "requestlog.h"
#include "requeststats.h"
#include "tunnelclient.h"

#include <QObject>
#include <QPointer>

#include <optional>

class AppSettings;

// The tray app's one tunnel: builds a TunnelClient from the settings (and this run's command
// line), starts and stops it, and keeps the request log and statistics across restarts so the
// window's table survives a stop and start.
class TunnelController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelController)

public:
    explicit TunnelController(AppSettings *settings, QObject *parent = nullptr);
    ~TunnelController() override;

    // Command-line values that win over the settings for this run.
    // From the command line, for this run: --server, --local, --ca and --fingerprint.
    void setOverrides(std::optional<ServerAddress> server, std::optional<LocalTarget> local,
                      const Tls::Trust &trust = {});

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
    void applySettings(); // after the settings changed: restarts a running tunnel
    // Makes the saved tunnel `name` the current one and starts it (stopping the one running).
    void startSaved(const QString &name);
    AppSettings *settings() const { return m_settings; }

Q_SIGNALS:
    void stateChanged(TunnelClient::State state);
    void tunnelOpened(const QString &url, bool sameAsBefore);
    void errorOccurred(const QString &message, bool fatal);
    void statsChanged();
    void setupNeeded(); // start() found no settings: ask for the server first

private:
    void onRecords(const QList<RequestRecord> &records);
    void readToken(); // the current profile's: start() waits for it

    AppSettings *m_settings;
    std::optional<ServerAddress> m_serverOverride;
    Tls::Trust m_trust;
    bool m_trustOverride = false; // --ca or --fingerprint given: they win over the profile's
    std::optional<LocalTarget> m_localOverride;
    QByteArray m_token;
    QString m_tokenProfile; // whose token m_token is, or is being read
    bool m_tokenLoaded = false;
    bool m_startWhenTokenLoaded = false;
    RequestLog m_log;
    RequestStats m_stats;
    QPointer<TunnelClient> m_client;
};
