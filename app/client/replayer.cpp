// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "replayer.h"

#include "httpparser.h"
#include "tcpconnection.h"
#include "tls/tlsconnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>

namespace {

// One replay: a connection, a parser and a deadline. A child of the Replayer, so deleting the
// Replayer ends it silently.
class ReplayJob : public QObject
{
public:
    using Done = std::function<void(const RequestRecord &)>;

    // `tls`: the client context for an https:// local target, else null
    ReplayJob(const RequestRecord &original, const LocalTarget &local, std::shared_ptr<SSL_CTX> tls,
              std::chrono::milliseconds timeout, Done done, QObject *parent)
        : QObject(parent)
        , m_local(local)
        , m_tls(std::move(tls))
        , m_transport(new TcpConnection(this))
        , m_done(std::move(done))
    {
        m_result.started = RequestRecord::now();
        m_result.replayOf = original.replayOf ? original.replayOf : original.id;
        m_result.method = original.method;
        m_result.path = original.path;
        m_result.requestHead = original.requestHead;
        m_result.requestBody = original.requestBody;
        m_result.requestHead.setValue("Connection", "close");
        m_clock.start();

        m_deadline.setSingleShot(true);
        m_deadline.setInterval(timeout);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            fail(Replayer::tr("%1 did not answer within %n second(s)", nullptr,
                              int((m_deadline.interval() + 999) / 1000))
                         .arg(m_local.toString()));
        });
        connect(m_transport, &TcpConnection::connected, this, &ReplayJob::onConnected);
        connect(m_transport, &TcpConnection::connectFailed, this, [this](const QString &why) {
            fail(Replayer::tr("could not connect to %1: %2").arg(m_local.toString(), why));
        });
    }

    void start()
    {
        m_deadline.start();
        m_transport->connectTo(TcpConnection::resolveLocal(m_local.host), m_local.port);
    }

private:
    void onConnected()
    {
        if (!m_tls) {
            send(m_transport);
            return;
        }
        // The handshake first, as the tunnel does it: a certificate the service fails with
        // says why.
        auto *tls = new TlsConnection(m_transport, m_tls.get(), TlsConnection::Role::Client, m_tls,
                                      m_local.host, this);
        connect(tls, &TlsConnection::encrypted, this, [this, tls] {
            tls->disconnect(this);
            send(tls);
        });
        connect(tls, &DuplexDevice::finished, this, [this, tls] {
            const QString error = tls->hasFailed()
                    ? tls->errorString()
                    : Replayer::tr("the service closed the connection");
            fail(error.contains(u"not trusted")
                         ? Replayer::tr("TLS: %1 (--local-insecure accepts a development "
                                        "certificate)")
                                   .arg(error)
                         : Replayer::tr("TLS: %1").arg(error));
        });
    }

    // Connected, and with TLS the handshake done: the request goes out on `device`.
    void send(DuplexDevice *device)
    {
        m_connection = device;
        connect(device, &QIODevice::readyRead, this, &ReplayJob::onReadyRead);
        connect(device, &QIODevice::readChannelFinished, this, &ReplayJob::onReadEnded);
        connect(device, &DuplexDevice::finished, this, &ReplayJob::onFinished);
        m_clock.restart(); // like the tunnel's log: from the first request byte
        const QByteArray head = m_result.requestHead.serialize();
        m_result.requestHead.size = head.size();
        m_result.requestBytes = head.size() + m_result.requestBody.size();
        m_parser.expectResponseTo(m_result.method);
        m_connection->writeChunk(head);
        if (!m_result.requestBody.isEmpty())
            m_connection->writeChunk(m_result.requestBody);
    }

    void onReadyRead()
    {
        while (!m_finished && m_connection->bytesAvailable() > 0)
            parse(m_connection->readChunk(TcpConnection::ReadBufferSize));
    }

    void parse(QByteArrayView data)
    {
        while (!m_finished && (!data.isEmpty() || m_parser.hasPendingEvent())) {
            const HttpParser::Step step = m_parser.feed(data);
            const QByteArrayView consumed = data.first(step.consumed);
            data = data.sliced(step.consumed);
            m_result.responseBytes += step.consumed;
            switch (step.event) {
            case HttpParser::Event::NeedMore:
                capture(consumed);
                break;
            case HttpParser::Event::HeadComplete:
                if (m_result.firstByteMs < 0)
                    m_result.firstByteMs = elapsedMs();
                m_result.responseHead = m_parser.head();
                m_result.status = m_parser.head().status;
                break;
            case HttpParser::Event::MessageComplete:
                if (m_result.status >= 100 && m_result.status < 200 && m_result.status != 101)
                    break; // an interim answer such as 100 Continue; the final one follows
                capture(consumed);
                succeed();
                return;
            case HttpParser::Event::Error:
                fail(Replayer::tr("the response from %1 was malformed: %2")
                             .arg(m_local.toString(), m_parser.errorString()));
                return;
            case HttpParser::Event::AwaitingSwitch:
                Q_UNREACHABLE(); // requests only
            }
        }
    }

    void onReadEnded()
    {
        onReadyRead();
        if (m_finished)
            return;
        const HttpParser::Step step = m_parser.finish();
        if (step.event == HttpParser::Event::MessageComplete && m_result.status >= 200) {
            succeed(); // a response delimited by the end of the connection
        } else if (m_result.status == 0 && m_result.responseBytes == 0) {
            fail(Replayer::tr("%1 closed the connection without answering")
                         .arg(m_local.toString()));
        } else {
            fail(Replayer::tr("%1 closed the connection before the response was complete")
                         .arg(m_local.toString()));
        }
    }

    void onFinished()
    {
        if (m_finished)
            return;
        if (m_connection->hasFailed()) {
            fail(Replayer::tr("the connection to %1 failed: %2")
                         .arg(m_local.toString(), m_connection->errorString()));
        } else {
            onReadEnded();
        }
    }

    void capture(QByteArrayView bytes)
    {
        if (m_result.status != 0)
            RequestRecord::keepPreview(m_result.responseBody, m_result.responseBodyTruncated,
                                       m_result.responseHead, bytes);
    }

    double elapsedMs() const { return m_clock.nsecsElapsed() / 1e6; }

    void succeed() { end({}); }

    void fail(const QString &error)
    {
        m_result.status = 0;
        end(error);
    }

    void end(const QString &error)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_deadline.stop();
        m_result.error = error;
        m_result.durationMs = elapsedMs();
        DuplexDevice *connection = m_connection ? m_connection : m_transport.data();
        if (connection) {
            connection->disconnect(this);
            if (!error.isEmpty())
                connection->abort(); // a timeout or a broken answer: don't wait for a clean close
        }
        deleteLater(); // closes the connection if the service has not yet
        m_done(m_result);
    }

    LocalTarget m_local;
    std::shared_ptr<SSL_CTX> m_tls;
    QPointer<TcpConnection> m_transport; // a TlsConnection takes it over
    DuplexDevice *m_connection = nullptr; // what carries the request: either of them
    Done m_done;
    RequestRecord m_result;
    HttpParser m_parser{HttpParser::Kind::Response};
    QElapsedTimer m_clock;
    QTimer m_deadline;
    bool m_finished = false;
};

} // namespace

Replayer::Replayer(const LocalTarget &local, QObject *parent)
    : QObject(parent)
{
    setLocal(local);
}

void Replayer::setLocal(const LocalTarget &local, bool insecure)
{
    if (local.tls && (!m_tls || insecure != m_insecure))
        m_tls = TlsConnection::clientContext(!insecure);
    m_local = local;
    m_insecure = insecure;
}

void Replayer::replay(const RequestRecord &record)
{
    ++m_running;
    QString refusal;
    const QByteArray contentLength = record.requestHead.value("Content-Length");
    if (record.requestHead.method.isEmpty()) {
        refusal = tr("There is no recorded request to replay.");
    } else if (record.requestBodyTruncated
               || (!contentLength.isEmpty()
                   && contentLength.toLongLong() != record.requestBody.size())) {
        refusal = tr("The request body was not recorded in full, so it cannot be replayed.");
    }
    if (!refusal.isEmpty()) {
        RequestRecord result;
        result.started = RequestRecord::now();
        result.replayOf = record.replayOf ? record.replayOf : record.id;
        result.method = record.method;
        result.path = record.path;
        result.requestHead = record.requestHead;
        result.requestBody = record.requestBody;
        result.requestBodyTruncated = record.requestBodyTruncated;
        result.error = refusal;
        QTimer::singleShot(0, this, [this, result] { onReplayDone(result); });
        return;
    }
    auto *job = new ReplayJob(
            record, m_local, m_local.tls ? m_tls : nullptr, m_timeout,
            [this](const RequestRecord &result) { onReplayDone(result); }, this);
    // queued, so that even an immediate connection failure is reported after replay() returns
    QTimer::singleShot(0, job, [job] { job->start(); });
}

void Replayer::onReplayDone(const RequestRecord &result)
{
    --m_running;
    Q_EMIT finished(result);
}
