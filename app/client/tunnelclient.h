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

class ControlChannel;
class MuxSession;
class MuxStream;
class QTcpSocket;
typedef struct ssl_ctx_st SSL_CTX;
class RequestLog;

// The client side of one tunnel: connects to rok-server, asks for a tunnel, forwards each
// visitor stream to the local service, and reconnects with backoff when the connection drops,
// asking for the same name again. No UI: the CLI and the tray app both drive it.
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
    ~TunnelClient() override;

    void start();
    // Closes the tunnel: the server sees a goodbye and sends no new visitors, while the
    // visitors already here get the rest of their answers (for up to options().mux
    // .drainTimeout), then drained(). Called again while draining, it closes at once.
    void stop();

    State state() const { return m_state; }
    QString url() const { return m_url; }
    // From the server, for the user: why url() is not yet what they expect (HTTPS on its way).
    QString note() const { return m_note; }
    QString lastError() const { return m_lastError; }
    QDateTime nextRetry() const { return m_nextRetry; }
    const TunnelOptions &options() const { return m_options; }
    RequestLog *requestLog() const { return m_log; }
    int activeStreams() const;

    static QString stateName(State state); // "online", as in the --json output

Q_SIGNALS:
    void stateChanged(TunnelClient::State state);
    void tunnelOpened(const QString &url, bool sameAsBefore);
    void errorOccurred(const QString &message, bool fatal);
    void drained(); // after stop(): the connection is closed and every visitor stream ended

private:
    void connectToServer();
    void lookUpLocalHost();
    void onConnected(); // connected, and with TLS the server checked
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void onMessage(const QCborMap &message);
    void onHello(const Protocol::Hello &hello);
    void onOpened(const Protocol::Opened &opened);
    void onVisitor(MuxStream *stream);
    void connectionLost(const QString &reason);
    void fail(const QString &message);
    void dropConnection();
    void onDrained();
    void setState(State state);

    TunnelOptions m_options;
    RequestLog *m_log;
    State m_state = State::Stopped;
    QPointer<QTcpSocket> m_socket;
    QPointer<MuxSession> m_mux;
    QPointer<MuxSession> m_draining; // the connection stop() left to finish its streams
    QPointer<ControlChannel> m_control;
    QTimer m_retryTimer;
    QTimer m_connectTimeout;
    int m_attempt = 0;
    QDateTime m_nextRetry;
    QString m_url;
    QString m_note;
    QString m_name;
    quint16 m_port = 0;
    QByteArray m_resumeKey;
    QByteArray m_channelBinding; // Tls::channelBinding of this connection, for the token proof
    QString m_lastError;
    QList<QHostAddress> m_localAddresses;
    bool m_lookingUpLocal = false;
    std::shared_ptr<SSL_CTX> m_localTls; // https:// local target
};
