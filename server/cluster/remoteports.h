// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

#include "cluster.h"
#include "leasestore.h"

class Listener;
class PortPool;
class TcpConnection;
class VisitorGate;
struct ServerConfig;

// The TCP ports other nodes' tunnels hold, listened on here too, so that a TCP visitor may
// reach any node (a balancer over the port range, or a DNS name with every node's address):
// this node hands the visitor to the holder over their link, as it does an HTTP visitor.
// Which ports those are comes from Redis every TTL/3 (one GET while nothing changes). A port this node cannot bind (one of its
// own tunnels has it, it is outside this node's --tcp-ports) is left alone, and tried again
// after a while.
class RemotePorts : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemotePorts)

public:
    static constexpr std::chrono::seconds BindAgainAfter{10};
    static constexpr int FullLookEvery = 10; // polls

    RemotePorts(const ServerConfig &config, Cluster &cluster, PortPool &ports,
                VisitorGate &visitors, QObject *parent = nullptr);
    ~RemotePorts() override;

    void start();
    // The TCP ports other nodes hold now: listen on those that are new, stop on those gone.
    void update(const QList<LeaseStore::Port> &held);
    void yield(quint16 port); // a client here asks for it: its tunnel binds it, not us
    qsizetype count() const { return m_listeners.size(); } // ports listened on

Q_SIGNALS:
    void opened(Listener *listener); // to watch its accept errors

private:
    void poll();
    void onVisitor(quint16 port, qintptr descriptor);
    void refuse(TcpConnection *visitor, const QString &url, Cluster::Route route); // logs it
    void closeListener(quint16 port);

    using Clock = std::chrono::steady_clock;
    const ServerConfig &m_config;
    Cluster &m_cluster;
    PortPool &m_ports; // this node's own tunnels' ports
    VisitorGate &m_visitors;
    QHash<quint16, Listener *> m_listeners;
    QHash<quint16, Clock::time_point> m_unbindable; // when a bind failed
    QTimer m_poll;
    QByteArray m_version; // of rok:ports, as last read
    QList<LeaseStore::Port> m_held; // as last read
    int m_polls = 0;
};
