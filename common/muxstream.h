// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "duplexdevice.h"
#include "frame.h"

#include <QDeadlineTimer>

class MuxSession;

// One logical stream of a MuxSession, with its own flow-control window in each direction.
// Created by MuxSession::openStream() or announced by MuxSession::streamOpened(); the session
// is its parent, the user deletes it (deleteLater) once finished() was emitted.
//
// The stream keeps its own state (as yamux's stream.go does) and makes its own frames; the
// session only routes incoming frames to it and gives it turns to send.
class MuxStream : public DuplexDevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MuxStream)

public:
    quint32 id() const { return m_id; }
    MuxSession *session() const { return m_session; }

    qint64 bytesToWrite() const override { return m_out.size(); }
    void writeChunk(const QByteArray &chunk) override;
    void closeWrite() override;
    void abort() override;

protected:
    void onConsumed(qint64 count) override;

private:
    friend class MuxSession;

    // yamux's Init and SYNReceived do not occur here: the session sends the SYN, or the ACK,
    // as it creates the stream.
    enum class State {
        SynSent, // we opened it; the peer has not acknowledged it yet
        Established,
        LocalClosed, // our FIN is sent; the peer may still send
        RemoteClosed, // the peer's FIN arrived; we may still send
        Closed, // both FINs: finished cleanly
        Reset, // RST either way, an open that was never acknowledged, or the session ended
    };

    MuxStream(quint32 id, MuxSession *session, State state);

    // For the session.
    static MuxStream *openOutgoing(quint32 id, MuxSession *session); // sends the SYN
    static MuxStream *acceptIncoming(quint32 id, MuxSession *session); // sends the ACK
    // False when the peer overran the window it was given: a protocol error.
    bool receiveFrame(const Yamux::FrameHeader &header, const QByteArray &payload);
    void sendNextFrame(qint64 maxPayload); // one Data frame, as far as the window allows
    bool isAwaitingAck() const { return !m_ackDeadline.isForever(); }
    bool isAckOverdue() const { return m_ackDeadline.hasExpired(); }
    void failUnacknowledged(); // resets a stream the peer never acknowledged
    void sessionClosed(const QString &reason);

    bool hasFrameToSend() const;
    void queueIfReady();
    void receiveFin();
    void sendReset();
    void markReset(const QString &error); // Reset state, buffers dropped, finished(error)

    quint32 m_id;
    MuxSession *m_session;
    State m_state;
    ChunkQueue m_out;
    qint64 m_sendWindow; // bytes the peer lets us send
    qint64 m_receiveWindow; // bytes we let the peer send
    qint64 m_consumed = 0; // read by our user since the last window update
    QDeadlineTimer m_ackDeadline{QDeadlineTimer::Forever}; // from our SYN to the peer's ACK
    bool m_finQueued = false; // closeWrite() was called: a FIN follows the queued data
    bool m_queuedToSend = false; // waiting in the session's round-robin queue
};
