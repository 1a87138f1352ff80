// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnelcontroller.h"

#include "appsettings.h"

TunnelController::TunnelController(AppSettings *settings, const QString &profile, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_profile(profile)
    , m_log(settings->logSize())
{
    connect(&m_log, &RequestLog::recordsAdded, this, &TunnelController::onRecords);
    connect(settings->tokens(), &TokenStore::tokenRead, this,
            [this](const QString &profile, const QByteArray &token) {
                if (profile != m_profile)
                    return; // another tunnel's
                const bool changed = m_tokenLoaded && token != m_token;
                m_token = token; // a keyring that failed leaves it empty: the server says so
                m_tokenLoaded = true;
                const bool restart = std::exchange(m_restartIfTokenChanged, false) && changed;
                if (std::exchange(m_startWhenTokenLoaded, false)) {
                    start();
                } else if (restart && isRunning()) {
                    stop();
                    start(); // with the new token
                }
            });
    readToken();
}

TunnelController::~TunnelController()
{
    if (m_client)
        m_client->stop();
}

void TunnelController::setOverrides(std::optional<ServerAddress> server,
                                    std::optional<LocalTarget> local, const Tls::Trust &trust)
{
    m_serverOverride = std::move(server);
    m_localOverride = std::move(local);
    m_trust = trust;
    m_trustOverride = !trust.extraCas.isEmpty() || !trust.pinnedSha256.isEmpty();
}

AppSettings::Profile TunnelController::profile() const
{
    const AppSettings::Profile *saved = m_settings->findProfile(m_profile);
    return saved ? *saved : AppSettings::Profile{};
}

TunnelOptions TunnelController::options() const
{
    const AppSettings::Profile saved = profile();
    TunnelOptions options = saved.toOptions(m_token);
    if (m_serverOverride)
        options.server = *m_serverOverride;
    if (m_trustOverride)
        options.trust = m_trust;
    if (m_localOverride) {
        options.local = *m_localOverride;
        if (saved.hostHeader == u"rewrite")
            options.hostHeader = options.local.authority();
    }
    return options;
}

TunnelClient::State TunnelController::state() const
{
    return m_client ? m_client->state() : TunnelClient::State::Stopped;
}

bool TunnelController::isRunning() const
{
    const TunnelClient::State current = state();
    return current != TunnelClient::State::Stopped && current != TunnelClient::State::Failed;
}

void TunnelController::clearStats()
{
    m_stats.clear();
    Q_EMIT statsChanged();
}

void TunnelController::start()
{
    if (isRunning())
        return;
    if (!m_serverOverride && !m_settings->isSaved()) { // localhost:7835 is only a guess
        Q_EMIT setupNeeded();
        return;
    }
    if (!m_tokenLoaded) { // the keyring answers asynchronously
        m_startWhenTokenLoaded = true;
        return;
    }
    if (m_client)
        m_client->deleteLater();
    m_log.setCapacity(m_settings->logSize());
    m_startedWith = profile();
    m_client = new TunnelClient(options(), &m_log, this);
    connect(m_client, &TunnelClient::stateChanged, this, &TunnelController::stateChanged);
    connect(m_client, &TunnelClient::tunnelOpened, this, &TunnelController::tunnelOpened);
    connect(m_client, &TunnelClient::errorOccurred, this, &TunnelController::errorOccurred);
    m_client->start();
}

void TunnelController::stop()
{
    m_startWhenTokenLoaded = false;
    if (m_client)
        m_client->stop();
}

void TunnelController::toggle()
{
    if (isRunning())
        stop();
    else
        start();
}

void TunnelController::applySettings()
{
    m_log.setCapacity(m_settings->logSize());
    const bool wasRunning = isRunning();
    if (wasRunning && profile() == m_startedWith) {
        // Nothing of its own changed: it keeps its connection and its visitors, unless its
        // token did.
        m_restartIfTokenChanged = true;
        readToken();
        return;
    }
    m_tokenLoaded = false;
    stop();
    m_startWhenTokenLoaded = wasRunning;
    readToken(); // the token may have changed too
}

void TunnelController::readToken()
{
    m_settings->tokens()->read(m_profile);
}

void TunnelController::onRecords(const QList<RequestRecord> &records)
{
    for (const RequestRecord &record : records) {
        if (record.replayOf == 0) // the figures are the visitors'
            m_stats.add(record);
    }
    Q_EMIT statsChanged();
}
