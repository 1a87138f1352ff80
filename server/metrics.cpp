// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "metrics.h"

namespace {

// One metric family: its HELP and TYPE lines, then its samples.
class Family
{
public:
    Family(QByteArray &out, const char *name, const char *type, const char *help)
        : m_out(out)
        , m_name(name)
    {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    }
    // labels: already formatted, such as protocol="http"
    void sample(double value, const QByteArray &labels = {}, const char *suffix = "")
    {
        m_out += m_name + suffix;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ' + QByteArray::number(value, 'g', 15) + '\n';
    }

private:
    QByteArray &m_out;
    QByteArray m_name;
};

// A label value, escaped as the text format asks (backslash, quote, newline).
QByteArray label(const char *name, const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return QByteArray(name) + "=\"" + escaped + '"';
}

} // namespace

void Metrics::countResponse(int status, std::chrono::nanoseconds duration)
{
    if (status >= 100 && status < 600)
        ++m_responsesByClass[size_t(status / 100 - 1)];
    const double seconds = std::chrono::duration<double>(duration).count();
    for (size_t i = 0; i < DurationBuckets.size(); ++i) {
        if (seconds <= DurationBuckets[i]) {
            ++m_durationBuckets[i];
            break;
        }
    }
    ++m_durationCount;
    m_durationSum += seconds;
}

void Metrics::countHandshakeFailure(const QString &port, const QString &reason)
{
    ++m_handshakeFailures[{port, reason}];
}

void Metrics::addClosedTunnel(const Traffic &traffic)
{
    m_closed.in += traffic.in;
    m_closed.out += traffic.out;
}

QByteArray Metrics::render(const Now &now) const
{
    QByteArray out;
    Family tunnels(out, "rok_tunnels", "gauge", "Tunnels open, by protocol.");
    tunnels.sample(now.httpTunnels, label("protocol", QStringLiteral("http")));
    tunnels.sample(now.tcpTunnels, label("protocol", QStringLiteral("tcp")));
    Family(out, "rok_clients", "gauge", "rok clients connected to the control port.")
            .sample(now.clients);
    Family(out, "rok_visitor_connections", "gauge", "Visitor connections open.")
            .sample(now.visitors);
    Family visitors(out, "rok_visitor_connections_total", "counter",
                    "Visitor connections admitted, by protocol.");
    visitors.sample(double(m_httpVisitors), label("protocol", QStringLiteral("http")));
    visitors.sample(double(m_tcpVisitors), label("protocol", QStringLiteral("tcp")));

    Family bytes(out, "rok_bytes_total", "counter",
                 "Bytes through tunnels: in from visitors, out to visitors.");
    bytes.sample(double(m_closed.in + now.openTunnels.in),
                 label("direction", QStringLiteral("in")));
    bytes.sample(double(m_closed.out + now.openTunnels.out),
                 label("direction", QStringLiteral("out")));

    Family requests(out, "rok_http_requests_total", "counter",
                    "HTTP responses sent back to visitors through tunnels, by status class.");
    for (size_t i = 0; i < m_responsesByClass.size(); ++i)
        requests.sample(double(m_responsesByClass[i]),
                        label("code", QStringLiteral("%1xx").arg(i + 1)));

    Family duration(out, "rok_http_request_duration_seconds", "histogram",
                    "From a request's head at the edge to the end of its response.");
    qint64 cumulative = 0;
    for (size_t i = 0; i < DurationBuckets.size(); ++i) {
        cumulative += m_durationBuckets[i];
        duration.sample(double(cumulative),
                        label("le", QString::number(DurationBuckets[i], 'g', 15)), "_bucket");
    }
    duration.sample(double(m_durationCount), label("le", QStringLiteral("+Inf")), "_bucket");
    duration.sample(m_durationSum, {}, "_sum");
    duration.sample(double(m_durationCount), {}, "_count");

    Family refusals(out, "rok_refusals_total", "counter",
                    "Visitors and clients turned away, by the limit or rule that refused them.");
    for (auto it = m_refusals.cbegin(); it != m_refusals.cend(); ++it)
        refusals.sample(double(it.value()), label("reason", it.key()));

    Family handshakes(out, "rok_handshake_failures_total", "counter",
                      "TLS handshakes that failed, by port and reason.");
    for (auto it = m_handshakeFailures.cbegin(); it != m_handshakeFailures.cend(); ++it)
        handshakes.sample(double(it.value()),
                          label("port", it.key().first) + ',' + label("reason", it.key().second));

    Family expiry(out, "rok_certificate_expiry_timestamp_seconds", "gauge",
                  "When each certificate the HTTPS edge serves expires (Unix time).");
    for (const Certificate &certificate : now.certificates)
        expiry.sample(double(certificate.expires.toSecsSinceEpoch()),
                      label("host", certificate.host));
    if (now.cluster)
        renderCluster(out, *now.cluster);
    return out;
}

void Metrics::renderCluster(QByteArray &out, const Now::Cluster &cluster) const
{
    Family(out, "rok_cluster_node_info", "gauge",
           "This node of the cluster: its id and the address the other nodes reach it at.")
            .sample(1, label("node", cluster.node) + ',' + label("address", cluster.address));
    Family(out, "rok_cluster_redis_up", "gauge",
           "1 while this node is connected to the cluster's Redis.")
            .sample(cluster.redisUp ? 1 : 0);
    Family(out, "rok_cluster_links", "gauge", "Links to other nodes that are up.")
            .sample(cluster.links);
    Family(out, "rok_cluster_leases", "gauge",
           "Names and TCP ports this node holds in Redis for its tunnels.")
            .sample(double(cluster.leases));
    Family(out, "rok_cluster_nodes", "gauge", "Live nodes of the cluster, as Redis last said.")
            .sample(double(cluster.nodes.size()));
    Family nodeLeases(out, "rok_cluster_node_leases", "gauge",
                      "Names and TCP ports each live node holds, as Redis last said.");
    for (const auto &[node, leases] : cluster.nodes)
        nodeLeases.sample(double(leases), label("node", node));
    Family(out, "rok_cluster_remote_ports", "gauge",
           "Other nodes' TCP tunnel ports this node listens on too, to hand their visitors over.")
            .sample(double(cluster.remotePorts));
    Family forwarded(out, "rok_cluster_forwarded_visitors_total", "counter",
                     "Visitors handed to the node that holds their tunnel (out), or from "
                     "another node (in).");
    forwarded.sample(double(m_forwardedOut), label("direction", QStringLiteral("out")));
    forwarded.sample(double(m_forwardedIn), label("direction", QStringLiteral("in")));
}
