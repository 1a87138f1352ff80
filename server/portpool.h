// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tunnelregistry.h"

#include <QObject>

class Listener;
struct ServerConfig;

// The public ports of TCP tunnels: hands out ports of --tcp-ports, binds them, and keeps a
// closed tunnel's port reserved for its resume key for a while, as TunnelRegistry does names.
class PortPool : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortPool)

public:
    // Reads `config` on each call, so it sees the ports Server bound (ServerConfig::httpPort).
    explicit PortPool(const ServerConfig &config, QObject *parent = nullptr);

    // A listener on `requested` if given (and free, or reserved with this key), else on any
    // free port of the range; owned by `owner`. nullptr and *error when there is none.
    Listener *open(quint16 requested, const QByteArray &resumeKey, QObject *owner, QString *error);
    void release(quint16 port); // the tunnel closed: reserved for its resume key
    QObject *owner(quint16 port) const; // of a port handed out, as given to open()

Q_SIGNALS:
    void opened(Listener *listener); // to watch its accept errors
    // A client asks for `port`, before it is bound: whatever else listens on it here (in a
    // cluster: for the node that held it, RemotePorts) gives it up now.
    void wanted(quint16 port);

private:
    Listener *tryBind(quint16 port, const QByteArray &resumeKey, QObject *owner, QString *error);

    const ServerConfig &m_config;
    TunnelRegistry m_ports;
};
