// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QString>

// A complete HTTP/1.1 error response ending with "Connection: close": a small HTML page for
// browsers (Accept names text/html), plain text for curl and scripts.
namespace ErrorPage {

// extraHeaders: complete lines, such as "Retry-After: 5\r\n"
QByteArray response(int status, const QString &title, const QString &detail, bool html,
                    const QByteArray &extraHeaders = {});
bool prefersHtml(const QByteArray &acceptHeader);
QByteArray reasonPhrase(int status);

} // namespace ErrorPage
