// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tcpconnection.h"

#include <QSocketNotifier>
#include <QTimerEvent>

#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr qint64 ReadChunkSize = 64 * 1024;

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

TcpConnection::TcpConnection(QObject *parent)
    : DuplexDevice(parent)
{
}

TcpConnection::TcpConnection(qintptr descriptor, QObject *parent)
    : DuplexDevice(parent)
{
    adopt(int(descriptor));
}

TcpConnection::~TcpConnection()
{
    closeSocket();
}

QList<QHostAddress> TcpConnection::resolveLocal(const QString &host)
{
    if (host.isEmpty() || host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return {QHostAddress(QHostAddress::LocalHostIPv6), QHostAddress(QHostAddress::LocalHost)};
    QHostAddress address;
    if (address.setAddress(host))
        return {address};
    return {};
}

void TcpConnection::adopt(int fd)
{
    m_fd = fd;
    setNonBlocking(fd);
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0) {
        m_peerAddress.setAddress(reinterpret_cast<sockaddr *>(&peer));
        m_peerPort = peer.ss_family == AF_INET6
                ? ntohs(reinterpret_cast<sockaddr_in6 *>(&peer)->sin6_port)
                : ntohs(reinterpret_cast<sockaddr_in *>(&peer)->sin_port);
    }
    open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TcpConnection::onReadable);
    m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TcpConnection::onWritable);
}

void TcpConnection::connectTo(const QList<QHostAddress> &addresses, quint16 port)
{
    m_candidates = addresses;
    m_peerPort = port;
    if (m_candidates.isEmpty())
        m_lastConnectError = tr("no address to connect to");
    tryNextAddress();
}

void TcpConnection::tryNextAddress()
{
    while (!m_candidates.isEmpty()) {
        m_peerAddress = m_candidates.takeFirst();
        sockaddr_storage target{};
        socklen_t length = 0;
        if (m_peerAddress.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&target);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(m_peerPort);
            const Q_IPV6ADDR raw = m_peerAddress.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &raw, sizeof raw);
            length = sizeof *in6;
        } else {
            auto *in4 = reinterpret_cast<sockaddr_in *>(&target);
            in4->sin_family = AF_INET;
            in4->sin_port = htons(m_peerPort);
            in4->sin_addr.s_addr = htonl(m_peerAddress.toIPv4Address());
            length = sizeof *in4;
        }
        const int fd = ::socket(target.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0) {
            m_lastConnectError = errnoText(errno);
            continue;
        }
        if (::connect(fd, reinterpret_cast<sockaddr *>(&target), length) == 0
            || errno == EINPROGRESS) {
            m_fd = fd;
            m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this,
                    &TcpConnection::onConnectWritable);
            return;
        }
        m_lastConnectError = errnoText(errno);
        ::close(fd);
    }
    Q_EMIT connectFailed(m_lastConnectError);
}

void TcpConnection::onConnectWritable()
{
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (error != 0) {
        m_lastConnectError = errnoText(error);
        ::close(m_fd);
        m_fd = -1;
        tryNextAddress();
        return;
    }
    const int fd = m_fd;
    adopt(fd);
    Q_EMIT connected();
}

void TcpConnection::onReadable()
{
    while (m_fd >= 0 && m_in.size() < ReadBufferSize && !m_readEnded) {
        const qint64 room = qMin(ReadChunkSize, ReadBufferSize - m_in.size()); // an exact cap
        QByteArray chunk(room, Qt::Uninitialized);
        const ssize_t n = ::recv(m_fd, chunk.data(), size_t(chunk.size()), 0);
        if (n > 0) {
            chunk.truncate(qsizetype(n));
            if (n < ReadChunkSize / 4)
                chunk.squeeze(); // the buffer cap counts bytes: small reads must not pin 64 KiB
            m_in.append(chunk);
            if (n < room)
                break;
            continue;
        }
        if (n == 0) {
            m_readEnded = true;
            break;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            break;
        fail(errno);
        return;
    }
    if (m_readNotifier)
        m_readNotifier->setEnabled(!m_readEnded && m_in.size() < ReadBufferSize);
    if (!m_in.isEmpty())
        Q_EMIT readyRead();
    if (m_readEnded && m_fd >= 0) {
        Q_EMIT readChannelFinished();
        checkFinished();
    }
}

void TcpConnection::onConsumed(qint64)
{
    if (m_readNotifier && !m_readEnded && m_in.size() < ReadBufferSize)
        m_readNotifier->setEnabled(true);
}

void TcpConnection::writeChunk(const QByteArray &chunk)
{
    if (m_fd < 0 || m_writeClosing || chunk.isEmpty())
        return;
    const bool wasIdle = m_out.isEmpty();
    m_out.append(chunk);
    if (wasIdle)
        flushOut(); // most writes go straight to the kernel
}

bool TcpConnection::flushOut()
{
    bool progress = false;
    while (!m_out.isEmpty()) {
        const QByteArrayView view = m_out.front();
        const ssize_t n = ::send(m_fd, view.data(), size_t(view.size()), MSG_NOSIGNAL);
        if (n >= 0) {
            m_out.drop(n);
            progress |= n > 0;
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            break;
        fail(errno);
        return false;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(!m_out.isEmpty());
    if (m_out.isEmpty())
        m_sendTimer.stop();
    else if (m_sendTimeout.count() > 0 && (progress || !m_sendTimer.isActive()))
        startSendTimer();
    if (m_out.isEmpty() && m_writeClosing && !m_writeClosed) {
        ::shutdown(m_fd, SHUT_WR);
        m_writeClosed = true;
        checkFinished();
    }
    return true;
}

void TcpConnection::onWritable()
{
    const qint64 before = m_out.size();
    if (!flushOut())
        return;
    if (before > m_out.size())
        Q_EMIT bytesWritten(before - m_out.size());
}

void TcpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_sendTimer.timerId())
        return DuplexDevice::timerEvent(event);
    // Our queue did not move, but the kernel's may have: with a send buffer of megabytes the
    // socket reports room only after a large part of it drained, and a slow reader is a reader.
    if (kernelQueued() < m_kernelQueued) {
        startSendTimer();
        return;
    }
    m_sendTimer.stop();
    const auto seconds = std::chrono::duration<double>(m_sendTimeout).count();
    // A reset, not a close: a FIN would queue behind the data the peer is not reading, and the
    // kernel would keep buffering for a socket nobody owns any more.
    setErrorString(tr("the peer read nothing for %1 s").arg(seconds));
    const QString reason = errorString();
    resetSocket();
    m_in.clear();
    m_out.clear();
    m_readEnded = true;
    Q_EMIT sendTimedOut();
    finish(reason);
}

void TcpConnection::startSendTimer()
{
    m_kernelQueued = kernelQueued();
    m_sendTimer.start(int(qMin<qint64>(m_sendTimeout.count(), INT_MAX)), this);
}

int TcpConnection::kernelQueued() const
{
    int queued = 0;
    if (m_fd < 0 || ::ioctl(m_fd, SIOCOUTQ, &queued) != 0)
        return 0;
    return queued;
}

void TcpConnection::closeWrite()
{
    if (m_fd < 0 || m_writeClosing)
        return;
    m_writeClosing = true;
    flushOut();
}

void TcpConnection::abort()
{
    resetSocket();
    m_in.clear();
    m_out.clear();
    finish(tr("connection reset"));
}

void TcpConnection::resetSocket()
{
    if (m_fd >= 0) {
        const linger reset{1, 0}; // close with RST: the peer must not mistake this for a clean end
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    }
    closeSocket();
}

void TcpConnection::checkFinished()
{
    if (m_readEnded && m_writeClosed)
        finish();
}

void TcpConnection::fail(int error)
{
    closeSocket();
    m_out.clear();
    m_readEnded = true;
    finish(errnoText(error));
}

void TcpConnection::closeSocket()
{
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}
