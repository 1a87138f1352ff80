// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "frame.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <deque>
#include <limits>
#include <optional>

class MuxStream;

// Many streams over one connection, following the yamux specification
// (hashicorp/yamux spec.md). The transport is any connected QIODevice, usually a QTcpSocket;
// its read buffer must hold at least one frame (Yamux::InitialWindow + header).
//
// The session reads and routes frames and gives streams turns to send; each MuxStream keeps
// its own state and makes its own frames. Every frame counts against one bound on what waits
// in the transport, so a peer that sends without reading cannot grow our memory, and one that
// reads nothing for writeTimeout is dropped.
class MuxSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MuxSession)

public:
    enum class Side { Client, Server }; // clients open odd stream ids, servers even ones

    // Data frames leave only while less than this waits in the transport's write buffer.
    static constexpr qint64 TransportHighWater = 512 * 1024;

    struct Options
    {
        std::chrono::milliseconds keepAliveInterval{10'000};
        std::chrono::milliseconds deadPeerTimeout{30'000};
        // TransportHighWater bytes waited this long and the peer read none of them: drop it
        // (hashicorp/yamux's ConnectionWriteTimeout).
        std::chrono::milliseconds writeTimeout{10'000};
        // An openStream() the peer has not acknowledged by then fails and is reset.
        std::chrono::milliseconds streamOpenTimeout{10'000};
        // How long closeWhenDrained() waits for open streams unless told otherwise.
        std::chrono::milliseconds drainTimeout{10'000};
        int maxStreams = 4096; // open at once, both ways; a SYN beyond it is reset
        int maxOutboundStreams = 1000; // open at once through openStream()
        // Ids are never reused: after this one, openStream() says GoAway and drains.
        quint32 lastStreamId = std::numeric_limits<quint32>::max();
    };

    MuxSession(QIODevice *transport, Side side, QObject *parent = nullptr);
    MuxSession(QIODevice *transport, Side side, Options options, QObject *parent = nullptr);
    ~MuxSession() override;

    // nullptr once closed or draining, after a GoAway either way, or at maxOutboundStreams.
    MuxStream *openStream();
    void goAway(Yamux::GoAwayCode code = Yamux::GoAwayCode::Normal);
    // Says GoAway, lets the open streams finish, and closes once none is left, or at `limit`
    // with an error. Streams still get every byte queued for them, then their FIN.
    void closeWhenDrained(std::chrono::milliseconds limit);
    void closeWhenDrained() { closeWhenDrained(m_options.drainTimeout); }
    void close(const QString &reason = {});

    bool isOpen() const { return m_open; }
    bool isDraining() const { return m_drainLimit.isActive(); }
    int streamCount() const { return int(m_streams.size()); }
    int outboundStreamCount() const { return m_outboundStreams; }
    const Options &options() const { return m_options; }
    QString closeReason() const { return m_closeReason; }
    qint64 lastRoundTripMs() const { return m_rttMs; }
    qint64 framesReceived() const { return m_framesReceived; }
    bool endedByPeer() const { return m_endedByPeer; } // the transport ended, not us

Q_SIGNALS:
    void streamOpened(MuxStream *stream); // the peer opened a stream
    void goAwayReceived(Yamux::GoAwayCode code);
    void closed(const QString &reason); // empty reason: closed cleanly

private:
    // A stream writes its frames, asks for a turn to send data, and says when it has ended.
    friend class MuxStream;
    void writeFrame(const Yamux::FrameHeader &header, const QByteArray &payload = {});
    void queueForSending(MuxStream *stream);
    void streamEnded(MuxStream *stream);

    void onReadyRead();
    void onTransportEnded();
    void onBytesWritten();
    bool handleFrame(const Yamux::FrameHeader &header, const QByteArray &payload);
    bool handleStreamFrame(const Yamux::FrameHeader &header, const QByteArray &payload);
    void handlePing(const Yamux::FrameHeader &header);
    void onKeepAliveTick();
    void checkWriteStall();
    void failUnacknowledgedOpens();
    void closeIfDrained();
    void protocolError(const QString &reason);
    bool isOurs(quint32 streamId) const;
    void flush(qint64 bound = TransportHighWater);
    void scheduleFlush();

    QPointer<QIODevice> m_transport;
    Side m_side;
    Options m_options;
    QHash<quint32, MuxStream *> m_streams;
    std::deque<quint32> m_ready; // streams with data and window, served round-robin
    quint64 m_nextId; // 64 bits: running past lastStreamId must not wrap around
    int m_outboundStreams = 0;
    bool m_open = true;
    bool m_goAwaySent = false;
    bool m_goAwayReceived = false;
    bool m_flushQueued = false;
    bool m_readPaused = false; // too much waits to be sent: answer nothing more for now
    QString m_closeReason;
    qint64 m_framesReceived = 0;
    bool m_endedByPeer = false;

    bool m_haveHeader = false;
    Yamux::FrameHeader m_header;

    QTimer m_keepAlive;
    QElapsedTimer m_sinceLastFrame;
    QElapsedTimer m_pingSent;
    quint32 m_pingId = 0;
    qint64 m_rttMs = -1;
    std::optional<quint32> m_pendingPingReply; // only the latest, while the transport is full

    QTimer m_writeStallCheck; // runs while the transport holds TransportHighWater or more
    QElapsedTimer m_sinceTransportProgress; // since it last wrote bytes, or filled up
    QTimer m_openSweep; // runs while opened streams wait for their ACK
    QTimer m_drainLimit;
};
