// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QObject>

#include <optional>

class Cluster;
class DuplexDevice;
class MuxStream;
struct ForwardedVisitor;
class EdgeCertificates;
class Http01Responses;
class Listener;
class TcpConnection;
class TunnelRegistry;
class VisitorGate;
struct ServerConfig;

// The public HTTP and HTTPS ports: reads each visitor's first request head, routes it by Host to
// the client that holds NAME, and from then on splices the visitor's connection to one stream.
// With HTTPS on, the HTTP port answers 308 to the same URL over HTTPS (unless
// --http-redirect off).
class HttpEdge : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEdge)

public:
    // `names` maps each tunnel name to the ClientSession that holds it.
    // `certificates`: what the HTTPS port answers with, chosen per name.
    HttpEdge(const ServerConfig &config, const TunnelRegistry &names, VisitorGate &visitors,
             const EdgeCertificates &certificates, QObject *parent = nullptr);

    const ServerConfig &config() const { return m_config; }
    const TunnelRegistry &names() const { return m_names; }
    VisitorGate &visitorGate() const { return m_visitors; }
    Listener *listener() const { return m_listener; }
    Listener *httpsListener() const { return m_httpsListener; }
    // ACME HTTP-01 answers, served on the HTTP port before routing or redirecting.
    void setChallenges(const Http01Responses *challenges) { m_challenges = challenges; }
    std::optional<QByteArray> challengeAnswer(const QByteArray &target) const;
    // Whether plain HTTP for tunnel `name` answers 308: HTTPS is on and covers the name.
    bool redirectsToHttps(const QString &name) const;
    // Cluster mode: a visitor for a name no tunnel here holds goes to the node that holds it,
    // which serves it as if it had come to its own port (forwarded()).
    void setCluster(Cluster *cluster) { m_cluster = cluster; }
    Cluster *cluster() const { return m_cluster; }
    void serveForwarded(MuxStream *stream, const ForwardedVisitor &visitor);

private:
    void onAccepted(qintptr descriptor, bool https);
    // Over a limit: a 503 page without reading the request, then close.
    void refuse(DuplexDevice *connection, bool perAddress);

    const ServerConfig &m_config;
    const TunnelRegistry &m_names;
    VisitorGate &m_visitors;
    const EdgeCertificates &m_certificates;
    Listener *m_listener;
    Listener *m_httpsListener;
    const Http01Responses *m_challenges = nullptr;
    Cluster *m_cluster = nullptr;
    QByteArray m_plainHttpPage; // the answer to plain HTTP on the HTTPS port
};
