#include "muxsession.h"

#include "logging.h"
#include "muxstream.h"

#include <QAbstractSocket>
#include <QVariant>

using namespace Yamux;

namespace {
// Stop feeding the transport while this much is waiting in its write buffer: memory stays
// bounded and streams share the link by taking turns rather than by queueing.
constexpr qint64 TransportHighWater = 512 * 1024;
constexpr qint64 MaxFramePayload = 64 * 1024;
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
    connect(transport, &QIODevice::bytesWritten, this, [this] { flush(); });
    if (auto *socket = qobject_cast<QAbstractSocket *>(transport)) {
        socket->setReadBufferSize(4 * InitialWindow);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, QVariant(1));
        socket->setSocketOption(QAbstractSocket::KeepAliveOption, QVariant(1));
        connect(socket, &QAbstractSocket::disconnected, this,
                [this] { close(tr("connection lost")); });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] {
            if (socket->state() != QAbstractSocket::ConnectedState)
                close(socket->errorString());
        });
    } else {
        connect(transport, &QIODevice::readChannelFinished, this,
                [this] { close(tr("connection lost")); });
    }
    m_sinceLastFrame.start();
    m_keepAlive.setInterval(m_options.keepAliveInterval);
    connect(&m_keepAlive, &QTimer::timeout, this, &MuxSession::onKeepAliveTick);
    m_keepAlive.start();
    if (transport->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &MuxSession::onReadyRead, Qt::QueuedConnection);
}

MuxSession::~MuxSession()
{
    if (m_transport)
        m_transport->disconnect(this);
    for (MuxStream *stream : std::as_const(m_streams))
        stream->sessionClosed(tr("tunnel connection closed"));
}

MuxStream *MuxSession::openStream()
{
    if (!m_open || m_goAwaySent || m_goAwayReceived)
        return nullptr;
    const quint32 id = m_nextId;
    m_nextId += 2;
    auto *stream = new MuxStream(id, this);
    m_streams.insert(id, stream);
    sendFrame(FrameType::WindowUpdate, Syn, id, 0);
    return stream;
}

void MuxSession::goAway(GoAwayCode code)
{
    if (!m_open || m_goAwaySent)
        return;
    m_goAwaySent = true;
    sendFrame(FrameType::GoAway, 0, 0, quint32(code));
}

void MuxSession::close(const QString &reason)
{
    if (!m_open)
        return;
    flush(Flush::Everything); // a last message (an error, say) must not be lost
    m_open = false;
    m_closeReason = reason;
    m_keepAlive.stop();
    const auto streams = std::exchange(m_streams, {});
    m_ready.clear();
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

void MuxSession::onReadyRead()
{
    while (m_open && m_transport) {
        if (!m_haveHeader) {
            if (m_transport->bytesAvailable() < HeaderSize)
                return;
            char raw[HeaderSize];
            m_transport->read(raw, HeaderSize);
            m_header = FrameHeader::decode(raw);
            m_haveHeader = true;
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
        m_sinceLastFrame.restart();
        if (!handleFrame(m_header, payload))
            return;
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
    bool opened = false;
    if (header.has(Syn)) {
        const bool peerIsClient = (id % 2) == 1;
        if (stream || peerIsClient != (m_side == Side::Server)) {
            protocolError(tr("invalid stream id %1").arg(id));
            return false;
        }
        if (m_goAwaySent || m_streams.size() >= m_options.maxStreams) {
            sendFrame(FrameType::WindowUpdate, Rst, id, 0);
            return true;
        }
        stream = new MuxStream(id, this);
        m_streams.insert(id, stream);
        sendFrame(FrameType::WindowUpdate, Ack, id, 0);
        opened = true;
    }
    if (!stream)
        return true; // a frame for a stream that already ended: in flight, harmless
    if (opened)
        Q_EMIT streamOpened(stream);
    if (!stream || !m_open)
        return m_open;

    if (header.type == FrameType::WindowUpdate) {
        if (header.length > 0) {
            stream->grantSendWindow(header.length);
            scheduleFlush(stream);
        }
    } else if (!payload.isEmpty() && !stream->receive(payload)) {
        protocolError(tr("stream %1 sent more than its window").arg(id));
        return false;
    }
    if (stream && header.has(Fin))
        stream->receiveFin();
    if (stream && header.has(Rst))
        stream->receiveReset();
    return m_open;
}

void MuxSession::handlePing(const FrameHeader &header)
{
    if (header.has(Syn))
        sendFrame(FrameType::Ping, Ack, 0, header.length);
    else if (header.has(Ack) && header.length == m_pingId && m_pingSent.isValid())
        m_rttMs = m_pingSent.elapsed();
}

void MuxSession::onKeepAliveTick()
{
    if (m_sinceLastFrame.elapsed() > m_options.deadPeerTimeout.count()) {
        const auto seconds =
                std::chrono::duration_cast<std::chrono::seconds>(m_options.deadPeerTimeout);
        close(tr("no answer from the peer for %1 s").arg(seconds.count()));
        return;
    }
    m_pingSent.start();
    sendFrame(FrameType::Ping, Syn, 0, ++m_pingId);
}

void MuxSession::sendFrame(FrameType type, quint16 flags, quint32 streamId, quint32 length,
                           const QByteArray &payload)
{
    if (!m_transport)
        return;
    FrameHeader header;
    header.type = type;
    header.flags = flags;
    header.streamId = streamId;
    header.length = length;
    m_transport->write(header.encode());
    if (!payload.isEmpty())
        m_transport->write(payload);
}

void MuxSession::scheduleFlush(MuxStream *stream)
{
    if (!stream->m_inReadyQueue && stream->wantsToSend()) {
        stream->m_inReadyQueue = true;
        m_ready.push_back(stream->id());
    }
    if (!m_flushQueued && !m_ready.empty()) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(
                this, [this] { flush(); }, Qt::QueuedConnection);
    }
}

void MuxSession::flush(Flush mode)
{
    m_flushQueued = false;
    while (m_open && m_transport && !m_ready.empty()
           && (mode == Flush::Everything || m_transport->bytesToWrite() < TransportHighWater)) {
        QPointer<MuxStream> stream = m_streams.value(m_ready.front());
        m_ready.pop_front();
        if (!stream)
            continue;
        stream->m_inReadyQueue = false;
        if (!stream->wantsToSend())
            continue;
        const QByteArray payload = stream->m_out.take(qMin(stream->m_sendWindow, MaxFramePayload));
        quint16 flags = 0;
        if (stream->m_out.isEmpty() && stream->m_finQueued) {
            flags |= Fin;
            stream->m_finSent = true;
        }
        stream->m_sendWindow -= payload.size();
        sendFrame(FrameType::Data, flags, stream->id(), quint32(payload.size()), payload);
        if (!payload.isEmpty())
            Q_EMIT stream->bytesWritten(payload.size());
        if (!stream)
            continue;
        if (stream->m_finSent && stream->m_readEnded) {
            forget(stream);
            stream->finish();
        } else {
            scheduleFlush(stream);
        }
    }
}

void MuxSession::forget(MuxStream *stream)
{
    m_streams.remove(stream->id());
}
