// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "httpvisit.h"

#include "testhttpservice.h"

#include <QHostAddress>

HttpVisit::HttpVisit(quint16 port, const QByteArray &host, const QByteArray &method,
                     const QByteArray &path, qint64 uploadSize, QObject *parent)
    : QObject(parent)
    , m_port(port)
    , m_host(host)
    , m_method(method)
    , m_path(path)
    , m_uploadLeft(uploadSize)
{
    connect(&m_socket, &QTcpSocket::connected, this, &HttpVisit::onConnected);
    connect(&m_socket, &QTcpSocket::bytesWritten, this, &HttpVisit::pumpUpload);
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpVisit::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        onReadyRead();
        if (m_parser.finish().event == HttpParser::Event::MessageComplete)
            finish();
        else
            finish(QStringLiteral("connection closed before the response ended"));
    });
}

void HttpVisit::start()
{
    m_parser.expectResponseTo(m_method);
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
}

void HttpVisit::onConnected()
{
    QByteArray request = m_method + ' ' + m_path + " HTTP/1.1\r\nHost: " + m_host
            + "\r\nUser-Agent: rok-test\r\n" + m_extra;
    if (m_uploadLeft > 0)
        request += "Content-Length: " + QByteArray::number(m_uploadLeft) + "\r\n";
    request += "\r\n";
    m_socket.write(request);
    pumpUpload();
}

void HttpVisit::pumpUpload()
{
    while (m_uploadLeft > 0 && m_socket.bytesToWrite() < 256 * 1024) {
        const qint64 n = qMin<qint64>(m_uploadLeft, 64 * 1024);
        m_socket.write(TestHttpService::pattern(m_uploadOffset, n));
        m_uploadOffset += n;
        m_uploadLeft -= n;
    }
}

void HttpVisit::onReadyRead()
{
    while (!m_done && m_socket.bytesAvailable() > 0) {
        const QByteArray data = m_socket.read(m_readChunk > 0 ? m_readChunk : 1024 * 1024);
        QByteArrayView rest(data);
        while (!m_done && (!rest.isEmpty() || m_parser.hasPendingEvent())) {
            const HttpParser::Step step = m_parser.feed(rest);
            const QByteArrayView consumed = rest.first(step.consumed);
            rest = rest.sliced(step.consumed);
            switch (step.event) {
            case HttpParser::Event::HeadComplete:
                m_head = m_parser.head();
                m_status = m_head.status;
                break;
            case HttpParser::Event::NeedMore:
            case HttpParser::Event::MessageComplete:
                if (m_status != 0) {
                    m_bodySize += consumed.size();
                    m_hash.addData(consumed);
                    if (m_body.size() < 1024 * 1024)
                        m_body += consumed;
                }
                if (step.event == HttpParser::Event::MessageComplete)
                    finish();
                break;
            case HttpParser::Event::Error:
                finish(m_parser.errorString());
                break;
            case HttpParser::Event::AwaitingSwitch: // a request parser's event, never a response's
                finish(QStringLiteral("unexpected AwaitingSwitch from a response parser"));
                break;
            }
        }
        if (m_readChunk > 0)
            break; // a slow reader: one chunk per readyRead
    }
}

void HttpVisit::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = error;
    Q_EMIT done();
}
