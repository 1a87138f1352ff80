// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QtEndian>

// The yamux frame header (hashicorp/yamux spec.md): 12 bytes, big-endian.
namespace Yamux {

constexpr quint8 Version = 0;
constexpr int HeaderSize = 12;
constexpr quint32 InitialWindow = 256 * 1024;

enum class FrameType : quint8 { Data = 0, WindowUpdate = 1, Ping = 2, GoAway = 3 };

enum Flag : quint16 { Syn = 0x1, Ack = 0x2, Fin = 0x4, Rst = 0x8 };

enum class GoAwayCode : quint32 { Normal = 0, ProtocolError = 1, InternalError = 2 };

struct FrameHeader
{
    quint8 version = Version;
    FrameType type = FrameType::Data;
    quint16 flags = 0;
    quint32 streamId = 0;
    quint32 length = 0;

    bool has(Flag flag) const { return flags & flag; }

    static FrameHeader decode(const char *raw)
    {
        FrameHeader h;
        h.version = quint8(raw[0]);
        h.type = FrameType(quint8(raw[1]));
        h.flags = qFromBigEndian<quint16>(raw + 2);
        h.streamId = qFromBigEndian<quint32>(raw + 4);
        h.length = qFromBigEndian<quint32>(raw + 8);
        return h;
    }

    QByteArray encode() const
    {
        QByteArray raw(HeaderSize, Qt::Uninitialized);
        raw[0] = char(version);
        raw[1] = char(type);
        qToBigEndian<quint16>(flags, raw.data() + 2);
        qToBigEndian<quint32>(streamId, raw.data() + 4);
        qToBigEndian<quint32>(length, raw.data() + 8);
        return raw;
    }
};

} // namespace Yamux
