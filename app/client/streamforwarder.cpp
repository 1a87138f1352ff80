// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "streamforwarder.h"

#include "errorpage.h"
#include "httpparser.h"
#include "httptap.h"
#include "muxstream.h"
#include "requesthold.h"
#include "requestlog.h"
#include "splice.h"
#include "tcpconnection.h"
#include "tls/tlsconnection.h"
#include "units.h"

#include <QDateTime>

StreamForwarder::StreamForwarder(MuxStream *stream, const LocalTarget &local,
                                 const QList<QHostAddress> &addresses, std::shared_ptr<SSL_CTX> tls,
                                 RequestLog *log, RequestHold *hold, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_local(new TcpConnection(this))
    , m_addresses(addresses)
    , m_target(local)
    , m_tls(std::move(tls))
    , m_log(log)
    , m_hold(hold)
{
    connect(m_local, &TcpConnection::connected, this, &StreamForwarder::onConnected);
    connect(m_local, &TcpConnection::connectFailed, this, &StreamForwarder::onRefused);
    connect(stream, &DuplexDevice::finished, this, [this] {
        if (m_parser)
            return;
        stopHolding(); // the visitor left: the attempt (and its place in the hold) can go
        m_stream->deleteLater();
        deleteLater();
    });
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryInterval);
    connect(&m_retry, &QTimer::timeout, this, &StreamForwarder::connectToLocal);
    connectToLocal();
}

StreamForwarder::~StreamForwarder()
{
    stopHolding();
}

void StreamForwarder::connectToLocal()
{
    if (m_connecting || !m_local)
        return;
    m_retry.stop();
    m_connecting = true;
    m_local->connectTo(m_addresses, m_target.port);
}

void StreamForwarder::onConnected()
{
    m_connecting = false;
    if (m_holding) {
        stopHolding();
        if (m_hold)
            m_hold->localIsBack();
    }
    if (!m_stream || m_stream->isFinished()) {
        deleteLater();
        return;
    }
    Q_EMIT connectedTo(m_local->connectedAddress());
    if (!m_tls) {
        splice(m_local);
        return;
    }
    // The handshake first: a certificate the service fails with is a 502 that says why.
    TcpConnection *transport = m_local;
    m_local = nullptr;
    auto *tls = new TlsConnection(transport, m_tls.get(), TlsConnection::Role::Client, m_tls,
                                  m_target.host, this);
    connect(tls, &TlsConnection::encrypted, this, [this, tls] {
        tls->disconnect(this);
        splice(tls);
    });
    connect(tls, &DuplexDevice::finished, this, [this, tls] {
        const QString error = tls->hasFailed() ? tls->errorString() : QString();
        tls->deleteLater();
        if (error.isEmpty())
            onConnectFailed(tr("TLS: the service closed the connection"));
        else if (error.contains(u"not trusted"))
            onConnectFailed(
                    tr("TLS: %1 (--local-insecure accepts a development certificate)").arg(error));
        else
            onConnectFailed(tr("TLS: %1").arg(error));
    });
}

void StreamForwarder::splice(DuplexDevice *local)
{
    if (!m_stream || m_stream->isFinished()) {
        local->deleteLater();
        deleteLater();
        return;
    }
    local->setParent(nullptr);
    m_stream->disconnect(this);
    auto *splice = new Splice(m_stream, local, m_stream->session());
    if (m_log)
        HttpTap::attach(splice, Splice::AtoB, m_log, m_heldMs, m_stream->id());
    m_local = nullptr;
    m_stream = nullptr;
    splice->start();
    deleteLater();
}

void StreamForwarder::onRefused(const QString &error)
{
    m_connecting = false;
    m_error = error;
    if (m_holding && !m_holdUntil.hasExpired()) {
        m_retry.start();
        return;
    }
    if (!m_holding && m_stream && m_log && m_hold && m_hold->isOn()) {
        startHolding();
        return;
    }
    onConnectFailed(error);
}

void StreamForwarder::onConnectFailed(const QString &error)
{
    m_error = error;
    const bool held = m_holding;
    stopHolding();
    if (!m_stream || !m_log) { // a TCP tunnel: the visitor's connection is reset
        if (m_stream)
            m_stream->abort();
        deleteLater();
        return;
    }
    const QString detail = held
            ? tr("rok held the request for %1, but the local service at %2 did not come back: "
                 "%3.")
                      .arg(Units::duration(m_heldMs), m_target.toString(), m_error)
            : tr("rok could not reach the local service at %1: %2.")
                      .arg(m_target.toString(), m_error);
    answer(502, tr("Local service unavailable"), detail);
}

void StreamForwarder::startHolding()
{
    if (!m_hold->admit()) {
        answer(503, tr("Too many requests waiting"),
               tr("The local service at %1 is down, and %n request(s) already wait for it.",
                  nullptr, m_hold->limits().requests)
                       .arg(m_target.toString()));
        return;
    }
    m_holding = true;
    m_heldFor.start();
    m_holdUntil.setRemainingTime(m_hold->limits().time);
    m_heldHead = std::make_unique<HttpParser>(HttpParser::Kind::Request);
    connect(m_stream, &QIODevice::readyRead, this, &StreamForwarder::lookAtHeldRequest);
    connect(m_stream, &QIODevice::readChannelFinished, this,
            &StreamForwarder::onVisitorLeftWhileHeld);
    connect(m_hold.data(), &RequestHold::localBack, this, &StreamForwarder::connectToLocal);
    m_retry.start();
    lookAtHeldRequest();
}

void StreamForwarder::lookAtHeldRequest()
{
    if (!m_holding || !m_stream)
        return;
    const qint64 available = m_stream->bytesAvailable();
    const bool withinCap = m_hold->grow(available - m_heldBytes);
    m_heldBytes = available;
    if (!withinCap) {
        stopHolding();
        answer(503, tr("Too many requests waiting"),
               tr("The local service at %1 is down, and the requests waiting for it hold %2 "
                  "already.")
                       .arg(m_target.toString(), Units::bytes(m_hold->limits().bytes)));
        return;
    }
    if (m_announced || available == m_looked)
        return;
    const QByteArray more = m_stream->peekChunk(m_looked, available - m_looked);
    m_looked = available;
    if (m_heldHead->feed(more).event == HttpParser::Event::NeedMore)
        return;
    m_announced = !m_heldHead->head().method.isEmpty();
    if (m_announced)
        m_log->addWaiting(m_heldHead->head().method, m_heldHead->head().target);
}

void StreamForwarder::onVisitorLeftWhileHeld()
{
    if (!m_holding)
        return;
    if (m_announced) {
        RequestRecord record;
        record.heldMs = m_heldFor.nsecsElapsed() / 1e6;
        record.durationMs = record.heldMs;
        record.started = RequestRecord::now().addMSecs(-qint64(record.heldMs));
        record.method = m_heldHead->head().method;
        record.path = m_heldHead->head().target;
        record.requestHead = m_heldHead->head();
        record.error = tr("the visitor left after waiting %1 for the local service at %2")
                               .arg(Units::duration(record.heldMs), m_target.toString());
        m_log->add(record);
    }
    stopHolding();
    m_stream->disconnect(this);
    m_stream->abort();
    m_stream->deleteLater();
    deleteLater();
}

void StreamForwarder::stopHolding()
{
    if (!m_holding)
        return;
    m_holding = false;
    m_heldMs = m_heldFor.nsecsElapsed() / 1e6; // for the record, whatever ended the hold
    m_retry.stop();
    if (m_hold) {
        m_hold->release(m_heldBytes);
        m_hold->disconnect(this);
    }
    if (m_announced && m_log)
        m_log->removeWaiting();
    m_announced = false;
    m_heldBytes = 0;
    m_heldHead.reset();
    if (m_stream) {
        disconnect(m_stream, &QIODevice::readyRead, this, &StreamForwarder::lookAtHeldRequest);
        disconnect(m_stream, &QIODevice::readChannelFinished, this,
                   &StreamForwarder::onVisitorLeftWhileHeld);
    }
}

void StreamForwarder::answer(int status, const QString &title, const QString &detail)
{
    m_answerStatus = status;
    m_answerTitle = title;
    m_answerDetail = detail;
    // Wait for the request head, so the page suits the visitor and the log names the request.
    m_parser = std::make_unique<HttpParser>(HttpParser::Kind::Request);
    connect(m_stream, &QIODevice::readyRead, this, &StreamForwarder::sendAnswer);
    connect(m_stream, &QIODevice::readChannelFinished, this, &StreamForwarder::sendAnswer);
    sendAnswer();
}

void StreamForwarder::sendAnswer()
{
    if (!m_stream)
        return;
    bool headDone = m_stream->atReadEnd();
    while (!headDone && m_stream->bytesAvailable() > 0) {
        const QByteArray chunk = m_stream->readChunk(64 * 1024);
        const HttpParser::Step step = m_parser->feed(chunk);
        headDone = step.event != HttpParser::Event::NeedMore;
    }
    if (!headDone)
        return;
    const HttpHead &head = m_parser->head();
    m_stream->disconnect(this);
    m_stream->replyAndClose(ErrorPage::response(m_answerStatus, m_answerTitle, m_answerDetail,
                                                ErrorPage::prefersHtml(head.value("Accept"))));
    if (!head.method.isEmpty()) {
        RequestRecord record;
        record.started = RequestRecord::now().addMSecs(-qint64(m_heldMs)); // when it came
        record.durationMs = m_heldMs;
        record.method = head.method;
        record.path = head.target;
        record.status = m_answerStatus;
        record.heldMs = m_heldMs;
        record.requestHead = head;
        record.error = m_answerDetail;
        m_log->add(record);
    }
    connect(m_stream, &DuplexDevice::finished, m_stream, &QObject::deleteLater);
    m_stream = nullptr;
    deleteLater();
}
