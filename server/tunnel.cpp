// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnel.h"

#include "accesspolicy.h"
#include "acme/acmecertificates.h"
#include "authority.h"
#include "clientsession.h"
#include "cluster/cluster.h"
#include "endpoint.h"
#include "eventlog.h"
#include "idletimeout.h"
#include "listener.h"
#include "muxstream.h"
#include "portpool.h"
#include "serverconfig.h"
#include "splice.h"
#include "tcpconnection.h"
#include "tls/edgecertificates.h"
#include "tunnelquota.h"
#include "tunnelregistry.h"
#include "visitorgate.h"

#include <algorithm>
#include <limits>

using Protocol::ErrorCode;

Tunnel::Tunnel(ClientSession *session, const SessionServices &services, qint64 id)
    : QObject(session)
    , m_session(session)
    , m_services(services)
    , m_id(id)
{
}

Tunnel::~Tunnel()
{
    release();
}

void Tunnel::release()
{
    for (const QPointer<TcpConnection> &visitor : std::exchange(m_early, {})) {
        if (visitor) {
            visitor->abort();
            visitor->deleteLater();
        }
    }
    if (!m_lease.isEmpty())
        m_services.cluster->leases().release(std::exchange(m_lease, {}));
    if (!m_name.isEmpty())
        m_services.names.release(std::exchange(m_name, {}));
    if (m_tcpListener) {
        m_tcpListener->close();
        m_services.ports.release(m_tcpListener->serverPort());
        m_tcpListener->deleteLater();
        m_tcpListener = nullptr;
    }
}

Tunnel *Tunnel::holding(const TunnelRegistry &names, const QString &name)
{
    Tunnel *tunnel = name.isEmpty() ? nullptr : qobject_cast<Tunnel *>(names.owner(name));
    return tunnel && tunnel->isServing() ? tunnel : nullptr;
}

Tunnel *Tunnel::holding(const PortPool &ports, quint16 port)
{
    Tunnel *tunnel = qobject_cast<Tunnel *>(ports.owner(port));
    return tunnel && tunnel->isServing() ? tunnel : nullptr;
}

void Tunnel::startServing()
{
    m_serving = true;
    // After opened() has gone to the client, so that it knows the tunnel their streams name.
    QMetaObject::invokeMethod(
            this,
            [this] {
                for (const QPointer<TcpConnection> &visitor : std::exchange(m_early, {})) {
                    if (visitor && !visitor->hasFailed())
                        serveTcpVisitor(visitor, visitor->peerAddress(), visitor->peerPort());
                    else if (visitor)
                        visitor->deleteLater(); // it reset meanwhile
                }
            },
            Qt::QueuedConnection);
}

QString Tunnel::leaseKey() const
{
    return m_tcpListener ? Cluster::portKey(m_tcpListener->serverPort()) : Cluster::nameKey(m_name);
}

void Tunnel::claimLease(std::function<void(const std::optional<Refusal> &refusal)> done)
{
    claimLease(std::move(done), 1);
}

void Tunnel::claimLease(std::function<void(const std::optional<Refusal> &)> done, int attempt)
{
    constexpr int Attempts = 5; // random names or ports other nodes hold
    LeaseStore &leases = m_services.cluster->leases();
    const QString key = leaseKey();
    leases.claim(key, m_resumeKey, {m_session->token(), m_session->maxTunnels()},
                 [self = QPointer(this), key, &leases, done = std::move(done),
                  attempt](const LeaseStore::Claim &claim) mutable {
                     if (!self) {
                         if (claim.granted()) // the client left meanwhile
                             leases.release(key);
                         return;
                     }
                     if (claim.granted()) {
                         self->m_lease = key;
                         done(std::nullopt);
                         return;
                     }
                     using Outcome = LeaseStore::Claim::Outcome;
                     if (self->m_random
                         && (claim.outcome == Outcome::Held || claim.outcome == Outcome::Reserved)
                         && attempt < Attempts) {
                         const bool tcp = self->m_tcpListener;
                         self->release();
                         if (const std::optional<Refusal> refusal =
                                     tcp ? self->openTcp(0) : self->openHttp({})) {
                             done(refusal);
                             return;
                         }
                         self->claimLease(std::move(done), attempt + 1);
                         return;
                     }
                     done(self->leaseRefusal(claim));
                 });
}

std::optional<Tunnel::Refusal> Tunnel::leaseRefusal(const LeaseStore::Claim &claim) const
{
    const QString what = m_tcpListener ? tr("port %1").arg(m_tcpListener->serverPort()) : m_name;
    switch (claim.outcome) {
    case LeaseStore::Claim::Outcome::Granted:
        return std::nullopt;
    case LeaseStore::Claim::Outcome::Held:
        if (m_tcpListener)
            return Refusal{ErrorCode::NoPort,
                           tr("%1 is in use on node %2 of this cluster").arg(what, claim.node)};
        return Refusal{ErrorCode::NameTaken,
                       tr("%1 is in use by another tunnel (on node %2 of this cluster)")
                               .arg(what, claim.node)};
    case LeaseStore::Claim::Outcome::Reserved:
        return Refusal{m_tcpListener ? ErrorCode::NoPort : ErrorCode::NameReserved,
                       tr("%1 was in use until recently and is reserved for its last tunnel for "
                          "now")
                               .arg(what)};
    case LeaseStore::Claim::Outcome::TokenFull:
        return Refusal{ErrorCode::TooManyTunnels,
                       tr("this token has %1 tunnels open in the cluster, the most it allows "
                          "(--max-tunnels-per-token)")
                               .arg(m_session->maxTunnels())};
    case LeaseStore::Claim::Outcome::Unavailable:
        break;
    }
    return Refusal{ErrorCode::Unavailable,
                   tr("this server cannot open tunnels for now: %1").arg(claim.detail)};
}

std::optional<Tunnel::Refusal> Tunnel::open(const Protocol::Open &open, const QByteArray &resumeKey)
{
    m_resumeKey = resumeKey;
    m_protocol = open.protocol;
    bool accessOk = false;
    QString accessError;
    m_access = AccessPolicy::fromOpen(open, &accessOk, &accessError);
    if (accessOk && m_access && m_access->requiresLogin() && m_protocol != u"http") {
        accessOk = false;
        accessError = tr("--basic-auth is for http tunnels");
    }
    if (!accessOk)
        return Refusal{ErrorCode::InvalidAccess, accessError};
    if (!open.hostHeader.isEmpty()) {
        // Canonical and strict, as a visitor's Host is: nothing a later hop could read otherwise.
        const std::optional<Authority> host = Authority::parse(open.hostHeader.toLatin1());
        if (!host || m_protocol != u"http" || open.hostHeader.size() > 255)
            return Refusal{ErrorCode::BadMessage,
                           tr("--host-header takes a host name with an optional port, for http "
                              "tunnels")};
        m_hostHeader = host->toByteArray();
    }
    m_reportsTimings = open.timings && m_protocol == u"http";
    std::optional<Refusal> refused;
    m_random = m_protocol == u"http" ? open.name.isEmpty() : open.port == 0;
    if (m_protocol == u"http")
        refused = openHttp(open.name);
    else if (m_protocol == u"tcp")
        refused = openTcp(open.port);
    else
        refused = Refusal{ErrorCode::BadMessage,
                          tr("unknown tunnel protocol \"%1\"").arg(m_protocol.left(64))};
    if (!refused)
        m_openedAt = QDateTime::currentDateTimeUtc();
    return refused;
}

Protocol::Opened Tunnel::opened() const
{
    return {.protocol = m_protocol,
            .url = m_url,
            .name = m_name,
            .port = m_tcpListener ? m_tcpListener->serverPort() : quint16(0),
            .resume = m_resumeKey,
            .note = m_note,
            .tunnel = m_id,
            .timings = m_reportsTimings};
}

void Tunnel::reportTiming(quint32 stream, qint64 exchange, std::chrono::nanoseconds duration)
{
    if (!m_reportsTimings)
        return;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(duration).count();
    m_session->queueTiming(
            {quint32(m_id), stream, quint32(exchange),
             quint32(std::clamp<qint64>(us, 0, std::numeric_limits<quint32>::max()))});
}

std::optional<Tunnel::Refusal> Tunnel::openHttp(const QString &requested)
{
    // A client that lost its connection before we noticed gets its name back from the old one.
    if (Tunnel *holder = holding(m_services.names, requested); holder
        && holder->session() != m_session
        && Protocol::constantTimeEquals(holder->resumeKey(), m_resumeKey)) {
        holder->session()->close(tr("replaced by a new connection of the same client"));
    }
    // The registry lowercases ASCII only: QString::toLower() would fold U+212A KELVIN SIGN to 'k'.
    const TunnelRegistry::Claim claim = m_services.names.claim(requested, m_resumeKey, this);
    switch (claim.status) {
    case TunnelRegistry::Status::Ok:
        m_name = claim.name;
        chooseUrl();
        return std::nullopt;
    case TunnelRegistry::Status::Invalid:
        return Refusal{ErrorCode::InvalidName, claim.message};
    case TunnelRegistry::Status::Taken:
        return Refusal{ErrorCode::NameTaken, claim.message};
    case TunnelRegistry::Status::Reserved:
        return Refusal{ErrorCode::NameReserved, claim.message};
    }
    return Refusal{ErrorCode::InvalidName, claim.message};
}

std::optional<Tunnel::Refusal> Tunnel::openTcp(qint64 requested)
{
    if (requested < 0 || requested > 65535)
        return Refusal{ErrorCode::NoPort, tr("invalid port %1").arg(requested)};
    QString error;
    m_tcpListener = m_services.ports.open(quint16(requested), m_resumeKey, this, &error);
    if (!m_tcpListener)
        return Refusal{ErrorCode::NoPort, error};
    connect(m_tcpListener, &Listener::accepted, this, &Tunnel::onTcpVisitor);
    m_url = m_services.config.tcpUrl(m_tcpListener->serverPort());
    return std::nullopt;
}

QString Tunnel::host() const
{
    return m_name + u'.' + m_services.config.domain;
}

// HTTPS once the edge has a certificate for the name. With ACME, a new name has none yet: it is
// served over plain HTTP, with a note, until onCertificateReady().
void Tunnel::chooseUrl()
{
    const ServerConfig &config = m_services.config;
    if (!m_services.acme || m_services.edge->covers(host().toLatin1())) {
        m_url = config.publicUrl(m_name);
        return;
    }
    m_url = config.httpUrl(m_name);
    m_note = tr("%1 works once its certificate arrives from %2, usually in seconds; until "
                "then use %3")
                     .arg(config.httpsUrl(m_name), config.acmeDirectory.host(), m_url);
    connect(m_services.acme, &AcmeCertificates::certificateReady, this, &Tunnel::onCertificateReady,
            Qt::UniqueConnection);
    m_services.acme->want(host());
}

void Tunnel::onCertificateReady(const QString &host)
{
    if (host != this->host() || m_note.isEmpty())
        return;
    const QString before = m_url;
    m_url = m_services.config.httpsUrl(m_name);
    m_note.clear();
    Q_EMIT urlChanged(); // the session sends opened() again, and the client shows the new URL
    m_services.log.event(QStringLiteral("tunnel_secured"),
                         {{QStringLiteral("url"), m_url}, {QStringLiteral("was"), before}},
                         tr("%1 is now served at %2").arg(before, m_url));
}

bool Tunnel::isBusy() const
{
    return m_session->isBusy();
}

void Tunnel::logBusy(const QHostAddress &visitor)
{
    m_services.visitors.refuse(
            {{QStringLiteral("visitor"), visitor.toString()},
             {QStringLiteral("url"), m_url},
             {QStringLiteral("reason"), QStringLiteral("max_streams_per_client")}},
            tr("refused a visitor of %1: %2 visitor connections open (--max-streams-per-client)")
                    .arg(m_url)
                    .arg(m_services.config.maxStreamsPerClient));
}

MuxStream *Tunnel::openStream(const QHostAddress &visitor, quint16 visitorPort)
{
    MuxStream *stream = m_session->openStream();
    if (stream && m_session->sendsVisitorHeaders())
        stream->writeChunk(Protocol::VisitorHeader{
                .tunnel = m_id, .visitor = Endpoint::toString(visitor, visitorPort)}
                                   .toFrame());
    return stream;
}

void Tunnel::onTcpVisitor(qintptr descriptor)
{
    auto *visitor = new TcpConnection(descriptor, nullptr);
    if (!m_services.visitors.admit(visitor, VisitorGate::Kind::Tcp, m_url)) {
        visitor->abort(); // a TCP visitor has no page to read: a reset says it at once
        delete visitor;
        return;
    }
    visitor->setSendTimeout(m_services.config.sendTimeout);
    if (!m_serving) { // its lease is not granted yet: what it sends waits in its socket
        visitor->setParent(this);
        m_early.append(visitor);
        return;
    }
    serveTcpVisitor(visitor, visitor->peerAddress(), visitor->peerPort());
}

void Tunnel::serveTcpVisitor(DuplexDevice *visitor, const QHostAddress &address, quint16 port)
{
    MuxStream *stream = nullptr;
    // --deny-cidr / --allow-cidr: a TCP visitor gets a reset
    if (!m_access || m_access->allowsAddress(address)) {
        if (isBusy())
            logBusy(address);
        stream = openStream(address, port);
    }
    if (!stream) {
        visitor->abort();
        visitor->deleteLater();
        return;
    }
    auto *splice = new Splice(visitor, stream, this);
    countTraffic(splice);
    const ServerConfig &config = m_services.config;
    if (config.tcpIdleTimeout.count() > 0) {
        new IdleTimeout(
                splice,
                [splice, idle = config.tcpIdleTimeout] { return splice->lastActivity() + idle; },
                config.tcpIdleTimeout);
    }
    splice->start();
}

void Tunnel::countTraffic(Splice *splice)
{
    splice->countInto(&m_traffic.in, &m_traffic.out);
}

void Tunnel::closed(const QString &reason)
{
    m_services.quota.remove(m_session->token());
    m_services.metrics.addClosedTunnel(m_traffic);
    m_services.log.event(
            QStringLiteral("tunnel_closed"),
            {{QStringLiteral("url"), m_url},
             {QStringLiteral("client"), m_session->peer()},
             {QStringLiteral("reason"), reason}},
            tr("closed %1 (%2)").arg(m_url, reason.isEmpty() ? tr("client left") : reason));
    release(); // for the client's next connection, at once
}
