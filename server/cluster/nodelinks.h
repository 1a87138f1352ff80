// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

#include "forwardedvisitor.h"

class Listener;
class MuxStream;
class NodeLink;

// The links between this node and the other nodes of a cluster: one multiplexed connection
// (the yamux framing clients use) per pair of nodes, made by whichever needs it first and used
// by both. A node proves the cluster secret before the other takes a stream from it, and the
// other proves it back. Each stream carries one visitor.
class NodeLinks : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeLinks)

public:
    static constexpr std::chrono::seconds HandshakeTimeout{5}; // connect, prove, be let in
    static constexpr std::chrono::milliseconds RedialAfter{500}; // a node that refused

    NodeLinks(const QString &node, const QByteArray &secret, QObject *parent = nullptr);
    ~NodeLinks() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    void setNode(const QString &node) { m_node = node; } // once the port is known
    // Links over TLS, this node presenting `server`'s certificate (its --tls-cert or
    // --self-signed). A connector takes any certificate: both proofs of the cluster secret
    // cover the one it sees, so a party in the middle with another certificate fails them.
    // Every node of a cluster needs TLS, or none.
    void setTls(const QSslConfiguration &server) { m_tls = server; }
    bool usesTls() const { return m_tls.has_value(); }

    // A stream to node `node` at `address` (host:port), over its link once that is up: nullptr
    // when the node cannot be reached. `done` may be called at once, when the link is up.
    void openStream(const QString &node, const QString &address,
                    std::function<void(MuxStream *stream)> done);
    int linkCount() const; // links up
    void closeAll();

Q_SIGNALS:
    // A node handed a visitor over; the receiver owns the stream.
    void visitorArrived(MuxStream *stream, const ForwardedVisitor &visitor);
    void linkUp(const QString &node, const QString &peer);
    void linkDown(const QString &node, const QString &reason);

private:
    friend class NodeLink;
    void onAccepted(qintptr descriptor);
    void adopt(NodeLink *link); // it is up: the link to its node from now on
    void forget(NodeLink *link, const QString &reason);

    QString m_node;
    QByteArray m_secret;
    std::optional<QSslConfiguration> m_tls;
    Listener *m_listener;
    QHash<QString, NodeLink *> m_links; // by node id, once up
    QHash<QString, NodeLink *> m_connecting; // by address
    // Addresses a link to failed lately: not dialled again for RedialAfter, and logged once.
    QHash<QString, std::chrono::steady_clock::time_point> m_failedAt;
};
