#pragma once

#include <QByteArray>
#include <QString>

// A complete HTTP/1.1 error response ending with "Connection: close": a small HTML page for
// browsers (Accept names text/html), plain text for curl and scripts.
namespace ErrorPage {

QByteArray response(int status, const QString &title, const QString &detail, bool html);
bool prefersHtml(const QByteArray &acceptHeader);
QByteArray reasonPhrase(int status);

} // namespace ErrorPage
