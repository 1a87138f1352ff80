// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "eventlog.h"
#include "metrics.h"
#include "portpool.h"
#include "serverconfig.h"
#include "throttledevent.h"
#include "tls/edgecertificates.h"
#include "tokenbook.h"
#include "tunnelquota.h"
#include "tunnelregistry.h"
#include "visitorgate.h"

#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <optional>

class AcmeCertificates;
class AdminServer;
class Cluster;
class ClientSession;
class Tunnel;
class HttpEdge;
class Listener;
class MuxStream;
class RemotePorts;
struct ForwardedVisitor;
class QTcpSocket;

// rok-server: the control port for clients, the public HTTP edge, and TCP tunnel ports.
class Server : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(const ServerConfig &config, QObject *parent = nullptr);
    ~Server() override;

    // Loads the TLS files, binds the listeners and logs the "listening" event.
    bool start(QString *error);
    void shutdown(); // GoAway to every client, close the listeners; emits stopped()
    // Where reload() reads the settings again: the command line and the config file.
    using ConfigSource = std::function<std::optional<ServerConfig>(QString *error)>;
    void setConfigSource(ConfigSource source) { m_configSource = std::move(source); }
    // SIGHUP: reads the settings again (keeping those in use when they do not parse), then the
    // certificate files and --tokens-file. Tokens, certificates and limits apply to the next
    // connection; open tunnels stay. A change that needs a restart (a port, the domain) is
    // logged and waits for it.
    void reload();
    // Reads the certificate files again (SIGHUP, or when they change): new connections get the
    // new ones, open tunnels and visitors keep theirs. A file that does not load is logged and
    // the certificate in use stays.
    void reloadCertificates();
    // Reads --tokens-file again (SIGHUP): new connections use the new tokens and limits; open
    // tunnels stay. A file that does not parse is logged and the tokens in use stay.
    void reloadTokens();

    // After start(), httpPort and controlPort are the ports bound (port 0 resolved).
    const ServerConfig &config() const { return m_config; }
    quint16 httpPort() const { return m_config.httpPort; }
    quint16 controlPort() const { return m_config.controlPort; }
    QString publicUrl(const QString &name) const { return m_config.publicUrl(name); }
    Tunnel *tunnelFor(const QString &name) const; // the tunnel holding an HTTP name
    // For --admin-listen: /metrics, /api/tunnels, /healthz.
    QByteArray metricsText() const;
    QJsonArray tunnelsJson() const;
    QJsonObject clusterJson() const; // with --redis: Cluster::viewJson(), and the remote ports
    bool isServing() const { return !m_stopping; }
    quint16 adminPort() const { return m_adminPort; } // 0: no admin listener
    int sessionCount() const { return int(m_sessions.size()); }
    const ConnectionLimiter &visitors() const { return m_visitors.limiter(); }
    Cluster *cluster() const { return m_cluster; } // with --redis
    // Replaces Names::random() for random tunnel names (tests); empty restores it.
    void setNameGenerator(std::function<QString()> generator)
    {
        m_names.setGenerator(std::move(generator));
    }
    int exitCode() const { return m_exitCode; } // not 0: it stopped for an error

Q_SIGNALS:
    void stopped();

private:
    void onControlConnection(qintptr descriptor);
    bool startCluster(QString *error);
    void onLeaseLost(const QString &key);
    void onForwardedVisitor(MuxStream *stream, const ForwardedVisitor &visitor);
    void applyConfig(const ServerConfig &next);
    bool loadTls(QString *error); // --tls-cert/--tls-key, or --self-signed
    bool loadEdgeCertificate(QString *error); // --edge-cert/--edge-key, or the control's
    bool startAcme(QString *error); // --acme-email
    QString acmeStateDirectory() const;
    void useCertificate(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void watchCertificateFiles();
    QString edgeCertificateFile() const;
    QString edgeKeyFile() const;
    void watchAccepts(Listener *listener, const QString &what);
    // plainAtTlsPort: the session answers tls_required and closes.
    void startSession(QTcpSocket *socket, const QByteArray &channelBinding, bool plainAtTlsPort);

    ServerConfig m_config; // in use: ports bound, reloaded tokens and limits
    const ServerConfig m_requested; // as started, to tell what a reload would change
    ConfigSource m_configSource;
    std::optional<QSslConfiguration> m_tls; // the control port's, from --tls-cert/--tls-key
    QByteArray m_edgeFingerprint; // of the HTTPS edge's certificate
    EdgeCertificates m_edgeCertificates;
    AcmeCertificates *m_acme = nullptr;
    QFileSystemWatcher m_certificateFiles; // certbot renewing them
    QTimer m_reloadDelay; // one reload for a burst of file changes
    EventLog m_log;
    Metrics m_metrics;
    AdminServer *m_admin = nullptr;
    quint16 m_adminPort = 0;
    TunnelRegistry m_names;
    PortPool m_ports;
    VisitorGate m_visitors;
    TunnelQuota m_quota;
    TokenBook m_tokens;
    ThrottledEvent m_acceptFailures;
    Listener *m_control;
    HttpEdge *m_http;
    QSet<ClientSession *> m_sessions;
    Cluster *m_cluster = nullptr;
    RemotePorts *m_remotePorts = nullptr; // in a cluster: other nodes' TCP ports, here too
    bool m_stopping = false;
    int m_exitCode = 0;
};
