// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "portpool.h"

#include "listener.h"
#include "serverconfig.h"

#include <QRandomGenerator>

PortPool::PortPool(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_ports(config.reservation)
{
}

Listener *PortPool::open(quint16 requested, const QByteArray &resumeKey, QObject *owner,
                         QString *error)
{
    if (requested != 0) {
        Q_EMIT wanted(requested);
        return tryBind(requested, resumeKey, owner, error);
    }
    // Start at a random place in the range so ports are not handed out in order.
    const int span = m_config.tcpPortTo - m_config.tcpPortFrom + 1;
    const int start = int(QRandomGenerator::global()->bounded(span));
    for (int i = 0; i < span; ++i) {
        const quint16 port = quint16(m_config.tcpPortFrom + (start + i) % span);
        if (m_ports.owner(QString::number(port)) || m_ports.isReserved(QString::number(port)))
            continue;
        QString ignored;
        if (Listener *listener = tryBind(port, resumeKey, owner, &ignored))
            return listener;
    }
    *error = tr("no free port left in %1-%2").arg(m_config.tcpPortFrom).arg(m_config.tcpPortTo);
    return nullptr;
}

Listener *PortPool::tryBind(quint16 port, const QByteArray &resumeKey, QObject *owner,
                            QString *error)
{
    if (!m_config.isTcpTunnelPort(port)) {
        *error = tr("port %1 is outside this server's TCP range %2-%3")
                         .arg(port)
                         .arg(m_config.tcpPortFrom)
                         .arg(m_config.tcpPortTo);
        return nullptr;
    }
    const auto claim = m_ports.claim(QString::number(port), resumeKey, owner);
    if (claim.status != TunnelRegistry::Status::Ok) {
        *error = tr("port %1 is in use by another tunnel").arg(port);
        return nullptr;
    }
    auto *listener = new Listener(owner);
    if (!listener->listen(m_config.bind, port)) {
        *error = tr("cannot listen on port %1: %2").arg(port).arg(listener->errorString());
        delete listener;
        m_ports.release(QString::number(port));
        return nullptr;
    }
    Q_EMIT opened(listener);
    return listener;
}

void PortPool::release(quint16 port)
{
    m_ports.release(QString::number(port));
}

QObject *PortPool::owner(quint16 port) const
{
    return m_ports.owner(QString::number(port));
}
