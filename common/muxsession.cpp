// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "muxsession.h"

#include "logging.h"
#include "muxstream.h"

#include <QAbstractSocket>
#include <QVariant>

using namespace Yamux;

namespace {
// Frames other than Data (ACKs, RSTs, window updates) are written at once, so they can push
// the transport past TransportHighWater. At twice that we stop reading: a peer that makes us
// answer but does not read the answers cannot grow our memory. Honest peers never get here:
// data stops at TransportHighWater, and the rest is a few bytes per window or per stream.
constexpr qint64 ReadPauseMark = 2 * MuxSession::TransportHighWater;
constexpr qint64 MaxFramePayload = 64 * 1024;
constexpr char TlsHandshakeRecord = 0x16; // what a TLS client sends first (RFC 8446 §5.1)

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(duration.count() / 1000.0);
}
} // namespace

MuxSession::MuxSession(QIODevice *transport, Side side, QObject *parent)
    : MuxSession(transport, side, Options{}, parent)
{
}

MuxSession::MuxSession(QIODevice *transport, Side side, Options options, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_side(side)
    , m_options(options)
    , m_nextId(side == Side::Client ? 1 : 2)
{
    transport->setParent(this);
    connect(transport, &QIODevice::readyRead, this, &MuxSession::onReadyRead);
    connect(transport, &QIODevice::bytesWritten, this, &MuxSession::onBytesWritten);
    if (auto *socket = qobject_cast<QAbstractSocket *>(transport)) {
        socket->setReadBufferSize(4 * InitialWindow);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, QVariant(1));
        socket->setSocketOption(QAbstractSocket::KeepAliveOption, QVariant(1));
        connect(socket, &QAbstractSocket::disconnected, this, &MuxSession::onTransportEnded);
        connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] {
            // A failed TLS handshake leaves the socket "connected" for a moment: fatal all the same.
            if (socket->state() != QAbstractSocket::ConnectedState
                || socket->error() == QAbstractSocket::SslHandshakeFailedError)
                close(socket->errorString());
        });
    } else {
        connect(transport, &QIODevice::readChannelFinished, this, &MuxSession::onTransportEnded);
    }
    m_sinceLastFrame.start();
    m_sinceTransportProgress.start();
    m_keepAlive.setInterval(m_options.keepAliveInterval);
    connect(&m_keepAlive, &QTimer::timeout, this, &MuxSession::onKeepAliveTick);
    m_keepAlive.start();
    m_writeStallCheck.setSingleShot(true);
    connect(&m_writeStallCheck, &QTimer::timeout, this, &MuxSession::checkWriteStall);
    // A sweep, not a timer per stream; an overdue open fails within a quarter of the timeout.
    m_openSweep.setInterval(
            std::max(m_options.streamOpenTimeout / 4, std::chrono::milliseconds(1)));
    connect(&m_openSweep, &QTimer::timeout, this, &MuxSession::failUnacknowledgedOpens);
    m_drainLimit.setSingleShot(true);
    connect(&m_drainLimit, &QTimer::timeout, this, [this] {
        close(tr("open streams did not finish within %1 s of the goodbye")
                      .arg(seconds(std::chrono::milliseconds(m_drainLimit.interval()))));
    });
    if (transport->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &MuxSession::onReadyRead, Qt::QueuedConnection);
}

MuxSession::~MuxSession()
{
    if (m_transport)
        m_transport->disconnect(this);
    const auto streams = std::exchange(m_streams, {});
    for (MuxStream *stream : streams)
        stream->sessionClosed(tr("tunnel connection closed"));
}

MuxStream *MuxSession::openStream()
{
    if (!m_open || m_goAwaySent || m_goAwayReceived
        || m_outboundStreams >= m_options.maxOutboundStreams)
        return nullptr;
    if (m_nextId > m_options.lastStreamId) {
        qCInfo(lcMux) << "stream ids used up; closing once the open streams are done";
        closeWhenDrained();
        return nullptr;
    }
    const auto id = quint32(m_nextId);
    m_nextId += 2;
    MuxStream *stream = MuxStream::openOutgoing(id, this);
    m_streams.insert(id, stream);
    ++m_outboundStreams;
    if (!m_openSweep.isActive())
        m_openSweep.start();
    return stream;
}

void MuxSession::goAway(GoAwayCode code)
{
    if (!m_open || m_goAwaySent)
        return;
    m_goAwaySent = true;
    writeFrame({.type = FrameType::GoAway, .length = quint32(code)});
}

void MuxSession::closeWhenDrained(std::chrono::milliseconds limit)
{
    if (!m_open)
        return;
    goAway();
    if (!m_drainLimit.isActive() || limit.count() < m_drainLimit.remainingTime())
        m_drainLimit.start(limit);
    closeIfDrained();
}

void MuxSession::closeIfDrained()
{
    if (isDraining() && m_streams.isEmpty())
        close();
}

void MuxSession::close(const QString &reason)
{
    if (!m_open)
        return;
    flush(ReadPauseMark); // a last message (an error, say) must not be lost
    m_open = false;
    m_closeReason = reason;
    m_keepAlive.stop();
    m_writeStallCheck.stop();
    m_openSweep.stop();
    m_drainLimit.stop();
    const auto streams = std::exchange(m_streams, {});
    m_ready.clear();
    m_outboundStreams = 0;
    for (MuxStream *stream : streams)
        stream->sessionClosed(reason);
    if (auto *socket = qobject_cast<QAbstractSocket *>(m_transport.data())) {
        // The socket outlives the session until what is queued (a GoAway) has left.
        socket->disconnect(this);
        socket->setParent(nullptr);
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(std::chrono::seconds(5), socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->flush(); // without blocking: a process about to exit still sends its GoAway
        socket->disconnectFromHost();
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
        m_transport = nullptr;
    } else if (m_transport) {
        m_transport->close();
    }
    Q_EMIT closed(reason);
}

void MuxSession::protocolError(const QString &reason)
{
    qCWarning(lcMux) << "protocol error:" << reason;
    goAway(GoAwayCode::ProtocolError);
    close(reason);
}

bool MuxSession::isOurs(quint32 streamId) const
{
    return (streamId % 2 == 1) == (m_side == Side::Client);
}

void MuxSession::onReadyRead()
{
    while (m_open && m_transport) {
        if (m_transport->bytesToWrite() >= ReadPauseMark) {
            m_readPaused = true; // onBytesWritten() resumes
            return;
        }
        if (!m_haveHeader) {
            if (m_transport->bytesAvailable() < HeaderSize)
                return;
            char raw[HeaderSize];
            m_transport->read(raw, HeaderSize);
            m_header = FrameHeader::decode(raw);
            m_haveHeader = true;
            if (m_framesReceived == 0 && raw[0] == TlsHandshakeRecord)
                return protocolError(tr("the peer began a TLS handshake on a plain connection"));
            if (m_header.version != Version)
                return protocolError(tr("unsupported protocol version %1").arg(m_header.version));
            if (quint8(m_header.type) > quint8(FrameType::GoAway))
                return protocolError(tr("unknown frame type %1").arg(quint8(m_header.type)));
            // Checked before a payload byte is buffered: no frame may exceed a window.
            if (m_header.type == FrameType::Data && m_header.length > InitialWindow)
                return protocolError(tr("frame of %1 bytes is larger than the %2 byte window")
                                             .arg(m_header.length)
                                             .arg(InitialWindow));
        }
        QByteArray payload;
        if (m_header.type == FrameType::Data && m_header.length > 0) {
            if (m_transport->bytesAvailable() < m_header.length)
                return;
            payload = m_transport->read(m_header.length);
        }
        m_haveHeader = false;
        ++m_framesReceived;
        m_sinceLastFrame.restart();
        if (!handleFrame(m_header, payload))
            return;
    }
}

void MuxSession::onTransportEnded()
{
    if (m_open)
        m_endedByPeer = true;
    close(tr("connection lost"));
}

void MuxSession::onBytesWritten()
{
    m_sinceTransportProgress.restart();
    flush();
    if (m_readPaused && m_transport && m_transport->bytesToWrite() < ReadPauseMark) {
        m_readPaused = false;
        onReadyRead(); // readyRead will not come again for bytes already buffered
    }
}

bool MuxSession::handleFrame(const FrameHeader &header, const QByteArray &payload)
{
    switch (header.type) {
    case FrameType::Ping:
        handlePing(header);
        return true;
    case FrameType::GoAway:
        m_goAwayReceived = true;
        Q_EMIT goAwayReceived(GoAwayCode(header.length));
        return m_open;
    case FrameType::Data:
    case FrameType::WindowUpdate:
        return handleStreamFrame(header, payload);
    }
    return true;
}

bool MuxSession::handleStreamFrame(const FrameHeader &header, const QByteArray &payload)
{
    const quint32 id = header.streamId;
    if (id == 0) {
        protocolError(tr("stream frame on stream 0"));
        return false;
    }
    QPointer<MuxStream> stream = m_streams.value(id);
    if (header.has(Syn)) {
        if (stream || isOurs(id)) {
            protocolError(tr("invalid stream id %1").arg(id));
            return false;
        }
        if (m_goAwaySent || m_streams.size() >= m_options.maxStreams) {
            writeFrame({.type = FrameType::WindowUpdate, .flags = Rst, .streamId = id});
            return true;
        }
        stream = MuxStream::acceptIncoming(id, this);
        m_streams.insert(id, stream);
        Q_EMIT streamOpened(stream);
        if (!stream || !m_open)
            return m_open;
    }
    if (!stream)
        return true; // a frame for a stream that already ended: in flight, harmless
    if (!stream->receiveFrame(header, payload)) {
        protocolError(tr("stream %1 sent more than its window").arg(id));
        return false;
    }
    return m_open;
}

void MuxSession::handlePing(const FrameHeader &header)
{
    if (header.has(Syn)) {
        // A peer that pings faster than it reads gets one answer, to its latest ping, once
        // it reads again (hashicorp/yamux drops answers that do not fit its send queue).
        if (m_transport && m_transport->bytesToWrite() < TransportHighWater)
            writeFrame({.type = FrameType::Ping, .flags = Ack, .length = header.length});
        else
            m_pendingPingReply = header.length;
    } else if (header.has(Ack) && header.length == m_pingId && m_pingSent.isValid()) {
        m_rttMs = m_pingSent.elapsed();
    }
}

void MuxSession::onKeepAliveTick()
{
    if (m_sinceLastFrame.elapsed() > m_options.deadPeerTimeout.count()) {
        close(tr("no answer from the peer for %1 s").arg(seconds(m_options.deadPeerTimeout)));
        return;
    }
    m_pingSent.start();
    writeFrame({.type = FrameType::Ping, .flags = Syn, .length = ++m_pingId});
}

void MuxSession::writeFrame(const FrameHeader &header, const QByteArray &payload)
{
    if (!m_open || !m_transport)
        return;
    m_transport->write(header.encode());
    if (!payload.isEmpty())
        m_transport->write(payload);
    if (!m_writeStallCheck.isActive() && m_transport->bytesToWrite() >= TransportHighWater) {
        m_sinceTransportProgress.restart();
        m_writeStallCheck.start(m_options.writeTimeout);
    }
}

void MuxSession::checkWriteStall()
{
    if (!m_open || !m_transport || m_transport->bytesToWrite() < TransportHighWater)
        return; // it drained; writeFrame() watches again when it fills up
    const auto quiet = std::chrono::milliseconds(m_sinceTransportProgress.elapsed());
    if (quiet < m_options.writeTimeout) {
        m_writeStallCheck.start(m_options.writeTimeout - quiet);
        return;
    }
    qCInfo(lcMux) << "dropping a peer that stopped reading";
    close(tr("the peer stopped reading for %1 s").arg(seconds(m_options.writeTimeout)));
}

void MuxSession::failUnacknowledgedOpens()
{
    QList<QPointer<MuxStream>> overdue;
    bool waiting = false;
    for (MuxStream *stream : std::as_const(m_streams)) {
        if (stream->isAckOverdue())
            overdue.append(stream);
        else
            waiting = waiting || stream->isAwaitingAck();
    }
    if (!waiting)
        m_openSweep.stop();
    for (const QPointer<MuxStream> &stream : std::as_const(overdue)) {
        if (stream && m_open)
            stream->failUnacknowledged();
    }
}

void MuxSession::queueForSending(MuxStream *stream)
{
    m_ready.push_back(stream->id());
    scheduleFlush();
}

void MuxSession::streamEnded(MuxStream *stream)
{
    if (m_streams.value(stream->id()) != stream)
        return;
    m_streams.remove(stream->id());
    if (isOurs(stream->id()))
        --m_outboundStreams;
    if (isDraining() && m_streams.isEmpty()) // not from inside the stream's own call
        QMetaObject::invokeMethod(this, &MuxSession::closeIfDrained, Qt::QueuedConnection);
}

void MuxSession::scheduleFlush()
{
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(
            this, [this] { flush(); }, Qt::QueuedConnection);
}

void MuxSession::flush(qint64 bound)
{
    m_flushQueued = false;
    if (!m_open || !m_transport || m_transport->bytesToWrite() >= bound)
        return;
    if (const auto ping = std::exchange(m_pendingPingReply, std::nullopt))
        writeFrame({.type = FrameType::Ping, .flags = Ack, .length = *ping});
    while (m_open && m_transport && !m_ready.empty() && m_transport->bytesToWrite() < bound) {
        MuxStream *stream = m_streams.value(m_ready.front());
        m_ready.pop_front();
        if (stream)
            stream->sendNextFrame(MaxFramePayload); // queues itself again if it has more
    }
}
