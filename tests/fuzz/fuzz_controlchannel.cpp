// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Fuzzes ControlChannel with the bytes a peer sends on the control stream, and every message it
// decodes through the readers rok applies to control messages; then the same bytes as the start
// of a visitor stream, through VisitorHeader::Reader.
//
// Input: byte 0 is the size of the pieces the rest is fed in (0: all at once). Every decoded
// message is read by readMessage() and sent back; what was sent must be read back by a second
// channel as the same number of messages, and no message may follow a failure.

#include "controlchannel.h"
#include "controlmessages.h"
#include "fuzzsupport.h"

#include <cstdio>
#include <cstdlib>

#include <QBuffer>
#include <QCborMap>
#include <QCborValue>

namespace {

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_controlchannel: invariant violated: %s\n", what);
    abort();
}

// A message read as T, written and read again, is the same T: what a peer sends cannot make
// rok write something it would read differently.
template <typename T>
T readTwice(const QCborMap &message, const char *what)
{
    const T once = T::fromCbor(message);
    if (T::fromCbor(once.toCbor()) != once)
        violated(what);
    return once;
}

// Every message goes through every reader rok has, whatever its "type": the readers must cope
// with any map. Integers go through Protocol::integer(): QCborValue::toInteger() casts a double
// beyond qint64, undefined behaviour that this target found (regressions/fuzz_controlchannel/).
void readMessage(const QCborMap &message)
{
    [[maybe_unused]] const QString type = Protocol::messageType(message);
    const auto hello = readTwice<Protocol::Hello>(message, "Hello does not survive a round trip");
    const auto open = readTwice<Protocol::Open>(message, "Open does not survive a round trip");
    readTwice<Protocol::Opened>(message, "Opened does not survive a round trip");
    const auto error = readTwice<Protocol::Error>(message, "Error does not survive a round trip");
    if (Protocol::errorCodeFromName(Protocol::errorCodeName(error.code)) != error.code)
        violated("an error code does not survive its name");
    [[maybe_unused]] const bool fatal = Protocol::isFatal(error.code);
    if (Protocol::authProof(open.resume, hello.nonce, open.proof).size() != 32)
        violated("an HMAC-SHA256 proof is not 32 bytes");
}

// A header read takes no byte past the header, names a tunnel, and reads back the same when
// written again.
Protocol::VisitorHeader::Reader::Result readHeader(QByteArrayView bytes, qsizetype piece,
                                                   Protocol::VisitorHeader *header, qint64 *taken)
{
    using Result = Protocol::VisitorHeader::Reader::Result;
    QByteArray arrived;
    QBuffer device(&arrived);
    device.open(QIODevice::ReadOnly);
    Protocol::VisitorHeader::Reader reader;
    Result result = Result::NeedMore;
    for (qsizetype at = 0; result == Result::NeedMore && at < bytes.size();
         at += piece ? piece : bytes.size()) {
        arrived.append(bytes.sliced(at, qMin(piece ? piece : bytes.size(), bytes.size() - at)));
        result = reader.read(&device, header);
    }
    *taken = device.pos();
    return result;
}

void readVisitorHeader(QByteArrayView bytes, qsizetype piece)
{
    using Result = Protocol::VisitorHeader::Reader::Result;
    Protocol::VisitorHeader header;
    qint64 taken = 0;
    if (readHeader(bytes, piece, &header, &taken) != Result::Done)
        return;
    if (header.tunnel < 1 || header.visitor.size() > 64)
        violated("a visitor header without a tunnel, or with a long visitor");
    if (taken > Protocol::VisitorHeader::MaxSize)
        violated("a visitor header read past its limit");
    const QByteArray again = header.toFrame();
    Protocol::VisitorHeader reread;
    if (readHeader(again, 0, &reread, &taken) != Result::Done || reread != header
        || taken != again.size())
        violated("a visitor header does not survive a round trip");
}

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
    const qsizetype piece = data[0];
    const QByteArrayView bytes(data + 1, qsizetype(size - 1));

    FuzzDevice device(true); // keeps what the channel sends back
    ControlChannel channel(&device);
    int sentBack = 0;
    bool failed = false;
    QObject::connect(&channel, &ControlChannel::messageReceived, [&](const QCborMap &message) {
        if (failed)
            violated("a message after failed()");
        readMessage(message);
        // Re-encoding may grow a message (a half float becomes a double): only what fits
        // the limit has to come back.
        if (message.toCborValue().toCbor().size() <= Protocol::MaxMessageSize) {
            channel.send(message);
            ++sentBack;
        }
    });
    QObject::connect(&channel, &ControlChannel::failed, [&] {
        if (failed)
            violated("failed() twice");
        failed = true;
    });
    for (qsizetype at = 0; at < bytes.size(); at += piece ? piece : bytes.size())
        device.feed(bytes.sliced(at, qMin(piece ? piece : bytes.size(), bytes.size() - at)));
    settle();

    FuzzDevice echo;
    ControlChannel reader(&echo);
    int readBack = 0;
    QObject::connect(&reader, &ControlChannel::messageReceived, [&] { ++readBack; });
    QObject::connect(&reader, &ControlChannel::failed,
                     [] { violated("a message the channel sent cannot be read back"); });
    echo.feed(device.written());
    settle();
    if (readBack != sentBack)
        violated("not every message sent was read back");
    readVisitorHeader(bytes, piece);
    return 0;
}
