// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "leasestore.h"

#include "redisclient.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace {

// ARGV: node, TTL in ms. 1: this node holds the key (now or already); else who does.
constexpr const char *ClaimScript = R"lua(
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return holder
)lua";

// For each key: 1 renewed (or taken back: it had expired); else the node that holds it now.
constexpr const char *RenewScript = R"lua(
local result = {}
for i, key in ipairs(KEYS) do
  local holder = redis.call('GET', key)
  if holder == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    result[i] = 1
  elseif not holder then
    redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
    result[i] = 1
  else
    result[i] = holder
  end
end
return result
)lua";

// Deletes the key only while ARGV[1] holds it.
constexpr const char *ReleaseScript = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
)lua";

} // namespace

LeaseStore::LeaseStore(RedisClient *redis, const QString &node, std::chrono::milliseconds ttl,
                       QObject *parent)
    : QObject(parent)
    , m_redis(redis)
    , m_node(node)
    , m_ttl(ttl)
{
    m_renewal.setInterval(ttl / 3);
    connect(&m_renewal, &QTimer::timeout, this, &LeaseStore::renew);
    m_renewal.start();
    connect(redis, &RedisClient::connected, this, &LeaseStore::renew); // catch up at once
}

LeaseStore::~LeaseStore() = default;

void LeaseStore::claim(const QString &key, Done done)
{
    m_redis->command({"EVAL", ClaimScript, "1", redisKey(key), m_node.toUtf8(),
                      QByteArray::number(qint64(m_ttl.count()))},
                     [this, key, done = std::move(done)](const RedisReply &reply) {
                         if (reply.isError()) {
                             done(false,
                                  tr("the cluster's Redis cannot be reached: %1")
                                          .arg(QString::fromUtf8(reply.string)));
                         } else if (reply.type == RedisReply::Type::Integer && reply.integer == 1) {
                             m_held.insert(key);
                             done(true, {});
                         } else {
                             done(false, QString::fromUtf8(reply.string));
                         }
                     });
}

void LeaseStore::release(const QString &key)
{
    if (!m_held.remove(key))
        return;
    m_redis->command({"EVAL", ReleaseScript, "1", redisKey(key), m_node.toUtf8()});
}

void LeaseStore::releaseAll()
{
    const QSet<QString> held = m_held;
    for (const QString &key : held)
        release(key);
}

void LeaseStore::renew()
{
    if (m_held.isEmpty() || m_renewing || !m_redis->isConnected())
        return; // without Redis the leases stay held here; `connected` renews at once
    const QList<QString> keys(m_held.cbegin(), m_held.cend());
    QList<QByteArray> command{"EVAL", RenewScript, QByteArray::number(keys.size())};
    for (const QString &key : keys)
        command.append(redisKey(key));
    command.append({m_node.toUtf8(), QByteArray::number(qint64(m_ttl.count()))});
    m_renewing = true;
    m_redis->command(command, [this, keys](const RedisReply &reply) {
        m_renewing = false;
        if (reply.type != RedisReply::Type::Array || reply.elements.size() != keys.size())
            return; // Redis went away meanwhile: the next round, or `connected`, tries again
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &result = reply.elements.at(i);
            if (result.type == RedisReply::Type::Integer || !m_held.remove(keys.at(i)))
                continue;
            const QString holder = QString::fromUtf8(result.string);
            qCWarning(lcRedis).noquote() << m_node << "lost" << keys.at(i) << "to" << holder;
            Q_EMIT lost(keys.at(i), holder);
        }
    });
}
