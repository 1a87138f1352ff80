// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include "metrics.h"

using namespace std::chrono_literals;

class tst_Metrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyServer();
    void responsesByClassAndHistogram();
    void bytesOfOpenAndClosedTunnels();
    void labelsAreEscaped();
    void certificatesExpiry();
    void clusterNode();
};

namespace {

// The value of one sample line ("name{labels} value"); -1 when absent.
double sample(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

void tst_Metrics::emptyServer()
{
    const QByteArray text = Metrics().render({});
    QCOMPARE(sample(text, "rok_tunnels{protocol=\"http\"}"), 0.0);
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_bucket{le=\"+Inf\"}"), 0.0);
    QVERIFY(text.contains("# TYPE rok_http_request_duration_seconds histogram\n"));
    QVERIFY(text.endsWith('\n'));
}

void tst_Metrics::responsesByClassAndHistogram()
{
    Metrics metrics;
    metrics.countResponse(200, 3ms);
    metrics.countResponse(204, 40ms);
    metrics.countResponse(404, 40ms);
    metrics.countResponse(502, 60s); // beyond the last bucket: only +Inf
    metrics.countResponse(101, 1ms);
    const QByteArray text = metrics.render({});
    QCOMPARE(sample(text, "rok_http_requests_total{code=\"1xx\"}"), 1.0);
    QCOMPARE(sample(text, "rok_http_requests_total{code=\"2xx\"}"), 2.0);
    QCOMPARE(sample(text, "rok_http_requests_total{code=\"4xx\"}"), 1.0);
    QCOMPARE(sample(text, "rok_http_requests_total{code=\"5xx\"}"), 1.0);
    // cumulative buckets
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_bucket{le=\"0.005\"}"), 2.0);
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_bucket{le=\"0.05\"}"), 4.0);
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_bucket{le=\"30\"}"), 4.0);
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_bucket{le=\"+Inf\"}"), 5.0);
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_count"), 5.0);
    QCOMPARE(sample(text, "rok_http_request_duration_seconds_sum"), 60.084);
}

void tst_Metrics::bytesOfOpenAndClosedTunnels()
{
    Metrics metrics;
    metrics.addClosedTunnel({.in = 100, .out = 1000});
    Metrics::Now now;
    now.openTunnels = {.in = 5, .out = 50};
    now.httpTunnels = 2;
    now.tcpTunnels = 1;
    metrics.countVisitor(false);
    metrics.countVisitor(true);
    metrics.countVisitor(true);
    const QByteArray text = metrics.render(now);
    QCOMPARE(sample(text, "rok_bytes_total{direction=\"in\"}"), 105.0);
    QCOMPARE(sample(text, "rok_bytes_total{direction=\"out\"}"), 1050.0);
    QCOMPARE(sample(text, "rok_tunnels{protocol=\"tcp\"}"), 1.0);
    QCOMPARE(sample(text, "rok_visitor_connections_total{protocol=\"tcp\"}"), 2.0);
}

void tst_Metrics::labelsAreEscaped()
{
    Metrics metrics;
    metrics.countRefusal(QStringLiteral("a\"b\\c\nd"));
    metrics.countHandshakeFailure(QStringLiteral("https"), QStringLiteral("plain_http"));
    metrics.countHandshakeFailure(QStringLiteral("https"), QStringLiteral("plain_http"));
    const QByteArray text = metrics.render({});
    QCOMPARE(sample(text, "rok_refusals_total{reason=\"a\\\"b\\\\c\\nd\"}"), 1.0);
    QCOMPARE(sample(text, "rok_handshake_failures_total{port=\"https\",reason=\"plain_http\"}"),
             2.0);
}

void tst_Metrics::certificatesExpiry()
{
    Metrics::Now now;
    now.certificates = {{QStringLiteral("web.example.com"),
                         QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC)}};
    const QByteArray text = Metrics().render(now);
    QCOMPARE(sample(text, "rok_certificate_expiry_timestamp_seconds{host=\"web.example.com\"}"),
             1.8e9);
}

void tst_Metrics::clusterNode()
{
    QVERIFY(!Metrics().render({}).contains("rok_cluster")); // a node alone says nothing of it
    Metrics metrics;
    metrics.countForwarded(true);
    metrics.countForwarded(true);
    metrics.countForwarded(false);
    Metrics::Now now;
    now.cluster =
            Metrics::Now::Cluster{QStringLiteral("edge-1"),
                                  QStringLiteral("10.0.0.5:7836"),
                                  true,
                                  2,
                                  40,
                                  {{QStringLiteral("edge-1"), 40}, {QStringLiteral("edge-2"), 12}}};
    now.cluster->remotePorts = 3;
    const QByteArray text = metrics.render(now);
    QCOMPARE(sample(text, "rok_cluster_node_info{node=\"edge-1\",address=\"10.0.0.5:7836\"}"), 1.0);
    QCOMPARE(sample(text, "rok_cluster_redis_up"), 1.0);
    QCOMPARE(sample(text, "rok_cluster_links"), 2.0);
    QCOMPARE(sample(text, "rok_cluster_leases"), 40.0);
    QCOMPARE(sample(text, "rok_cluster_nodes"), 2.0);
    QCOMPARE(sample(text, "rok_cluster_node_leases{node=\"edge-2\"}"), 12.0);
    QCOMPARE(sample(text, "rok_cluster_remote_ports"), 3.0);
    QCOMPARE(sample(text, "rok_cluster_forwarded_visitors_total{direction=\"out\"}"), 2.0);
    QCOMPARE(sample(text, "rok_cluster_forwarded_visitors_total{direction=\"in\"}"), 1.0);
}

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
