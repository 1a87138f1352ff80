// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "frame.h"

// A yamux frame as raw bytes, for tests that play a misbehaving peer. `length` is what the
// header claims; it need not match the payload.
inline QByteArray rawFrame(Yamux::FrameType type, quint16 flags, quint32 id, quint32 length,
                           const QByteArray &payload = {})
{
    Yamux::FrameHeader header;
    header.type = type;
    header.flags = flags;
    header.streamId = id;
    header.length = length;
    return header.encode() + payload;
}
