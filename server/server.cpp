// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "server.h"

#include "acme/acmecertificates.h"
#include "adminserver.h"
#include "clientsession.h"
#include "cluster/cluster.h"
#include "cluster/nodelinks.h"
#include "cluster/remoteports.h"
#include "httpedge.h"
#include "listener.h"
#include "muxstream.h"
#include "tls/selfsignedcertificate.h"
#include "tls/tls.h"
#include "tls/tlsdetector.h"
#include "tls/tlsservercontext.h"
#include "tunnel.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QSslSocket>

#include <unistd.h>

Server::Server(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_requested(config)
    , m_log(config.logFormat == ServerConfig::LogFormat::Json ? EventLog::Format::Json
                                                              : EventLog::Format::Text)
    , m_names(config.reservation)
    , m_ports(m_config)
    , m_visitors(m_config, m_log, m_metrics)
    , m_quota(config.maxTunnelsPerToken)
    , m_acceptFailures(m_log, QStringLiteral("accept_failed"))
    , m_control(new Listener(this))
    , m_http(new HttpEdge(m_config, m_names, m_visitors, m_edgeCertificates, this))
{
    connect(m_control, &Listener::accepted, this, &Server::onControlConnection);
    watchAccepts(m_control, tr("the control port"));
    watchAccepts(m_http->listener(), tr("the HTTP port"));
    watchAccepts(m_http->httpsListener(), tr("the HTTPS port"));
    connect(&m_ports, &PortPool::opened, this, [this](Listener *listener) {
        watchAccepts(listener, tr("TCP port %1").arg(listener->serverPort()));
    });
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(std::chrono::seconds(1));
    connect(&m_certificateFiles, &QFileSystemWatcher::fileChanged, &m_reloadDelay,
            qOverload<>(&QTimer::start));
    connect(&m_certificateFiles, &QFileSystemWatcher::directoryChanged, &m_reloadDelay,
            qOverload<>(&QTimer::start));
    connect(&m_reloadDelay, &QTimer::timeout, this, [this] {
        watchCertificateFiles(); // replaced files dropped out of the watch
        reloadCertificates();
    });
    connect(&m_names, &TunnelRegistry::expired, this, [this](const QString &name) {
        m_log.event(QStringLiteral("name_released"), {{QStringLiteral("name"), name}},
                    tr("%1 is free again").arg(name));
        if (m_acme)
            m_acme->release(name + u'.' + m_config.domain); // no renewals for names left
    });
}

Server::~Server()
{
    // Sessions go first: they hand their names back to registries that are members of ours.
    const auto sessions = std::exchange(m_sessions, {});
    qDeleteAll(sessions);
}

bool Server::loadTls(QString *error)
{
    if (m_config.selfSigned) {
        const auto files =
                SelfSignedCertificate::ensure(m_config.stateDirectory, m_config.domain, error);
        if (!files)
            return false;
        m_config.tlsCertFile = files->certificate;
        m_config.tlsKeyFile = files->key;
        if (files->created)
            m_log.event(QStringLiteral("certificate_created"),
                        {{QStringLiteral("certificate"), files->certificate},
                         {QStringLiteral("key"), files->key}},
                        tr("made a self-signed certificate for %1 in %2")
                                .arg(m_config.domain, m_config.stateDirectory));
    }
    if (!m_config.tlsCertFile.isEmpty()) {
        m_tls = Tls::serverConfiguration(m_config.tlsCertFile, m_config.tlsKeyFile, error);
        if (!m_tls)
            return false;
    }
    if (m_config.httpsPort && !loadEdgeCertificate(error))
        return false;
    return !m_config.usesAcme() || startAcme(error);
}

// One directory per CA: an account belongs to its CA, and a certificate from a staging CA must
// not be served once the production one is configured.
QString Server::acmeStateDirectory() const
{
    const QUrl &ca = m_config.acmeDirectory;
    QString name = ca.host();
    if (ca.port() > 0)
        name += u'_' + QString::number(ca.port());
    return m_config.stateDirectory + QStringLiteral("/acme/") + name;
}

bool Server::startAcme(QString *error)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_config.acmeCaFile.isEmpty()) {
        const QList<QSslCertificate> cas = Tls::loadCertificates(m_config.acmeCaFile, error);
        if (cas.isEmpty())
            return false;
        tls.addCaCertificates(cas);
    }
    m_acme = new AcmeCertificates({.client = {.directory = m_config.acmeDirectory,
                                              .email = m_config.acmeEmail,
                                              .tls = tls},
                                   .directory = acmeStateDirectory(),
                                   .ordersPerHour = m_config.acmeOrdersPerHour},
                                  m_log, this);
    connect(m_acme, &AcmeCertificates::certificateReady, this, &Server::useCertificate);
    m_http->setChallenges(&m_acme->challenges());
    return m_acme->start(error);
}

void Server::useCertificate(const QString &host, const QByteArray &chainPem,
                            const QByteArray &keyPem)
{
    QString error;
    std::shared_ptr<TlsServerContext> context = TlsServerContext::fromPem(chainPem, keyPem, &error);
    if (!context) {
        m_log.event(QStringLiteral("certificate_unusable"),
                    {{QStringLiteral("host"), host}, {QStringLiteral("error"), error}},
                    tr("cannot use the certificate for %1: %2").arg(host, error));
        return;
    }
    m_edgeCertificates.setForHost(host.toLatin1(), std::move(context));
}

// With --acme-email the control port's certificate is not the edge's: it would cover every
// name (--self-signed's *.DOMAIN, to browsers' warnings) and no name would get its own.
QString Server::edgeCertificateFile() const
{
    if (!m_config.edgeCertFile.isEmpty() || m_config.usesAcme())
        return m_config.edgeCertFile;
    return m_config.tlsCertFile;
}

QString Server::edgeKeyFile() const
{
    if (!m_config.edgeKeyFile.isEmpty() || m_config.usesAcme())
        return m_config.edgeKeyFile;
    return m_config.tlsKeyFile;
}

bool Server::loadEdgeCertificate(QString *error)
{
    const QString certificate = edgeCertificateFile();
    const QString key = edgeKeyFile();
    if (certificate.isEmpty()) {
        if (m_config.usesAcme())
            return true; // every name gets its own
        *error = tr("--https-port needs a certificate for *.%1: --edge-cert and --edge-key, "
                    "--tls-cert and --tls-key, or --self-signed")
                         .arg(m_config.domain);
        return false;
    }
    std::shared_ptr<TlsServerContext> context =
            TlsServerContext::fromFiles(certificate, key, error);
    if (!context)
        return false;
    m_edgeFingerprint = context->fingerprint();
    m_edgeCertificates.setDefault(std::move(context));
    return true;
}

void Server::watchCertificateFiles()
{
    QStringList files;
    for (const QString &file : {m_config.tlsCertFile, m_config.tlsKeyFile,
                                m_config.httpsPort ? edgeCertificateFile() : QString(),
                                m_config.httpsPort ? edgeKeyFile() : QString()}) {
        if (!file.isEmpty() && !files.contains(file))
            files.append(file);
    }
    // The directories too: certbot and most tools replace a file (or a symlink) rather than
    // write into it, and a watch on the old file sees nothing after that.
    QStringList paths = files;
    for (const QString &file : files)
        paths.append(QFileInfo(file).absolutePath());
    paths.removeDuplicates();
    const QStringList watched = m_certificateFiles.files() + m_certificateFiles.directories();
    if (!watched.isEmpty())
        m_certificateFiles.removePaths(watched);
    if (!paths.isEmpty())
        m_certificateFiles.addPaths(paths);
}

void Server::reloadTokens()
{
    QString error;
    const auto tokens = TokenBook::load(m_config.tokens, m_config.tokensFile, &error);
    if (!tokens) {
        m_log.event(QStringLiteral("tokens_reload_failed"), {{QStringLiteral("error"), error}},
                    tr("kept the tokens in use: %1").arg(error));
        return;
    }
    m_tokens = *tokens;
    m_log.event(QStringLiteral("tokens_reloaded"), {{QStringLiteral("tokens"), m_tokens.size()}},
                tr("tokens in use: %1").arg(m_tokens.size()));
}

void Server::reload()
{
    if (m_configSource) {
        QString error;
        if (const auto next = m_configSource(&error)) {
            applyConfig(*next);
        } else {
            m_log.event(QStringLiteral("config_reload_failed"), {{QStringLiteral("error"), error}},
                        tr("kept the settings in use: %1").arg(error));
        }
    }
    reloadCertificates();
    reloadTokens();
}

void Server::applyConfig(const ServerConfig &next)
{
    // What the listeners, the names and the ACME account were set up with stays until a
    // restart; tokens, certificate files and limits apply to the next connection.
    const ServerConfig &was = m_requested;
    const std::pair<const char *, bool> restartOnly[] = {
            {"domain", next.domain != was.domain},
            {"bind", next.bind != was.bind},
            {"http-port", next.httpPort != was.httpPort},
            {"control-port", next.controlPort != was.controlPort},
            {"tcp-ports", next.tcpPortFrom != was.tcpPortFrom || next.tcpPortTo != was.tcpPortTo},
            {"https-port", next.httpsPort != was.httpsPort},
            {"http-redirect", next.httpRedirect != was.httpRedirect},
            {"tls-cert", next.tlsCertFile.isEmpty() != was.tlsCertFile.isEmpty()},
            {"self-signed", next.selfSigned != was.selfSigned},
            {"state-dir", next.stateDirectory != was.stateDirectory},
            {"reserve-seconds", next.reservation != was.reservation},
            {"log-format", next.logFormat != was.logFormat},
            {"acme-email", next.acmeEmail != was.acmeEmail},
            {"acme-directory", next.acmeDirectory != was.acmeDirectory},
            {"acme-ca", next.acmeCaFile != was.acmeCaFile},
            {"acme-orders-per-hour", next.acmeOrdersPerHour != was.acmeOrdersPerHour},
            {"redis",
             next.redis.has_value() != was.redis.has_value()
                     || (next.redis && next.redis->toString() != was.redis->toString())},
            {"node-id", next.nodeId != was.nodeId},
            {"node-address", next.nodeAddress != was.nodeAddress},
            {"lease-ttl", next.leaseTtl != was.leaseTtl},
            {"cluster-secret", next.clusterSecret != was.clusterSecret}};
    QStringList needRestart;
    for (const auto &[key, changed] : restartOnly) {
        if (changed)
            needRestart.append(QString::fromLatin1(key));
    }

    m_config.tokens = next.tokens;
    m_config.tokensFile = next.tokensFile;
    m_config.allowAnonymous = next.allowAnonymous;
    if (!next.selfSigned && !needRestart.contains(u"tls-cert")) {
        m_config.tlsCertFile = next.tlsCertFile;
        m_config.tlsKeyFile = next.tlsKeyFile;
    }
    m_config.edgeCertFile = next.edgeCertFile;
    m_config.edgeKeyFile = next.edgeKeyFile;
    m_config.headTimeout = next.headTimeout;
    m_config.idleTimeout = next.idleTimeout;
    m_config.sendTimeout = next.sendTimeout;
    m_config.tcpIdleTimeout = next.tcpIdleTimeout;
    m_config.maxConnections = next.maxConnections;
    m_config.maxConnectionsPerIp = next.maxConnectionsPerIp;
    m_config.maxStreamsPerClient = next.maxStreamsPerClient;
    m_config.maxTunnelsPerToken = next.maxTunnelsPerToken;
    m_visitors.applyLimits();
    watchCertificateFiles();

    m_log.event(QStringLiteral("config_reloaded"),
                {{QStringLiteral("config"), next.configFile},
                 {QStringLiteral("restart_needed"), QJsonArray::fromStringList(needRestart)}},
                needRestart.isEmpty() ? tr("read the settings again")
                                      : tr("read the settings again; a restart applies %1")
                                                .arg(needRestart.join(QStringLiteral(", "))));
}

void Server::reloadCertificates()
{
    const QByteArray controlBefore =
            m_tls ? Tls::fingerprint(m_tls->localCertificate()) : QByteArray();
    const QByteArray edgeBefore = m_edgeFingerprint;
    QString error;
    bool ok = true;
    if (!m_config.tlsCertFile.isEmpty()) {
        if (auto tls =
                    Tls::serverConfiguration(m_config.tlsCertFile, m_config.tlsKeyFile, &error)) {
            m_tls = *tls;
            if (m_cluster)
                m_cluster->useTls(*m_tls); // for new links
        } else
            ok = false;
    }
    if (ok && m_config.httpsPort)
        ok = loadEdgeCertificate(&error);
    if (!ok) {
        m_log.event(QStringLiteral("certificate_reload_failed"), {{QStringLiteral("error"), error}},
                    tr("kept the certificates in use: %1").arg(error));
        return;
    }
    const QByteArray controlAfter =
            m_tls ? Tls::fingerprint(m_tls->localCertificate()) : QByteArray();
    if (controlAfter == controlBefore && m_edgeFingerprint == edgeBefore)
        return; // a file was touched, not changed
    m_log.event(QStringLiteral("certificates_reloaded"),
                {{QStringLiteral("fingerprint"), Tls::formatFingerprint(controlAfter)},
                 {QStringLiteral("edge_fingerprint"), Tls::formatFingerprint(m_edgeFingerprint)}},
                tr("reloaded the certificates: control %1, HTTPS %2")
                        .arg(Tls::formatFingerprint(controlAfter),
                             Tls::formatFingerprint(m_edgeFingerprint)));
}

bool Server::start(QString *error)
{
    const auto tokens = TokenBook::load(m_config.tokens, m_config.tokensFile, error);
    if (!tokens)
        return false;
    m_tokens = *tokens;
    if (!loadTls(error))
        return false;
    if (!m_control->listen(m_config.bind, m_config.controlPort)) {
        *error = tr("cannot listen on control port %1: %2")
                         .arg(m_config.controlPort)
                         .arg(m_control->errorString());
        return false;
    }
    if (!m_http->listener()->listen(m_config.bind, m_config.httpPort)) {
        *error = tr("cannot listen on HTTP port %1: %2")
                         .arg(m_config.httpPort)
                         .arg(m_http->listener()->errorString());
        m_control->close();
        return false;
    }
    if (m_config.httpsPort
        && !m_http->httpsListener()->listen(m_config.bind, *m_config.httpsPort)) {
        *error = tr("cannot listen on HTTPS port %1: %2")
                         .arg(*m_config.httpsPort)
                         .arg(m_http->httpsListener()->errorString());
        m_control->close();
        m_http->listener()->close();
        return false;
    }
    if (const auto &admin = m_config.adminListen) {
        m_admin = new AdminServer(*this, this);
        m_adminPort = m_admin->listen(admin->first, admin->second);
        if (m_adminPort == 0) {
            *error = tr("cannot listen on the admin address %1 port %2")
                             .arg(admin->first.toString())
                             .arg(admin->second);
            m_control->close();
            m_http->listener()->close();
            m_http->httpsListener()->close();
            return false;
        }
    }
    if (m_config.isClustered() && !startCluster(error)) {
        m_control->close();
        m_http->listener()->close();
        m_http->httpsListener()->close();
        return false;
    }
    watchCertificateFiles();
    m_config.controlPort = m_control->serverPort();
    m_config.httpPort = m_http->listener()->serverPort();
    if (m_config.httpsPort)
        m_config.httpsPort = m_http->httpsListener()->serverPort();
    const QString bind =
            m_config.bind == QHostAddress::Any ? QStringLiteral("*") : m_config.bind.toString();
    const QString pin =
            m_tls ? Tls::formatFingerprint(Tls::fingerprint(m_tls->localCertificate())) : QString();
    m_log.event(
            QStringLiteral("listening"),
            {{QStringLiteral("http_port"), httpPort()},
             {QStringLiteral("control_port"), controlPort()},
             {QStringLiteral("domain"), m_config.domain},
             {QStringLiteral("config"), m_config.configFile},
             {QStringLiteral("admin_port"), m_admin ? QJsonValue(m_adminPort) : QJsonValue()},
             {QStringLiteral("bind"), bind},
             {QStringLiteral("auth"),
              m_tokens.isEmpty() ? QStringLiteral("none") : QStringLiteral("token")},
             {QStringLiteral("https_port"),
              m_config.httpsPort ? QJsonValue(*m_config.httpsPort) : QJsonValue()},
             {QStringLiteral("control_tls"), m_tls.has_value()},
             {QStringLiteral("fingerprint"), pin}},
            tr("rok-server listening: tunnels at %1, clients on port %2%3%4")
                    .arg(publicUrl(QStringLiteral("NAME")))
                    .arg(controlPort())
                    .arg(m_tls ? tr(" (TLS, certificate %1)").arg(pin) : QString())
                    .arg(m_tokens.isEmpty() ? tr(" (no token: local clients only)") : QString()));
    if (m_config.selfSigned) {
        m_log.event(QStringLiteral("pin_hint"), {{QStringLiteral("fingerprint"), pin}},
                    tr("the certificate is self-signed; clients trust it with: rok http 3000 "
                       "--server %1:%2 --fingerprint %3")
                            .arg(m_config.domain)
                            .arg(controlPort())
                            .arg(pin));
    }
    return true;
}

bool Server::startCluster(QString *error)
{
    m_cluster = new Cluster(m_config, m_log, this);
    if (m_tls)
        m_cluster->useTls(*m_tls);
    if (!m_cluster->start(error))
        return false;
    m_http->setCluster(m_cluster);
    if (m_acme)
        m_cluster->shareCertificates(m_acme);
    connect(m_cluster, &Cluster::visitorArrived, this, &Server::onForwardedVisitor);
    m_remotePorts = new RemotePorts(m_config, *m_cluster, m_ports, m_visitors, this);
    connect(&m_ports, &PortPool::wanted, m_remotePorts, &RemotePorts::yield);
    connect(m_remotePorts, &RemotePorts::opened, this, [this](Listener *listener) {
        watchAccepts(listener, tr("TCP port %1 (for another node)").arg(listener->serverPort()));
    });
    m_remotePorts->start();
    connect(m_cluster, &Cluster::lost, this, &Server::onLeaseLost);
    connect(m_cluster, &Cluster::failed, this, [this] {
        m_exitCode = 1;
        shutdown();
    });
    return true;
}

void Server::onForwardedVisitor(MuxStream *stream, const ForwardedVisitor &visitor)
{
    if (visitor.tunnelPort == 0) {
        m_http->serveForwarded(stream, visitor);
        return;
    }
    Tunnel *tunnel = Tunnel::holding(m_ports, visitor.tunnelPort);
    if (!tunnel) { // it closed while the visitor was on its way
        stream->abort();
        stream->deleteLater();
        return;
    }
    m_metrics.countForwarded(false);
    tunnel->serveTcpVisitor(stream, visitor.address(), visitor.port());
}

// Another node holds the key now (the client came back through it, or this node was cut off
// from Redis for longer than the lease): the tunnel here must not serve it too.
void Server::onLeaseLost(const QString &key)
{
    for (ClientSession *session : std::as_const(m_sessions)) {
        for (const Tunnel *tunnel : session->tunnels()) {
            if (tunnel->leaseKey() == key) {
                session->close(tr("another node of the cluster holds %1 now").arg(key));
                return;
            }
        }
    }
}

void Server::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_cluster)
        m_cluster->shutdown(); // the names wait for their clients, who come back elsewhere
    m_control->close();
    m_http->listener()->close();
    m_http->httpsListener()->close();
    const auto sessions = m_sessions;
    for (ClientSession *session : sessions)
        session->shutdown();
    m_log.event(QStringLiteral("stopped"), {}, tr("rok-server stopped"));
    Q_EMIT stopped();
}

Tunnel *Server::tunnelFor(const QString &name) const
{
    return Tunnel::holding(m_names, name);
}

void Server::onControlConnection(qintptr descriptor)
{
    // A QSslSocket either way: unencrypted until startServerEncryption(), a plain socket.
    auto *socket = new QSslSocket;
    socket->setProxy(QNetworkProxy::NoProxy);
    if (m_stopping || !socket->setSocketDescriptor(descriptor)) {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            ::close(int(descriptor));
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (!m_tls) {
        startSession(socket, {}, false);
        return;
    }
    auto *detector = new TlsDetector(socket, *m_tls, ClientSession::HandshakeTimeout, this);
    // The certificate this connection is offered, even if a reload comes before its handshake.
    connect(detector, &TlsDetector::detected, this,
            [this, binding = Tls::channelBinding(m_tls->localCertificate())](QSslSocket *socket,
                                                                             bool tls) {
                startSession(socket, tls ? binding : QByteArray(), !tls);
            });
    connect(detector, &TlsDetector::ended, this,
            [this, peer = socket->peerAddress().toString()](TlsDetector::End end,
                                                            const QString &reason) {
                if (end == TlsDetector::End::PeerClosed) // a port probe, not worth a line
                    return;
                m_metrics.countHandshakeFailure(QStringLiteral("control"),
                                                QStringLiteral("timeout"));
                m_log.event(QStringLiteral("client_dropped"),
                            {{QStringLiteral("client"), peer}, {QStringLiteral("reason"), reason}},
                            tr("dropped client %1: %2").arg(peer, reason));
            });
}

void Server::startSession(QTcpSocket *socket, const QByteArray &channelBinding, bool plainAtTlsPort)
{
    if (m_stopping) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *session = new ClientSession(socket,
                                      {m_config, m_log, m_names, m_ports, m_visitors, m_quota,
                                       m_tokens, m_config.httpsPort ? &m_edgeCertificates : nullptr,
                                       m_acme, m_metrics, m_cluster},
                                      channelBinding, plainAtTlsPort, this);
    m_sessions.insert(session);
    connect(session, &ClientSession::closed, this, [this, session] {
        m_sessions.remove(session);
        session->deleteLater();
    });
}

void Server::watchAccepts(Listener *listener, const QString &what)
{
    connect(listener, &Listener::acceptFailed, this, [this, what](const QString &error) {
        m_acceptFailures.record(
                {{QStringLiteral("listener"), what}, {QStringLiteral("error"), error}},
                tr("cannot accept on %1: %2; retrying").arg(what, error));
    });
}

QByteArray Server::metricsText() const
{
    Metrics::Now now;
    now.clients = int(m_sessions.size());
    now.visitors = m_visitors.limiter().count();
    for (const ClientSession *session : m_sessions) {
        for (const Tunnel *tunnel : session->tunnels()) {
            ++(tunnel->protocol() == u"tcp" ? now.tcpTunnels : now.httpTunnels);
            now.openTunnels.in += tunnel->traffic().in;
            now.openTunnels.out += tunnel->traffic().out;
        }
    }
    if (m_config.httpsPort) {
        for (const auto &[host, context] : m_edgeCertificates.all()) {
            if (context->hasCertificate())
                now.certificates.append({QString::fromLatin1(host), context->expires()});
        }
    }
    if (m_cluster) {
        now.cluster = Metrics::Now::Cluster{m_cluster->node(),
                                            m_cluster->address(),
                                            m_cluster->isRedisUp(),
                                            m_cluster->linkCount(),
                                            m_cluster->leases().heldCount(),
                                            {}};
        for (const LeaseStore::Node &node : m_cluster->nodes())
            now.cluster->nodes.append({node.id, node.leases});
        now.cluster->remotePorts = m_remotePorts->count();
    }
    return m_metrics.render(now);
}

QJsonObject Server::clusterJson() const
{
    QJsonObject view = m_cluster->viewJson();
    view.insert(QStringLiteral("remote_ports"), m_remotePorts->count());
    return view;
}

QJsonArray Server::tunnelsJson() const
{
    QJsonArray tunnels;
    for (const ClientSession *session : m_sessions) {
        for (const Tunnel *tunnel : session->tunnels()) {
            const Metrics::Traffic &traffic = tunnel->traffic();
            QJsonObject object{
                    {QStringLiteral("name"), tunnel->name()},
                    {QStringLiteral("protocol"), tunnel->protocol()},
                    {QStringLiteral("url"), tunnel->url()},
                    {QStringLiteral("client"), session->peer()},
                    {QStringLiteral("token"), session->token()},
                    {QStringLiteral("since"), tunnel->openedAt().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("bytes_in"), traffic.in},
                    {QStringLiteral("bytes_out"), traffic.out},
                    {QStringLiteral("requests"), traffic.requests}};
            if (m_cluster)
                object.insert(QStringLiteral("node"), m_cluster->node());
            tunnels.append(object);
        }
    }
    return tunnels;
}
