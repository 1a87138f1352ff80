// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "controlmessages.h"
#include "tunneloptions.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <memory>
#include <vector>

class ControlChannel;
class MuxSession;
class MuxStream;
class QTcpSocket;
typedef struct ssl_ctx_st SSL_CTX;
class RequestHold;
class RequestLog;

// The client side of one connection to rok-server and the tunnels it carries (`rok start a b`
// opens several over one connection): connects, asks for each tunnel, forwards each visitor
// stream to its tunnel's local service, and reconnects with backoff when the connection drops,
// asking for the same names again. No UI: the CLI and the tray app both drive it.
//
// The connection's settings (server, trust, token, retries) are the first tunnel's. Where a
// function takes `tunnel`, it is an index into the tunnels given, 0 for the first.
class TunnelClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelClient)

public:
    enum class State { Stopped, Connecting, Online, Reconnecting, Failed };
    Q_ENUM(State)

    // An HTTP tunnel records its requests in `log`; without one it makes its own.
    explicit TunnelClient(const TunnelOptions &options, RequestLog *log = nullptr,
                          QObject *parent = nullptr);
    // Several tunnels on one connection, each HTTP one with its own log.
    explicit TunnelClient(const QList<TunnelOptions> &tunnels, QObject *parent = nullptr);
    ~TunnelClient() override;

    void start();
    // Closes the tunnel: the server sees a goodbye and sends no new visitors, while the
    // visitors already here get the rest of their answers (for up to options().mux
    // .drainTimeout), then drained(). Called again while draining, it closes at once.
    void stop();

    State state() const { return m_state; } // Online once every tunnel is open
    int tunnelCount() const { return int(m_tunnels.size()); }
    QString url(int tunnel = 0) const { return m_tunnels.at(tunnel).url; }
    // From the server, for the user: why url() is not yet what they expect (HTTPS on its way).
    QString note(int tunnel = 0) const { return m_tunnels.at(tunnel).note; }
    QString lastError() const { return m_lastError; }
    QDateTime nextRetry() const { return m_nextRetry; }
    const TunnelOptions &options(int tunnel = 0) const { return m_tunnels.at(tunnel).options; }
    RequestLog *requestLog(int tunnel = 0) const { return m_tunnels.at(tunnel).log; }
    RequestHold *requestHold(int tunnel = 0) const { return m_tunnels.at(tunnel).hold; }
    int activeStreams() const;

    static QString stateName(State state); // "online", as in the --json output

Q_SIGNALS:
    void stateChanged(TunnelClient::State state);
    void tunnelOpened(const QString &url, bool sameAsBefore, int tunnel);
    void errorOccurred(const QString &message, bool fatal);
    void drained(); // after stop(): the connection is closed and every visitor stream ended

private:
    struct Tunnel
    {
        TunnelOptions options;
        RequestLog *log = nullptr; // HTTP tunnels
        RequestHold *hold = nullptr; // HTTP tunnels
        QString url;
        QString note;
        QString name;
        quint16 port = 0;
        QByteArray resumeKey;
        bool open = false; // on this connection
        QList<QHostAddress> localAddresses;
        std::shared_ptr<SSL_CTX> localTls; // https:// local target
    };

    void addTunnel(const TunnelOptions &options, RequestLog *log); // nullptr: HTTP makes its own
    void setUpTimers();
    void connectToServer();
    void lookUpLocalHost();
    void onConnected(); // connected, and with TLS the server checked
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void onMessage(const QCborMap &message);
    void onHello(const Protocol::Hello &hello);
    void onOpened(const Protocol::Opened &opened);
    void onVisitor(MuxStream *stream);
    void forward(MuxStream *stream, Tunnel &tunnel);
    Tunnel *tunnelNumbered(qint64 number); // Open::tunnel: the index + 1
    QString prefixed(const Tunnel &tunnel, const QString &message) const;
    void connectionLost(const QString &reason);
    void fail(const QString &message);
    void dropConnection();
    void onDrained();
    void setState(State state);

    const TunnelOptions &connection() const { return m_tunnels.front().options; }

    std::vector<Tunnel> m_tunnels;
    State m_state = State::Stopped;
    QPointer<QTcpSocket> m_socket;
    QPointer<MuxSession> m_mux;
    QPointer<MuxSession> m_draining; // the connection stop() left to finish its streams
    QPointer<ControlChannel> m_control;
    QTimer m_retryTimer;
    QTimer m_connectTimeout;
    int m_attempt = 0;
    QDateTime m_nextRetry;
    QByteArray m_channelBinding; // Tls::channelBinding of this connection, for the token proof
    QString m_lastError;
    bool m_lookingUpLocal = false;
};
