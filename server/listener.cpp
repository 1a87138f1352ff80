// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "listener.h"

#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// A socket address for `address`; Any becomes the IPv6 wildcard (dual-stack).
socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *out)
{
    *out = {};
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address != QHostAddress::Any) {
        auto *in4 = reinterpret_cast<sockaddr_in *>(out);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(v4);
        return sizeof *in4;
    }
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(out);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    if (address != QHostAddress::Any) {
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &raw, sizeof raw);
        in6->sin6_scope_id = address.scopeId().toUInt();
    }
    return sizeof *in6;
}

} // namespace

Listener::Listener(QObject *parent)
    : QObject(parent)
{
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] {
        if (m_notifier)
            m_notifier->setEnabled(true);
    });
}

Listener::~Listener()
{
    close();
}

bool Listener::listen(const QHostAddress &address, quint16 port)
{
    close();
    sockaddr_storage where;
    socklen_t length = toSockaddr(address, port, &where);
    int fd = ::socket(where.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 && address == QHostAddress::Any) { // no IPv6 on this machine: IPv4 only
        length = toSockaddr(QHostAddress(QHostAddress::AnyIPv4), port, &where);
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    }
    if (fd < 0) {
        m_error = errnoText(errno);
        return false;
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (where.ss_family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, address == QHostAddress::Any ? &zero : &one,
                     sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&where), length) != 0
        || ::listen(fd, SOMAXCONN) != 0) {
        m_error = errnoText(errno);
        ::close(fd);
        return false;
    }
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    m_port = bound.ss_family == AF_INET6
            ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
            : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    m_fd = fd;
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Listener::onReadable);
    return true;
}

void Listener::close()
{
    m_resume.stop();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void Listener::onReadable()
{
    while (m_fd >= 0) {
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            Q_EMIT accepted(fd);
            continue;
        }
        switch (errno) {
        case EAGAIN:
            return;
        case EINTR:
        case ECONNABORTED: // the visitor left before we took it; Linux also passes on
        case EPROTO: // errors of the new connection itself: the next one may be fine
        case ENETDOWN:
        case ENOPROTOOPT:
        case EHOSTDOWN:
        case ENONET:
        case EHOSTUNREACH:
        case EOPNOTSUPP:
        case ENETUNREACH:
            continue;
        default: // EMFILE, ENFILE, ENOBUFS, ENOMEM: nothing to gain by trying at once
            pauseAfterError(errno);
            return;
        }
    }
}

void Listener::pauseAfterError(int error)
{
    if (!m_lastError.isValid() || m_lastError.elapsed() > 2 * MaxPause.count())
        m_pause = FirstPause; // a new burst
    m_lastError.start();
    m_notifier->setEnabled(false);
    m_resume.start(m_pause);
    m_pause = std::min(m_pause * 2, MaxPause);
    Q_EMIT acceptFailed(errnoText(error));
}
