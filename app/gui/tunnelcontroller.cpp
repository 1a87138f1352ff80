#include "tunnelcontroller.h"

#include "appsettings.h"

TunnelController::TunnelController(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_log(settings->logSize())
{
    connect(&m_log, &RequestLog::recordsAdded, this, &TunnelController::onRecords);
    connect(settings, &AppSettings::tokenRead, this, [this](const QByteArray &token) {
        m_token = token;
        m_tokenLoaded = true;
        if (std::exchange(m_startWhenTokenLoaded, false))
            start();
    });
    settings->readToken();
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

// The server trust a profile sets; a file that no longer reads adds nothing, and the
// connection then says which certificate failed.
static Tls::Trust profileTrust(const AppSettings::Profile &profile)
{
    Tls::Trust trust;
    QString error;
    if (!profile.caFile.isEmpty())
        trust.extraCas = Tls::loadCertificates(profile.caFile, &error);
    if (!profile.fingerprint.isEmpty())
        trust.pinnedSha256 =
                Tls::parseFingerprint(profile.fingerprint, &error).value_or(QByteArray());
    return trust;
}

TunnelOptions TunnelController::options() const
{
    TunnelOptions options;
    options.protocol = TunnelOptions::Protocol::Http;
    const QString localhost = QStringLiteral("localhost");
    options.server = m_serverOverride.value_or(
            ServerAddress::parse(m_settings->server(), localhost).value_or(options.server));
    const AppSettings::Profile &profile = m_settings->profile();
    options.trust = m_trustOverride ? m_trust : profileTrust(profile);
    options.local = m_localOverride.value_or(
            LocalTarget::parse(m_settings->local()).value_or(LocalTarget{{localhost, 3000}}));
    options.subdomain = m_settings->subdomain();
    options.localInsecure = profile.localInsecure;
    options.hostHeader =
            profile.hostHeader == u"rewrite" ? options.local.authority() : profile.hostHeader;
    if (!profile.visitorUser.isEmpty() && !profile.visitorHash.isEmpty())
        options.credentials = {
                {profile.visitorUser.toUtf8(), profile.visitorSalt, profile.visitorHash}};
    options.allowCidrs = profile.allowCidrs;
    options.denyCidrs = profile.denyCidrs;
    options.token = m_token;
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
    if (!m_tokenLoaded) { // the keyring answers asynchronously
        m_startWhenTokenLoaded = true;
        return;
    }
    if (m_client)
        m_client->deleteLater();
    m_log.setCapacity(m_settings->logSize());
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
    m_tokenLoaded = false;
    const bool wasRunning = isRunning();
    stop();
    m_startWhenTokenLoaded = wasRunning;
    m_settings->readToken(); // the token may have changed too
}

void TunnelController::onRecords(const QList<RequestRecord> &records)
{
    for (const RequestRecord &record : records)
        m_stats.add(record);
    Q_EMIT statsChanged();
}
