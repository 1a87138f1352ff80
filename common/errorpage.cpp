// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "errorpage.h"

namespace ErrorPage {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

bool prefersHtml(const QByteArray &acceptHeader)
{
    return acceptHeader.contains("text/html");
}

QByteArray response(int status, const QString &title, const QString &detail, bool html,
                    const QByteArray &extraHeaders)
{
    QByteArray body;
    QByteArray type;
    if (html) {
        type = "text/html; charset=utf-8";
        body = QStringLiteral(
                       "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width\">"
                       "<title>%1 %2</title><style>"
                       "body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;"
                       "padding:0 1em;color:#222}h1{font-size:1.6em}"
                       "code{background:#f2f2f2;padding:.1em .3em;border-radius:3px}"
                       ".status{color:#888}footer{margin-top:3em;color:#888;font-size:.85em}"
                       "</style></head><body><p class=\"status\">%1</p><h1>%2</h1><p>%3</p>"
                       "<footer>rok</footer></body></html>\n")
                       .arg(status)
                       .arg(title.toHtmlEscaped(), detail.toHtmlEscaped())
                       .toUtf8();
    } else {
        type = "text/plain; charset=utf-8";
        body = QStringLiteral("%1 %2\n%3\n").arg(status).arg(title, detail).toUtf8();
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + "\r\nContent-Type: " + type + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\nCache-Control: no-store\r\nServer: rok\r\n" + extraHeaders
            + "\r\n";
    return head + body;
}

} // namespace ErrorPage
