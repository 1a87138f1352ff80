// Fuzzes ControlChannel with the bytes a peer sends on the control stream, and every message it
// decodes through the readers rok applies to control messages.
//
// Input: byte 0 is the size of the pieces the rest is fed in (0: all at once). Every decoded
// message is read by readMessage() and sent back; what was sent must be read back by a second
// channel as the same number of messages, and no message may follow a failure.

#include "controlchannel.h"
#include "fuzzsupport.h"
#include "protocol.h"

#include <cstdio>
#include <cstdlib>

#include <QCborMap>
#include <QCborValue>

namespace {

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_controlchannel: invariant violated: %s\n", what);
    abort();
}

// Everything a rok program reads from a control message. When protocol.h gets typed messages
// (a fromCbor() per message), call each of them here. Integers go through Protocol::integer():
// QCborValue::toInteger() casts a double beyond qint64, undefined behaviour that this target
// found (regressions/fuzz_controlchannel/).
void readMessage(const QCborMap &message)
{
    [[maybe_unused]] const qint64 version =
            Protocol::integer(message.value(QStringLiteral("version")), -1);
    [[maybe_unused]] const qint64 port =
            Protocol::integer(message.value(QStringLiteral("port")), 0);
    [[maybe_unused]] const QString type = message.value(QStringLiteral("type")).toString();
    const Protocol::ErrorCode code =
            Protocol::errorCodeFromName(message.value(QStringLiteral("code")).toString());
    if (Protocol::errorCodeFromName(Protocol::errorCodeName(code)) != code)
        violated("an error code does not survive its name");
    [[maybe_unused]] const bool fatal = Protocol::isFatal(code);
    [[maybe_unused]] const QString name =
            message.value(QStringLiteral("name")).toString().toLower();
    const QByteArray nonce = message.value(QStringLiteral("nonce")).toByteArray();
    const QByteArray token = message.value(QStringLiteral("resume")).toByteArray();
    if (Protocol::authProof(token, nonce).size() != 32)
        violated("an HMAC-SHA256 proof is not 32 bytes");
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
    return 0;
}
