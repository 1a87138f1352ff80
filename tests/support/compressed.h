// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>

// Bodies as servers compress them, for the tests of the decoding: zlib's and brotli's own
// encoders, so that the decoder is checked against the real formats.
namespace Compressed {

QByteArray gzip(const QByteArray &data);
QByteArray zlib(const QByteArray &data); // "deflate" as RFC 9110 means it
QByteArray rawDeflate(const QByteArray &data); // "deflate" as some servers send it
QByteArray brotli(const QByteArray &data);

} // namespace Compressed
