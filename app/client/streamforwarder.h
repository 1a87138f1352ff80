// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tunneloptions.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

class HttpParser;
class MuxStream;
class RequestHold;
class RequestLog;
class DuplexDevice;
class TcpConnection;
typedef struct ssl_ctx_st SSL_CTX;

// Carries one visitor stream to the local service: connects, then splices the two. When the
// local service cannot be reached, an HTTP visitor's request is held while it comes back (if
// `hold` allows: --hold), and otherwise gets a 502 page naming the local address.
class StreamForwarder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamForwarder)

public:
    // `log` and `hold` are null for TCP tunnels; `tls` is set for an https:// local target.
    StreamForwarder(MuxStream *stream, const LocalTarget &local,
                    const QList<QHostAddress> &addresses, std::shared_ptr<SSL_CTX> tls,
                    RequestLog *log, RequestHold *hold, QObject *parent);
    ~StreamForwarder() override;

    static constexpr std::chrono::milliseconds RetryInterval{250}; // while holding

Q_SIGNALS:
    void connectedTo(const QHostAddress &address); // lets the client try this address first

private:
    void connectToLocal();
    void onConnected();
    void onRefused(const QString &error);
    void splice(DuplexDevice *local);
    void onConnectFailed(const QString &error);

    // Holding: the request stays unread in its stream, looked at but not taken, and the
    // connection is tried again until the hold's time is up.
    void startHolding();
    void lookAtHeldRequest();
    void onVisitorLeftWhileHeld(); // its end of data: it gave up (as nginx reads it: a 499)
    void stopHolding();

    // An error page once the request head is in: 502, or 503 over the hold's caps.
    void answer(int status, const QString &title, const QString &detail);
    void sendAnswer();

    QPointer<MuxStream> m_stream;
    TcpConnection *m_local;
    QList<QHostAddress> m_addresses;
    LocalTarget m_target;
    std::shared_ptr<SSL_CTX> m_tls;
    QPointer<RequestLog> m_log;
    QString m_error;
    std::unique_ptr<HttpParser> m_parser;
    bool m_connecting = false;

    QPointer<RequestHold> m_hold;
    bool m_holding = false;
    QElapsedTimer m_heldFor;
    QDeadlineTimer m_holdUntil;
    QTimer m_retry;
    qint64 m_heldBytes = 0; // unread in the stream, counted against the hold's cap
    std::unique_ptr<HttpParser> m_heldHead; // the held request's head, for "waiting" lines
    qint64 m_looked = 0; // bytes of the stream fed to m_heldHead
    bool m_announced = false; // the log was told it waits
    double m_heldMs = 0;

    int m_answerStatus = 0;
    QString m_answerTitle;
    QString m_answerDetail;
};
