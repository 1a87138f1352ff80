#pragma once

#include <QCborMap>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

#include "controlmessages.h"
#include "metrics.h"

class AccessPolicy;
class AcmeCertificates;
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
};

// One connected rok client: its handshake, its tunnel (an HTTP name or a TCP port) and the
// multiplexed connection that carries a stream per visitor.
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

    // The session that holds the HTTP tunnel `name`, if any.
    static ClientSession *holding(const TunnelRegistry &names, const QString &name);

    QString name() const { return m_name; }
    QByteArray resumeKey() const { return m_resumeKey; }
    QString peer() const { return m_peer; }
    QString token() const { return m_token; } // "token sha256:…" or "anonymous"; empty before auth
    QString protocol() const { return m_protocol; } // "http" or "tcp", once open
    QString url() const { return m_url; }
    QDateTime openedAt() const { return m_openedAt; }
    // What the tunnel has carried; a visitor's splice adds to it (countTraffic).
    Metrics::Traffic &traffic() { return m_traffic; }
    const Metrics::Traffic &traffic() const { return m_traffic; }
    void countTraffic(Splice *splice); // the splice's side A is the visitor
    bool isOpen() const { return m_state == State::Open; }
    std::shared_ptr<const AccessPolicy> access() const { return m_access; } // nullptr: open
    QByteArray hostHeader() const { return m_hostHeader; } // empty: the visitor's Host
    // Visitors in flight have reached --max-streams-per-client: a new one gets 503.
    bool isBusy() const;
    void logBusy(const QHostAddress &visitor); // a visitor refused because isBusy()

    MuxStream *openStream(); // a stream for a new visitor; nullptr if the client is going away
    void shutdown(); // GoAway, then close once queued frames are sent
    void close(const QString &reason);

Q_SIGNALS:
    void closed();

private:
    void onStreamOpened(MuxStream *stream);
    void onMessage(const QCborMap &message);
    void onHello(const Protocol::Hello &hello);
    void onOpen(const Protocol::Open &open);
    bool checkAuth(const Protocol::Open &open);
    bool checkName(const Protocol::Open &open);
    void chooseUrl();
    void onCertificateReady(const QString &host);
    void sendOpened();
    QString host() const; // NAME.DOMAIN
    bool openHttp(const QString &requested);
    bool openTcp(qint64 requested);
    void refuse(Protocol::ErrorCode code, const QString &text);
    void onTcpVisitor(qintptr descriptor);
    void onMuxClosed(const QString &reason);

    enum class State { AwaitHello, AwaitOpen, Open, Closed };

    SessionServices m_services;
    MuxSession *m_mux;
    ControlChannel *m_control = nullptr;
    QTimer m_handshakeDeadline;
    State m_state = State::AwaitHello;
    QString m_peer;
    bool m_peerIsLoopback = false;
    QByteArray m_nonce;
    QByteArray m_channelBinding;
    bool m_plainAtTlsPort = false;
    QByteArray m_resumeKey;
    QString m_protocol;
    QString m_name; // http tunnels
    QPointer<Listener> m_tcpListener;
    QString m_url;
    QString m_note; // Opened::note: why the URL is http:// for now
    QString m_token;
    QStringList m_allowedNames; // from the token's names=; empty: any
    int m_maxTunnels = 0; // the token's max-tunnels=, or --max-tunnels-per-token
    std::shared_ptr<const AccessPolicy> m_access;
    QByteArray m_hostHeader;
    QDateTime m_openedAt;
    Metrics::Traffic m_traffic;
};
