// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "compressed.h"

#include <brotli/encode.h>
#include <zlib.h>

namespace {

QByteArray deflateWith(const QByteArray &data, int windowBits)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace

namespace Compressed {

QByteArray gzip(const QByteArray &data)
{
    return deflateWith(data, MAX_WBITS + 16);
}

QByteArray zlib(const QByteArray &data)
{
    return deflateWith(data, MAX_WBITS);
}

QByteArray rawDeflate(const QByteArray &data)
{
    return deflateWith(data, -MAX_WBITS);
}

QByteArray brotli(const QByteArray &data)
{
    size_t size = BrotliEncoderMaxCompressedSize(size_t(data.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                          size_t(data.size()), reinterpret_cast<const uint8_t *>(data.data()),
                          &size, reinterpret_cast<uint8_t *>(out.data()));
    out.truncate(qsizetype(size));
    return out;
}

} // namespace Compressed
