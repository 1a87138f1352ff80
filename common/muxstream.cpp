#include "muxstream.h"

#include "muxsession.h"

using namespace Yamux;

MuxStream::MuxStream(quint32 id, MuxSession *session)
    : DuplexDevice(session)
    , m_id(id)
    , m_session(session)
    , m_sendWindow(InitialWindow)
    , m_receiveWindow(InitialWindow)
{
    open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void MuxStream::writeChunk(const QByteArray &chunk)
{
    if (isFinished() || m_finQueued || chunk.isEmpty())
        return;
    m_out.append(chunk);
    m_session->scheduleFlush(this);
}

void MuxStream::closeWrite()
{
    if (isFinished() || m_finQueued)
        return;
    m_finQueued = true;
    m_session->scheduleFlush(this);
}

void MuxStream::abort()
{
    if (isFinished())
        return;
    if (m_session->isOpen())
        m_session->sendFrame(FrameType::WindowUpdate, Rst, m_id, 0);
    m_in.clear();
    m_out.clear();
    m_readEnded = true;
    m_session->forget(this);
    finish(tr("stream reset"));
}

void MuxStream::onConsumed(qint64 count)
{
    m_consumed += count;
    // Like yamux, grant new window in steps of half a window, not per read.
    if (m_consumed < qint64(InitialWindow / 2) || m_readEnded || isFinished()
        || !m_session->isOpen())
        return;
    m_session->sendFrame(FrameType::WindowUpdate, 0, m_id, quint32(m_consumed));
    m_receiveWindow += m_consumed;
    m_consumed = 0;
}

bool MuxStream::receive(const QByteArray &payload)
{
    if (payload.size() > m_receiveWindow)
        return false;
    if (m_readEnded)
        return true; // data after FIN or reset: drop it
    m_receiveWindow -= payload.size();
    appendIncoming(payload);
    return true;
}

void MuxStream::receiveFin()
{
    endIncoming();
    if (m_finSent) {
        m_session->forget(this);
        finish();
    }
}

void MuxStream::receiveReset()
{
    m_in.clear();
    m_out.clear();
    m_readEnded = true;
    m_session->forget(this);
    finish(tr("stream reset by peer"));
}

bool MuxStream::wantsToSend() const
{
    if (isFinished())
        return false;
    if (!m_out.isEmpty())
        return m_sendWindow > 0;
    return m_finQueued && !m_finSent;
}

void MuxStream::sessionClosed(const QString &reason)
{
    m_out.clear();
    m_readEnded = true;
    finish(reason.isEmpty() ? tr("tunnel connection closed") : reason);
}
