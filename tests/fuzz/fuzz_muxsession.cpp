// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Fuzzes MuxSession with the bytes a peer sends on the transport.
//
// Input: byte 0 chooses the session's side (bit 0: 0 server, 1 client). The bytes after it are
// the peer's yamux frames, fed in pieces; between pieces the event loop runs and the streams the
// session announced are used. The size of each piece and what is done in each round (SessionOp,
// StreamOp) come from the end of the input: FuzzedDataProvider takes integers from the back
// (make_corpus.py lays its seeds out that way). At the end every stream is read, written and
// closed, the peer's end of data closes the session, and every stream must have finished.

#include "fuzzsupport.h"
#include "muxsession.h"
#include "muxstream.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <bit>
#include <cstdio>
#include <cstdlib>

#include <QList>
#include <QPointer>

namespace {

enum SessionOp : quint8 {
    HoldReads = 0x01, // streams are not read this round: the peer may overrun their window
    OpenStream = 0x02,
    GoAway = 0x04,
    Close = 0x08,
    ReadThroughQIODevice = 0x10, // read() instead of readChunk()
    Repeat = 0x20, // the round's piece arrives 80 times: inputs are small, windows are not
};

constexpr int Repeats = 80;

enum StreamOp : quint8 {
    WriteSmall = 0x01,
    WriteLarge = 0x02, // more than a frame; a few of these exceed the peer's window
    CloseWrite = 0x04,
    Abort = 0x08,
    ReplyAndClose = 0x10,
};

constexpr int MaxLargeWriters = 4; // streams per round that may write large: bounds memory

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_muxsession: invariant violated: %s\n", what);
    abort();
}

class Run
{
public:
    explicit Run(MuxSession::Side side)
        : m_transport(new FuzzDevice)
        , m_session(new MuxSession(m_transport, side)) // owns the transport
    {
        QObject::connect(m_session, &MuxSession::streamOpened, m_session,
                         [this](MuxStream *stream) { track(stream); });
    }

    ~Run() { delete m_session; }

    void feed(QByteArrayView bytes)
    {
        m_transport->feed(bytes);
        settle();
    }

    void act(quint8 sessionOps, quint8 streamOps)
    {
        m_holdReads = sessionOps & HoldReads;
        m_readThroughQIODevice = sessionOps & ReadThroughQIODevice;
        if (sessionOps & OpenStream) {
            if (MuxStream *stream = m_session->openStream())
                track(stream);
        }
        if (sessionOps & GoAway)
            m_session->goAway();
        int largeWriters = 0;
        const auto streams = liveStreams();
        for (qsizetype i = 0; i < streams.size(); ++i) {
            MuxStream *stream = streams.at(i);
            const quint8 ops = std::rotl(streamOps, int(i % 8));
            if (!m_holdReads)
                drain(stream);
            if (ops & WriteSmall)
                stream->write(QByteArray(64, 's'));
            if ((ops & WriteLarge) && largeWriters++ < MaxLargeWriters)
                stream->writeChunk(QByteArray(100 * 1024, 'L'));
            if (ops & CloseWrite)
                stream->closeWrite();
            if (ops & ReplyAndClose)
                stream->replyAndClose("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
            if (ops & Abort)
                stream->abort();
        }
        if (sessionOps & Close)
            m_session->close(QStringLiteral("closed by the fuzzer"));
        settle();
    }

    // What a well-behaved user does at the end, then the peer goes away.
    void finish()
    {
        m_holdReads = false;
        for (MuxStream *stream : liveStreams()) {
            drain(stream);
            stream->write("bye");
            stream->closeWrite();
        }
        settle();
        m_transport->end();
        settle();
        if (m_session->isOpen())
            violated("the session is open after its transport ended");
        if (m_session->openStream())
            violated("openStream() on a closed session returned a stream");
        if (!liveStreams().isEmpty())
            violated("a stream did not finish when its session closed");
    }

private:
    void track(MuxStream *stream)
    {
        m_streams.append(stream);
        QObject::connect(stream, &DuplexDevice::finished, stream, &QObject::deleteLater);
        QObject::connect(stream, &QIODevice::readyRead, stream, [this, stream] {
            if (!m_holdReads)
                drain(stream);
        });
    }

    QList<MuxStream *> liveStreams()
    {
        QList<MuxStream *> live;
        m_streams.removeIf([](const QPointer<MuxStream> &stream) { return stream.isNull(); });
        for (const QPointer<MuxStream> &stream : std::as_const(m_streams))
            live.append(stream);
        return live;
    }

    void drain(MuxStream *stream)
    {
        char buffer[4096];
        while (stream->bytesAvailable() > 0) {
            if (m_readThroughQIODevice) {
                if (stream->read(buffer, sizeof buffer) <= 0)
                    violated("read() returned nothing with bytesAvailable() > 0");
            } else if (stream->readChunk(64 * 1024).isEmpty()) {
                violated("readChunk() returned nothing with bytesAvailable() > 0");
            }
        }
    }

    FuzzDevice *m_transport;
    MuxSession *m_session;
    QList<QPointer<MuxStream>> m_streams;
    bool m_holdReads = false;
    bool m_readThroughQIODevice = false;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***argv)
{
    initializeQt((*argv)[0]);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const auto side = (data[0] & 1) ? MuxSession::Side::Client : MuxSession::Side::Server;
    FuzzedDataProvider input(data + 1, size - 1);
    {
        Run run(side);
        while (input.remaining_bytes() > 0) {
            const auto piece = input.ConsumeIntegral<quint16>(); // 0: all that is left
            const auto sessionOps = input.ConsumeIntegral<quint8>();
            const auto streamOps = input.ConsumeIntegral<quint8>();
            const std::vector<char> bytes =
                    input.ConsumeBytes<char>(piece ? piece : input.remaining_bytes());
            for (int i = 0; i < ((sessionOps & Repeat) ? Repeats : 1); ++i)
                run.feed(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
            run.act(sessionOps, streamOps);
        }
        run.finish();
    }
    settle();
    return 0;
}
