// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "remoteports.h"

#include "cluster.h"
#include "endpoint.h"
#include "listener.h"
#include "metrics.h"
#include "muxstream.h"
#include "nodelinks.h"
#include "portpool.h"
#include "serverconfig.h"
#include "splice.h"
#include "tcpconnection.h"
#include "tunnel.h"
#include "visitorgate.h"

#include <QJsonObject>
#include <QPointer>
#include <QSet>

RemotePorts::RemotePorts(const ServerConfig &config, Cluster &cluster, PortPool &ports,
                         VisitorGate &visitors, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_cluster(cluster)
    , m_ports(ports)
    , m_visitors(visitors)
{
    m_poll.setInterval(config.leaseTtl / 3);
    connect(&m_poll, &QTimer::timeout, this, &RemotePorts::poll);
}

RemotePorts::~RemotePorts() = default;

void RemotePorts::start()
{
    m_poll.start();
}

void RemotePorts::poll()
{
    // Now and then in full, whatever the version says: a restarted Redis counts from 0 again.
    const QByteArray known = ++m_polls % FullLookEvery == 0 ? QByteArray() : m_version;
    m_cluster.leases().findPorts(
            known, [self = QPointer(this)](const std::optional<LeaseStore::Ports> &ports) {
                if (!self || !ports) // without Redis, the ports stay as they were
                    return;
                self->m_version = ports->version;
                if (ports->held)
                    self->m_held = *ports->held;
                // Unchanged too: a port given up for a claim that failed, or one that could not
                // be bound, is listened on again.
                self->update(self->m_held);
            });
}

void RemotePorts::update(const QList<LeaseStore::Port> &held)
{
    QSet<quint16> elsewhere;
    for (const LeaseStore::Port &each : held) {
        if (each.holder.node != m_cluster.node() && m_config.isTcpTunnelPort(each.port))
            elsewhere.insert(each.port);
    }
    for (const quint16 port : m_listeners.keys()) {
        if (!elsewhere.contains(port))
            closeListener(port);
    }
    const Clock::time_point now = Clock::now();
    m_unbindable.removeIf([&](const auto &failed) {
        return !elsewhere.contains(failed.key()) || now - failed.value() >= BindAgainAfter;
    });
    for (const quint16 port : std::as_const(elsewhere)) {
        if (m_listeners.contains(port) || m_unbindable.contains(port))
            continue;
        auto *listener = new Listener(this);
        if (!listener->listen(m_config.bind, port)) {
            m_unbindable.insert(port, now); // a tunnel of ours has it, or another program
            delete listener;
            continue;
        }
        connect(listener, &Listener::accepted, this,
                [this, port](qintptr descriptor) { onVisitor(port, descriptor); });
        m_listeners.insert(port, listener);
        Q_EMIT opened(listener);
    }
}

void RemotePorts::yield(quint16 port)
{
    // The tunnel binds it right after this; if its claim is refused, the next update()
    // listens again.
    closeListener(port);
}

void RemotePorts::closeListener(quint16 port)
{
    if (Listener *listener = m_listeners.take(port)) {
        listener->close();
        listener->deleteLater();
    }
}

void RemotePorts::onVisitor(quint16 port, qintptr descriptor)
{
    auto *visitor = new TcpConnection(descriptor, this);
    const QString url = m_config.tcpUrl(port);
    if (!m_visitors.admit(visitor, VisitorGate::Kind::Tcp, url)) {
        visitor->abort(); // a TCP visitor has no page to read: a reset says it at once
        delete visitor;
        return;
    }
    visitor->setSendTimeout(m_config.sendTimeout);
    // What it sends meanwhile waits in its socket's bounded buffer. A port this node has taken
    // meanwhile is served here.
    m_cluster.forward(
            Cluster::portKey(port), visitor,
            [this, visitor = QPointer(visitor), port, url](MuxStream *stream,
                                                           Cluster::Route route) {
                if (route == Cluster::Route::Here && visitor && !visitor->hasFailed()) {
                    // The client came back through this node while the visitor waited.
                    if (Tunnel *tunnel = Tunnel::holding(m_ports, port)) {
                        tunnel->serveTcpVisitor(visitor, visitor->peerAddress(),
                                                visitor->peerPort());
                        return;
                    }
                }
                if (!visitor || !stream || visitor->hasFailed()) {
                    if (stream) {
                        stream->abort();
                        stream->deleteLater();
                    }
                    if (!visitor)
                        return;
                    if (!stream)
                        refuse(visitor, url, route);
                    visitor->abort();
                    visitor->deleteLater();
                    return;
                }
                m_visitors.metrics().countForwarded(true);
                const ForwardedVisitor header{
                        .visitor = Endpoint::toString(visitor->peerAddress(), visitor->peerPort()),
                        .tunnelPort = port};
                stream->writeChunk(header.toFrame());
                visitor->setParent(nullptr);
                (new Splice(visitor, stream, this))->start();
            });
}

void RemotePorts::refuse(TcpConnection *visitor, const QString &url, Cluster::Route route)
{
    const QString address = visitor->peerAddress().toString();
    QString reason = QStringLiteral("no_tunnel");
    QString why = tr("no tunnel holds the port any more");
    if (route == Cluster::Route::NodeUnreachable) {
        reason = QStringLiteral("node_unreachable");
        why = tr("the node that holds its tunnel cannot be reached");
    } else if (route == Cluster::Route::RedisUnreachable) {
        reason = QStringLiteral("redis_unreachable");
        why = tr("the cluster's Redis cannot be reached to find its node");
    }
    m_visitors.refuse({{QStringLiteral("visitor"), address},
                       {QStringLiteral("url"), url},
                       {QStringLiteral("reason"), reason}},
                      tr("refused a visitor of %1 from %2: %3").arg(url, address, why));
}
