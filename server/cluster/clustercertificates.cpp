// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "clustercertificates.h"

#include "redisclient.h"

#include <QCborMap>
#include <QCborValue>

namespace {

// KEYS: rok:cert:HOST, rok:certs, rok:certs:serial. ARGV: the sealed box, HOST.
constexpr const char *PublishScript = R"lua(
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[2])
return 1
)lua";

const QString KeyChain = QStringLiteral("chain");
const QString KeyKey = QStringLiteral("key");

QByteArray certificateKey(const QString &host)
{
    return "rok:cert:" + host.toLatin1();
}

} // namespace

ClusterCertificates::ClusterCertificates(RedisClient *redis, const QByteArray &secret,
                                         std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_redis(redis)
    , m_box(secret, "certificates")
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &ClusterCertificates::poll);
    connect(redis, &RedisClient::connected, this, &ClusterCertificates::poll);
    // A Redis that restarted counts its serials from 1 again: take everything in once more.
    connect(redis, &RedisClient::disconnected, this, [this] { m_seen = 0; });
    m_timer.start();
    poll();
}

void ClusterCertificates::publish(const QString &host, const QByteArray &chainPem,
                                  const QByteArray &keyPem)
{
    const QByteArray plain =
            QCborMap{{KeyChain, chainPem}, {KeyKey, keyPem}}.toCborValue().toCbor();
    m_redis->command({"EVAL", PublishScript, "3", certificateKey(host), "rok:certs",
                      "rok:certs:serial", m_box.seal(plain), host.toLatin1()});
}

void ClusterCertificates::poll()
{
    if (m_polling || !m_redis->isConnected())
        return;
    m_polling = true;
    m_redis->command(
            {"ZRANGEBYSCORE", "rok:certs", "(" + QByteArray::number(m_seen), "+inf", "WITHSCORES"},
            [this](const RedisReply &reply) {
                m_polling = false;
                if (reply.type != RedisReply::Type::Array)
                    return;
                for (qsizetype i = 0; i + 1 < reply.elements.size(); i += 2) {
                    fetch(QString::fromLatin1(reply.elements.at(i).string));
                    m_seen = std::max(m_seen, reply.elements.at(i + 1).string.toLongLong());
                }
            });
}

void ClusterCertificates::fetch(const QString &host)
{
    m_redis->command({"GET", certificateKey(host)}, [this, host](const RedisReply &reply) {
        if (reply.type != RedisReply::Type::String)
            return; // gone again, or Redis went away: a later publish brings it back
        const std::optional<QByteArray> plain = m_box.open(reply.string);
        const QCborMap map = plain ? QCborValue::fromCbor(*plain).toMap() : QCborMap();
        const QByteArray chain = map.value(KeyChain).toByteArray();
        const QByteArray key = map.value(KeyKey).toByteArray();
        if (chain.isEmpty() || key.isEmpty()) {
            Q_EMIT unreadable(host);
            return;
        }
        Q_EMIT arrived(host, chain, key);
    });
}
