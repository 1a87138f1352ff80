// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "testhttpservice.h"

#include "compressed.h"
#include "httpparser.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace {

class Connection : public QObject
{
public:
    explicit Connection(QTcpSocket *socket)
        : QObject(socket)
        , m_socket(socket)
    {
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pumpDownload);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onReadyRead()
    {
        m_input += m_socket->readAll();
        process();
    }

    // Parses requests from m_input while no response is in progress; pipelined requests
    // wait in m_input until the one before them has been answered.
    void process()
    {
        while (!m_busy && (!m_input.isEmpty() || m_parser.hasPendingEvent())) {
            const HttpParser::Step step = m_parser.feed(m_input);
            const QByteArrayView consumed = QByteArrayView(m_input).first(step.consumed);
            if (step.event == HttpParser::Event::Error) {
                m_socket->abort();
                return;
            }
            if (step.event == HttpParser::Event::AwaitingSwitch) {
                m_parser.stayHttp(); // this service answers every upgrade with a plain response
                continue;
            }
            if (step.event == HttpParser::Event::HeadComplete) {
                m_head = m_parser.head();
                m_hash.reset();
            } else if (m_head.method == "POST") {
                m_hash.addData(consumed); // body bytes (identity encoding in these tests)
            }
            m_input.remove(0, step.consumed);
            if (step.event == HttpParser::Event::MessageComplete)
                respond();
        }
    }

    void respond()
    {
        const QByteArray target = m_head.target;
        if (target.startsWith("/bytes/")) {
            m_downloadLeft = target.mid(7).toLongLong();
            m_downloadOffset = 0;
            send(200, QByteArray(), m_downloadLeft);
            m_busy = true;
            pumpDownload();
            return;
        }
        if (target.startsWith("/delay/")) {
            m_busy = true;
            QTimer::singleShot(target.mid(7).toInt(), this, [this] {
                m_busy = false;
                send(200, "late\n");
                resume();
            });
            return;
        }
        if (target == "/headers")
            send(200, m_head.serialize());
        else if (target == "/sha256" && m_head.method == "POST")
            send(200, m_hash.result().toHex() + '\n');
        else if (target == "/")
            send(200, TestHttpService::Page);
        else if (target.startsWith("/gzip-json"))
            send(200, Compressed::gzip(TestHttpService::GzipJson), -1,
                 "application/json\r\nContent-Encoding: gzip");
        else
            send(404, "not here\n");
    }

    void send(int status, const QByteArray &body, qint64 length = -1,
              const QByteArray &type = "text/plain")
    {
        const bool close = m_head.hasToken("Connection", "close");
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status)
                + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + QByteArray::number(length < 0 ? body.size() : length)
                + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        m_socket->write(head + (m_head.method == "HEAD" ? QByteArray() : body));
        if (close && length < 0)
            m_socket->disconnectFromHost();
    }

    void pumpDownload()
    {
        if (m_downloadLeft <= 0)
            return;
        while (m_downloadLeft > 0 && m_socket->bytesToWrite() < 256 * 1024) {
            const qint64 n = qMin<qint64>(m_downloadLeft, 64 * 1024);
            m_socket->write(TestHttpService::pattern(m_downloadOffset, n));
            m_downloadOffset += n;
            m_downloadLeft -= n;
        }
        if (m_downloadLeft == 0) {
            if (m_head.hasToken("Connection", "close"))
                m_socket->disconnectFromHost();
            m_busy = false;
            resume();
        }
    }

    void resume() { QTimer::singleShot(0, this, &Connection::process); }

    QTcpSocket *m_socket;
    HttpParser m_parser{HttpParser::Kind::Request};
    HttpHead m_head;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QByteArray m_input;
    qint64 m_downloadLeft = 0;
    qint64 m_downloadOffset = 0;
    bool m_busy = false;
};

} // namespace

TestHttpService::TestHttpService(QObject *parent)
    : QTcpServer(parent)
{
}

QByteArray TestHttpService::pattern(qint64 offset, qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i) {
        const qint64 at = offset + i;
        data[i] = char((at * 31 + at / 4093) & 0xff);
    }
    return data;
}

void TestHttpService::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(descriptor);
    ++m_accepted;
    new Connection(socket);
}
