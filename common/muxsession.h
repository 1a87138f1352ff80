#pragma once

#include "frame.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <deque>

class MuxStream;

// Many streams over one connection, following the yamux specification
// (hashicorp/yamux spec.md). The transport is any connected QIODevice, usually a QTcpSocket;
// its read buffer must hold at least one frame (Yamux::InitialWindow + header).
class MuxSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MuxSession)

public:
    enum class Side { Client, Server }; // clients open odd stream ids, servers even ones

    struct Options
    {
        std::chrono::milliseconds keepAliveInterval{10'000};
        std::chrono::milliseconds deadPeerTimeout{30'000};
        int maxStreams = 4096;
    };

    MuxSession(QIODevice *transport, Side side, QObject *parent = nullptr);
    MuxSession(QIODevice *transport, Side side, Options options, QObject *parent = nullptr);
    ~MuxSession() override;

    MuxStream *openStream(); // nullptr once closed or after a GoAway
    void goAway(Yamux::GoAwayCode code = Yamux::GoAwayCode::Normal);
    void close(const QString &reason = {});

    bool isOpen() const { return m_open; }
    int streamCount() const { return int(m_streams.size()); }
    QString closeReason() const { return m_closeReason; }
    qint64 lastRoundTripMs() const { return m_rttMs; }

Q_SIGNALS:
    void streamOpened(MuxStream *stream); // the peer opened a stream
    void goAwayReceived(Yamux::GoAwayCode code);
    void closed(const QString &reason); // empty reason: closed cleanly

private:
    friend class MuxStream;

    void onReadyRead();
    bool handleFrame(const Yamux::FrameHeader &header, const QByteArray &payload);
    bool handleStreamFrame(const Yamux::FrameHeader &header, const QByteArray &payload);
    void handlePing(const Yamux::FrameHeader &header);
    void onKeepAliveTick();
    void protocolError(const QString &reason);

    void sendFrame(Yamux::FrameType type, quint16 flags, quint32 streamId, quint32 length,
                   const QByteArray &payload = {});
    enum class Flush { UpToHighWater, Everything };
    void scheduleFlush(MuxStream *stream);
    void flush(Flush mode = Flush::UpToHighWater);
    void forget(MuxStream *stream);

    QPointer<QIODevice> m_transport;
    Side m_side;
    Options m_options;
    QHash<quint32, MuxStream *> m_streams;
    std::deque<quint32> m_ready; // streams with data and window, served round-robin
    quint32 m_nextId;
    bool m_open = true;
    bool m_goAwaySent = false;
    bool m_goAwayReceived = false;
    bool m_flushQueued = false;
    QString m_closeReason;

    bool m_haveHeader = false;
    Yamux::FrameHeader m_header;

    QTimer m_keepAlive;
    QElapsedTimer m_sinceLastFrame;
    QElapsedTimer m_pingSent;
    quint32 m_pingId = 0;
    qint64 m_rttMs = -1;
};
