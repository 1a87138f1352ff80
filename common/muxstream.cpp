// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "muxstream.h"

#include "muxsession.h"

#include <QPointer>

using namespace Yamux;

MuxStream::MuxStream(quint32 id, MuxSession *session, State state)
    : DuplexDevice(session)
    , m_id(id)
    , m_session(session)
    , m_state(state)
    , m_sendWindow(InitialWindow)
    , m_receiveWindow(InitialWindow)
{
    QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

MuxStream *MuxStream::openOutgoing(quint32 id, MuxSession *session)
{
    auto *stream = new MuxStream(id, session, State::SynSent);
    stream->m_ackDeadline.setRemainingTime(session->options().streamOpenTimeout);
    session->writeFrame({.type = FrameType::WindowUpdate, .flags = Syn, .streamId = id});
    return stream;
}

MuxStream *MuxStream::acceptIncoming(quint32 id, MuxSession *session)
{
    auto *stream = new MuxStream(id, session, State::Established);
    session->writeFrame({.type = FrameType::WindowUpdate, .flags = Ack, .streamId = id});
    return stream;
}

void MuxStream::writeChunk(const QByteArray &chunk)
{
    if (isFinished() || m_finQueued || chunk.isEmpty())
        return;
    m_out.append(chunk);
    queueIfReady();
}

void MuxStream::closeWrite()
{
    if (isFinished() || m_finQueued)
        return;
    m_finQueued = true;
    queueIfReady();
}

void MuxStream::abort()
{
    if (isFinished())
        return;
    sendReset();
    m_session->streamEnded(this);
    markReset(tr("stream reset"));
}

void MuxStream::onConsumed(qint64 count)
{
    m_consumed += count;
    // Like yamux, grant new window in steps of half a window, not per read.
    if (m_consumed < qint64(InitialWindow / 2) || m_readEnded)
        return;
    m_session->writeFrame(
            {.type = FrameType::WindowUpdate, .streamId = m_id, .length = quint32(m_consumed)});
    m_receiveWindow += m_consumed;
    m_consumed = 0;
}

bool MuxStream::receiveFrame(const FrameHeader &header, const QByteArray &payload)
{
    if (header.has(Ack)) {
        m_ackDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        if (m_state == State::SynSent)
            m_state = State::Established;
    }
    QPointer<MuxStream> self(this);
    if (header.type == FrameType::WindowUpdate) {
        m_sendWindow += header.length;
        queueIfReady();
    } else if (payload.size() > m_receiveWindow) {
        return false;
    } else if (!payload.isEmpty()) {
        m_receiveWindow -= payload.size();
        if (!m_readEnded) // data after FIN: drop it
            appendIncoming(payload); // the reader may react at once, even abort
    }
    // The payload first: a FIN in the same frame ends the data, it does not precede it.
    if (!self || isFinished())
        return true;
    if (header.has(Fin))
        receiveFin();
    if (self && !isFinished() && header.has(Rst)) {
        m_session->streamEnded(this);
        markReset(tr("stream reset by peer"));
    }
    return true;
}

void MuxStream::receiveFin()
{
    switch (m_state) {
    case State::SynSent:
    case State::Established:
        m_state = State::RemoteClosed;
        endIncoming();
        break;
    case State::LocalClosed: {
        m_state = State::Closed;
        QPointer<MuxStream> self(this);
        endIncoming();
        if (self && !isFinished()) {
            m_session->streamEnded(this);
            finish();
        }
        break;
    }
    case State::RemoteClosed:
    case State::Closed:
    case State::Reset:
        break; // a repeated FIN changes nothing
    }
}

bool MuxStream::hasFrameToSend() const
{
    if (isFinished())
        return false;
    if (!m_out.isEmpty())
        return m_sendWindow > 0;
    return m_finQueued && m_state != State::LocalClosed && m_state != State::Closed;
}

void MuxStream::queueIfReady()
{
    if (m_queuedToSend || !hasFrameToSend())
        return;
    m_queuedToSend = true;
    m_session->queueForSending(this);
}

void MuxStream::sendNextFrame(qint64 maxPayload)
{
    m_queuedToSend = false;
    if (!hasFrameToSend())
        return;
    const QByteArray payload = m_out.take(qMin(m_sendWindow, maxPayload));
    m_sendWindow -= payload.size();
    const bool fin = m_finQueued && m_out.isEmpty();
    m_session->writeFrame({.type = FrameType::Data,
                           .flags = fin ? quint16(Fin) : quint16(0),
                           .streamId = m_id,
                           .length = quint32(payload.size())},
                          payload);
    if (fin)
        m_state = m_state == State::RemoteClosed ? State::Closed : State::LocalClosed;
    QPointer<MuxStream> self(this);
    if (!payload.isEmpty())
        Q_EMIT bytesWritten(payload.size());
    if (!self || isFinished())
        return;
    if (m_state == State::Closed) {
        m_session->streamEnded(this);
        finish();
        return;
    }
    queueIfReady();
}

void MuxStream::failUnacknowledged()
{
    const double seconds = m_session->options().streamOpenTimeout.count() / 1000.0;
    sendReset(); // should the ACK still come, the peer learns the stream is gone
    m_session->streamEnded(this);
    markReset(tr("the peer did not accept the stream within %1 s").arg(seconds));
}

void MuxStream::sessionClosed(const QString &reason)
{
    markReset(reason.isEmpty() ? tr("tunnel connection closed") : reason);
}

void MuxStream::sendReset()
{
    m_session->writeFrame({.type = FrameType::WindowUpdate, .flags = Rst, .streamId = m_id});
}

void MuxStream::markReset(const QString &error)
{
    m_state = State::Reset;
    m_in.clear();
    m_out.clear();
    m_readEnded = true;
    finish(error);
}
