#pragma once

#include "tunneloptions.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class HttpParser;
class MuxStream;
class RequestLog;
class TcpConnection;

// Carries one visitor stream to the local service: connects, then splices the two. When the
// local service cannot be reached, an HTTP visitor gets a 502 page naming the local address.
class StreamForwarder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamForwarder)

public:
    // `log` is null for TCP tunnels.
    StreamForwarder(MuxStream *stream, const Endpoint &local, const QList<QHostAddress> &addresses,
                    RequestLog *log, QObject *parent);

Q_SIGNALS:
    void connectedTo(const QHostAddress &address); // lets the client try this address first

private:
    void onConnected();
    void onConnectFailed(const QString &error);
    void answerWithBadGateway();

    QPointer<MuxStream> m_stream;
    TcpConnection *m_local;
    Endpoint m_target;
    RequestLog *m_log;
    QString m_error;
    std::unique_ptr<HttpParser> m_parser;
    QByteArray m_requestHead;
};
