// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QWebSocket>
#include <QWebSocketServer>

// RFC 6455 spoken by hand for a visitor whose Host header the test chooses (QWebSocket sends
// its own, and NAME.localhost does not resolve outside browsers and curl), and an echo service.
namespace WebSocketTalk {

// The RFC's example key, whose accept value a correct handshake returns.
constexpr const char *AcceptKey = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

inline QByteArray upgradeRequest(const QByteArray &host)
{
    return "GET /chat HTTP/1.1\r\nHost: " + host
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

inline const QByteArray Mask = "\x12\x34\x56\x78";

// A text frame from a client (masked, as RFC 6455 5.3 requires), under 126 bytes.
inline QByteArray maskedText(const QByteArray &text)
{
    QByteArray frame = "\x81" + QByteArray(1, char(0x80 | text.size())) + Mask;
    for (qsizetype i = 0; i < text.size(); ++i)
        frame += char(text[i] ^ Mask[i % 4]);
    return frame;
}

// A text frame from a server (unmasked), under 126 bytes.
inline QByteArray text(const QByteArray &text)
{
    return "\x81" + QByteArray(1, char(text.size())) + text;
}

inline QByteArray maskedClose()
{
    return "\x88\x80" + Mask;
}

// Answers every text message with "echo: " and the message.
class EchoServer : public QWebSocketServer
{
public:
    EchoServer()
        : QWebSocketServer(QStringLiteral("echo"), QWebSocketServer::NonSecureMode)
    {
        connect(this, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *peer = nextPendingConnection();
            peer->setParent(this);
            connect(peer, &QWebSocket::textMessageReceived, peer, [peer](const QString &message) {
                peer->sendTextMessage(QStringLiteral("echo: ") + message);
            });
        });
    }
};

} // namespace WebSocketTalk
