// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Fuzzes the header a cluster node reads first on each stream another node opens to it
// (ForwardedVisitor): Protocol::FrameReader with its limit, then ForwardedVisitor::fromCbor.
// The other node holds the cluster secret, but its bytes still come over a network.
//
// Input: byte 0 is the size of the pieces the rest arrives in (0: all at once). A header read
// takes no byte past its limit, names an HTTP tunnel or a TCP port (never both), a visitor
// address that parses, and reads back the same when written again.

#include "cluster/forwardedvisitor.h"
#include "fuzzsupport.h"
#include "protocol.h"

#include <cstdio>
#include <cstdlib>

#include <QBuffer>

namespace {

[[noreturn]] void violated(const char *what)
{
    fprintf(stderr, "fuzz_forwardedvisitor: invariant violated: %s\n", what);
    abort();
}

std::optional<ForwardedVisitor> readHeader(QByteArrayView bytes, qsizetype piece, qint64 *taken)
{
    using Result = Protocol::FrameReader::Result;
    QByteArray arrived;
    QBuffer device(&arrived);
    device.open(QIODevice::ReadOnly);
    Protocol::FrameReader reader(ForwardedVisitor::MaxSize);
    QCborMap map;
    Result result = Result::NeedMore;
    const qsizetype step = piece ? piece : qMax<qsizetype>(bytes.size(), 1);
    for (qsizetype at = 0; result == Result::NeedMore && at < bytes.size(); at += step) {
        arrived.append(bytes.sliced(at, qMin(step, bytes.size() - at)));
        result = reader.read(&device, &map);
    }
    *taken = device.pos();
    if (*taken > ForwardedVisitor::MaxSize)
        violated("a header read past its limit");
    return result == Result::Done ? ForwardedVisitor::fromCbor(map) : std::nullopt;
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
    qint64 taken = 0;
    const std::optional<ForwardedVisitor> visitor = readHeader(bytes, piece, &taken);
    if (!visitor)
        return 0;
    if (visitor->name.isEmpty() == (visitor->tunnelPort == 0))
        violated("a header names both a tunnel and a port, or neither");
    if (visitor->name.size() > 63)
        violated("a header names a tunnel longer than a DNS label");
    if (visitor->address().isNull())
        violated("a header's visitor address does not parse");
    const QByteArray again = visitor->toFrame();
    if (again.size() > ForwardedVisitor::MaxSize)
        return 0; // a long visitor string (an IPv6 scope); a node never writes one
    const std::optional<ForwardedVisitor> reread = readHeader(again, 0, &taken);
    if (!reread || *reread != *visitor || taken != again.size())
        violated("a header does not survive a round trip");
    return 0;
}
