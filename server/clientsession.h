// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QCborMap>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

#include "controlmessages.h"
#include "metrics.h"

class AccessPolicy;
class AcmeCertificates;
class Cluster;
class ControlChannel;
class EdgeCertificates;
class EventLog;
class Listener;
class MuxSession;
class MuxStream;
class PortPool;
class QTcpSocket;
class Splice;
class TokenBook;
class TunnelQuota;
class Tunnel;
class TunnelRegistry;
class VisitorGate;
struct ServerConfig;

// What a client session uses of the server that accepted it.
struct SessionServices
{
    const ServerConfig &config;
    EventLog &log;
    TunnelRegistry &names; // HTTP tunnel names, owned by their sessions
    PortPool &ports; // TCP tunnel ports
    VisitorGate &visitors;
    TunnelQuota &quota;
    const TokenBook &tokens;
    const EdgeCertificates *edge; // with --https-port: the names HTTPS covers so far
    AcmeCertificates *acme; // with --acme-email: asked for a certificate per name
    Metrics &metrics;
    Cluster *cluster; // with --redis: each name and port is a lease in the cluster too
};

// One connected rok client: its handshake, its tunnels (one in protocol version 2, several in
// version 3) and the multiplexed connection that carries a stream per visitor.
class ClientSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientSession)

public:
    static constexpr std::chrono::seconds HandshakeTimeout{10};

    // `channelBinding`: what the token proof must cover (Tls::channelBinding), empty without
    // TLS. `plainAtTlsPort`: the client spoke plain TCP to a TLS port; it gets tls_required.
    ClientSession(QTcpSocket *socket, const SessionServices &services,
                  const QByteArray &channelBinding, bool plainAtTlsPort, QObject *parent);

    QString peer() const { return m_peer; }
    QString token() const { return m_token; } // "token sha256:…" or "anonymous"; empty before auth
    int maxTunnels() const { return m_maxTunnels; } // the token's limit
    const QList<Tunnel *> &tunnels() const { return m_tunnels; } // open ones
    // Version 3: each visitor stream starts with a Protocol::VisitorHeader.
    bool sendsVisitorHeaders() const { return m_version >= 3; }
    // Visitors in flight have reached --max-streams-per-client: a new one gets 503.
    bool isBusy() const;

    MuxStream *openStream(); // a stream for a new visitor; nullptr if the client is going away
    // Sent within TimingsDelay, with the others of that time (or at once when MaxItems wait).
    void queueTiming(const Protocol::Timings::Item &item);
    static constexpr std::chrono::milliseconds TimingsDelay{20};
    void shutdown(); // GoAway, then close once queued frames are sent
    void close(const QString &reason);

Q_SIGNALS:
    void closed();

private:
    void onStreamOpened(MuxStream *stream);
    void onMessage(const QCborMap &message);
    void onHello(const Protocol::Hello &hello);
    void onOpen(const Protocol::Open &open);
    void claimLease(Tunnel *tunnel);
    void startServing(Tunnel *tunnel);
    bool checkAuth(const Protocol::Open &open);
    std::optional<QString> nameRefusal(const Protocol::Open &open) const;
    void refuse(Protocol::ErrorCode code, const QString &text);
    void refuseTunnel(qint64 tunnel, Protocol::ErrorCode code, const QString &text);
    void logRefusal(Protocol::ErrorCode code, const QString &text);
    void onMuxClosed(const QString &reason);
    void sendTimings();

    enum class State { AwaitHello, AwaitOpen, Open, Closed };

    SessionServices m_services;
    MuxSession *m_mux;
    ControlChannel *m_control = nullptr;
    QTimer m_handshakeDeadline;
    Protocol::Timings m_timings; // queued
    QTimer m_timingsTimer;
    State m_state = State::AwaitHello;
    qint64 m_version = 0;
    QString m_peer;
    bool m_peerIsLoopback = false;
    QByteArray m_nonce;
    QByteArray m_channelBinding;
    bool m_plainAtTlsPort = false;
    QString m_token;
    QStringList m_allowedNames; // from the token's names=; empty: any
    int m_maxTunnels = 0; // the token's max-tunnels=, or --max-tunnels-per-token
    QList<Tunnel *> m_tunnels; // children
    QList<Tunnel *> m_claiming; // children waiting for their lease in the cluster
};
