// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"

#include <QString>

#include <optional>

// A logged request as a person reads and edits it (method, target, header lines, a body
// without chunk framing) and back, checked by the parser the tunnel itself uses; and as a curl
// command line that sends it again through the tunnel.
namespace RequestEditing {

QString headerLines(const HttpHead &head); // "Name: value", one a line, as received
// The body as the service got it, without chunk framing; nullopt when it was not kept whole.
std::optional<QByteArray> wholeBody(const RequestRecord &record);

// The request with these parts, ready for Replayer::replay(): Content-Length follows the body
// and Transfer-Encoding goes (the body is sent whole). nullopt, and *error, when it is not a
// request the tunnel would pass on.
std::optional<RequestRecord> edited(const RequestRecord &original, const QString &method,
                                    const QString &target, const QString &headerLines,
                                    const QByteArray &body, QString *error);

// `curl ...` for a POSIX shell, to `publicUrl` (the tunnel's URL; the path is the record's).
// The headers rok and curl set themselves (Host, Content-Length, X-Forwarded-*) are left out.
QString curlCommand(const RequestRecord &record, const QString &publicUrl);

// Chunked framing taken off (RFC 9112 7.1); nullopt when `framed` is not whole and well formed.
std::optional<QByteArray> dechunked(QByteArrayView framed);

} // namespace RequestEditing
