// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "clientsession.h"
#include "cluster/leasestore.h"
#include "controlmessages.h"
#include "metrics.h"

class AccessPolicy;
class DuplexDevice;
class Listener;
class MuxStream;
class QHostAddress;
class PortPool;
class Splice;
class TcpConnection;
class TunnelRegistry;

// One tunnel of a client session: an HTTP name or a TCP port, its access rules, its URL and what
// it has carried. Its session owns it and the connection it shares with the session's other
// tunnels (protocol version 3); each visitor stream it opens starts with a VisitorHeader naming
// it, so the client knows which local service the visitor is for. The registry maps its name to
// it; a TCP tunnel owns its listener.
class Tunnel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Tunnel)

public:
    // Why open() refused, for the client (an error naming this tunnel).
    struct Refusal
    {
        Protocol::ErrorCode code;
        QString message;
    };

    Tunnel(ClientSession *session, const SessionServices &services, qint64 id);
    ~Tunnel() override; // releases the name or port, if closed() has not

    // Claims the name or port `open` asks for, with its access rules. nullopt: open, and
    // opened() is what to send the client.
    std::optional<Refusal> open(const Protocol::Open &open, const QByteArray &resumeKey);
    Protocol::Opened opened() const;
    // Cluster mode, after open(): the name or port becomes this node's lease in Redis too; a
    // random name or port another node holds is swapped for another. `done` gets the refusal, or
    // nothing: startServing() may follow. Not called if the tunnel is deleted first.
    void claimLease(std::function<void(const std::optional<Refusal> &refusal)> done);
    void startServing(); // opened() is on its way to the client

    bool isServing() const { return m_serving; }
    QString leaseKey() const; // "name:NAME", "port:PORT"

    // The tunnel that holds the HTTP name `name`, or the TCP port `port`, if any.
    static Tunnel *holding(const TunnelRegistry &names, const QString &name);
    static Tunnel *holding(const PortPool &ports, quint16 port);

    qint64 id() const { return m_id; }
    ClientSession *session() const { return m_session; }
    QString name() const { return m_name; }
    QByteArray resumeKey() const { return m_resumeKey; }
    QString protocol() const { return m_protocol; } // "http" or "tcp"
    QString url() const { return m_url; }
    QDateTime openedAt() const { return m_openedAt; }
    std::shared_ptr<const AccessPolicy> access() const { return m_access; } // nullptr: open
    QByteArray hostHeader() const { return m_hostHeader; } // empty: the visitor's Host
    // A response went back to the visitor of `stream`: its client hears how long the edge saw
    // it take, if it asked (Protocol::Timings).
    void reportTiming(quint32 stream, qint64 exchange, std::chrono::nanoseconds duration);
    // What the tunnel has carried; a visitor's splice adds to it (countTraffic).
    Metrics::Traffic &traffic() { return m_traffic; }
    const Metrics::Traffic &traffic() const { return m_traffic; }
    void countTraffic(Splice *splice); // the splice's side A is the visitor

    // Visitors in flight on the session have reached --max-streams-per-client: a new one gets
    // 503 (HTTP) or a reset (TCP).
    bool isBusy() const;
    void logBusy(const QHostAddress &visitor);
    // A stream for a new visitor, its header written; nullptr if the client is going away.
    MuxStream *openStream(const QHostAddress &visitor, quint16 visitorPort);
    // A TCP tunnel's visitor, admitted at this node's port or at another node's (a stream from
    // it, `address` and `port` naming the visitor): to the client, or reset. Takes `visitor`.
    void serveTcpVisitor(DuplexDevice *visitor, const QHostAddress &address, quint16 port);

    // The session closed: logs tunnel_closed, counts what the tunnel carried and frees its name
    // or port.
    void closed(const QString &reason);

Q_SIGNALS:
    void urlChanged(); // the HTTPS certificate arrived: opened() has the https:// URL

private:
    std::optional<Refusal> openHttp(const QString &requested);
    std::optional<Refusal> openTcp(qint64 requested);
    void chooseUrl();
    void onCertificateReady(const QString &host);
    void onTcpVisitor(qintptr descriptor);
    QString host() const; // NAME.DOMAIN
    void release(); // the name or port
    void claimLease(std::function<void(const std::optional<Refusal> &)> done, int attempt);
    std::optional<Refusal> leaseRefusal(const LeaseStore::Claim &claim) const;

    ClientSession *m_session;
    SessionServices m_services; // a copy: a child outlives its session's members
    qint64 m_id;
    QByteArray m_resumeKey;
    QString m_protocol;
    QString m_name; // http tunnels
    QPointer<Listener> m_tcpListener;
    QString m_url;
    QString m_note; // Opened::note: why the URL is http:// for now
    std::shared_ptr<const AccessPolicy> m_access;
    QByteArray m_hostHeader;
    bool m_reportsTimings = false; // Open::timings
    bool m_random = false; // the client asked for any name or port
    bool m_serving = false; // visitors may come
    // TCP visitors that came while the lease was being granted (a client taking its port back
    // through this node, the balancer already sending visitors here): served once it is.
    QList<QPointer<TcpConnection>> m_early;
    QString m_lease; // the key this node holds in the cluster, once granted
    QDateTime m_openedAt;
    Metrics::Traffic m_traffic;
};
