#pragma once

#include "tunneloptions.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class HttpParser;
class MuxStream;
class RequestLog;
class DuplexDevice;
class TcpConnection;
typedef struct ssl_ctx_st SSL_CTX;

// Carries one visitor stream to the local service: connects, then splices the two. When the
// local service cannot be reached, an HTTP visitor gets a 502 page naming the local address.
class StreamForwarder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamForwarder)

public:
    // `log` is null for TCP tunnels; `tls` is set for an https:// local target.
    StreamForwarder(MuxStream *stream, const LocalTarget &local,
                    const QList<QHostAddress> &addresses, std::shared_ptr<SSL_CTX> tls,
                    RequestLog *log, QObject *parent);

Q_SIGNALS:
    void connectedTo(const QHostAddress &address); // lets the client try this address first

private:
    void onConnected();
    void splice(DuplexDevice *local);
    void onConnectFailed(const QString &error);
    void answerWithBadGateway();

    QPointer<MuxStream> m_stream;
    TcpConnection *m_local;
    LocalTarget m_target;
    std::shared_ptr<SSL_CTX> m_tls;
    RequestLog *m_log;
    QString m_error;
    std::unique_ptr<HttpParser> m_parser;
    QByteArray m_requestHead;
};
