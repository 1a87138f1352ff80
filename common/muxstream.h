#pragma once

#include "duplexdevice.h"

class MuxSession;

// One logical stream of a MuxSession, with its own flow-control window in each direction.
// Created by MuxSession::openStream() or announced by MuxSession::streamOpened(); the session
// is its parent, the user deletes it (deleteLater) once finished() was emitted.
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
    MuxStream(quint32 id, MuxSession *session);

    // Called by the session.
    bool receive(const QByteArray &payload); // false: the peer overran our window
    void receiveFin();
    void receiveReset();
    void grantSendWindow(quint32 delta) { m_sendWindow += delta; }
    bool wantsToSend() const;
    void sessionClosed(const QString &reason);

    quint32 m_id;
    MuxSession *m_session;
    ChunkQueue m_out;
    qint64 m_sendWindow; // bytes the peer lets us send
    qint64 m_receiveWindow; // bytes we let the peer send
    qint64 m_consumed = 0; // read by our user since the last window update
    bool m_finQueued = false;
    bool m_finSent = false;
    bool m_inReadyQueue = false;
};
