// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "leasestore.h"

#include "redisclient.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace {

// KEYS[1]: the node key. ARGV: its value, the TTL, the node's id. 1, or the value another node
// left there.
constexpr const char *AnnounceScript = R"lua(
local value = redis.call('GET', KEYS[1])
if value and value ~= ARGV[1] then return value end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', 'rok:nodes', ARGV[3])
return 1
)lua";

// The live nodes: for each, its value and its count of leases. A node whose key has expired
// leaves the set here.
constexpr const char *NodesScript = R"lua(
local view = {}
for _, id in ipairs(redis.call('SMEMBERS', 'rok:nodes')) do
  local value = redis.call('GET', 'rok:node:' .. id)
  if value then
    view[#view + 1] = value
    view[#view + 1] = redis.call('HGET', 'rok:node-leases', id) or '0'
  else
    redis.call('SREM', 'rok:nodes', id)
    redis.call('HDEL', 'rok:node-leases', id)
  end
end
return view
)lua";

// The TCP ports held, from the set rok:ports the claims add to. ARGV[1]: the version of the set
// the caller has seen (rok:ports:version, which every change of a port's holder increments).
// {version} when that is still the version; else {version, then for each port held: the port,
// its holder's id and address}. A port whose lease has expired leaves the set here; a reserved
// one stays.
constexpr const char *PortsScript = R"lua(
local version = redis.call('GET', 'rok:ports:version') or '0'
if version == ARGV[1] then return {version} end
local held = {version}
local removed = false
for _, port in ipairs(redis.call('SMEMBERS', 'rok:ports')) do
  local value = redis.call('GET', 'rok:port:' .. port)
  if not value then
    redis.call('SREM', 'rok:ports', port)
    removed = true
  else
    local id, address = string.match(value, '^(%S+) (%S+) %S+$')
    if id and id ~= '-' then
      held[#held + 1] = port
      held[#held + 1] = id
      held[#held + 1] = address
    end
  end
end
if removed then held[1] = tostring(redis.call('INCR', 'rok:ports:version')) end
return held
)lua";

// KEYS[1]: the lease. ARGV: our value, our tag, the lease's lifetime in ms, then for the token
// quota (docs/SCALE-OUT.md) this node's id, the token's tag ('' for none) and its limit.
// {0, previous holder} granted; {1, holder} held by a live node; {2, holder} reserved; {3, ''}
// the token has its limit of tunnels in the cluster. rok:token:TAG counts them per node: the
// live nodes' counts are summed, a dead node's field goes, and a key taken over from another
// node moves its count here.
constexpr const char *ClaimScript = R"lua(
local value = redis.call('GET', KEYS[1])
local id = ''
if value and value ~= ARGV[1] then
  local tag
  id, tag = string.match(value, '^(%S+) %S+ (%S+)$')
  id = id or ''
  if tag ~= ARGV[2] then
    if id ~= '-' and redis.call('EXISTS', 'rok:node:' .. id) == 1 then return {1, id} end
    return {2, id}
  end
end
if ARGV[5] ~= '' then
  local counts = 'rok:token:' .. ARGV[5]
  if id ~= '' and id ~= '-' and id ~= ARGV[4] then -- the tunnel moves here
    if redis.call('HINCRBY', counts, id, -1) <= 0 then redis.call('HDEL', counts, id) end
  end
  local total = 0
  local fields = redis.call('HGETALL', counts)
  for i = 1, #fields, 2 do
    if fields[i] == ARGV[4] or redis.call('EXISTS', 'rok:node:' .. fields[i]) == 1 then
      total = total + tonumber(fields[i + 1])
    else
      redis.call('HDEL', counts, fields[i])
    end
  end
  if total >= tonumber(ARGV[6]) then return {3, ''} end
  redis.call('HINCRBY', counts, ARGV[4], 1)
  redis.call('PEXPIRE', counts, ARGV[3])
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
local port = string.match(KEYS[1], '^rok:port:(%d+)$')
if port and value ~= ARGV[1] then
  redis.call('SADD', 'rok:ports', port)
  redis.call('INCR', 'rok:ports:version')
end
if id == '-' then id = '' end
return {0, id}
)lua";

// KEYS: the node key, then the leases. ARGV: the node's value, the TTL, the leases' lifetime,
// the node's id, then each lease's value, then each lease's token tag ('' for none). For each
// lease: 1 renewed (or taken back: it had expired); else the value another node left there. The
// node's count of leases goes to rok:node-leases, for the cluster view; its count of the leases
// still its own per token to rok:token:TAG (written again, for a Redis that lost it).
constexpr const char *RenewScript = R"lua(
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', 'rok:nodes', ARGV[4])
redis.call('HSET', 'rok:node-leases', ARGV[4], #KEYS - 1)
local leases = #KEYS - 1
local perToken = {}
local result = {}
for i = 2, #KEYS do
  local value = redis.call('GET', KEYS[i])
  local ours = ARGV[i + 3]
  local token = ARGV[i + 3 + leases]
  if token ~= '' and (value == ours or not value) then
    perToken[token] = (perToken[token] or 0) + 1
  end
  if value == ours then
    redis.call('PEXPIRE', KEYS[i], ARGV[3])
    result[i - 1] = 1
  elseif not value then
    redis.call('SET', KEYS[i], ours, 'PX', ARGV[3])
    local port = string.match(KEYS[i], '^rok:port:(%d+)$')
    if port then
      redis.call('SADD', 'rok:ports', port)
      redis.call('INCR', 'rok:ports:version')
    end
    result[i - 1] = 1
  else
    result[i - 1] = value
  end
end
for token, count in pairs(perToken) do
  redis.call('HSET', 'rok:token:' .. token, ARGV[4], count)
  redis.call('PEXPIRE', 'rok:token:' .. token, ARGV[3])
end
return result
)lua";

// KEYS[1]: the lease. ARGV: our value, what stays for the reservation, its length in ms, this
// node's id, the token's tag ('' for none). Only a lease we still hold (one taken over moved
// its count already).
constexpr const char *ReleaseScript = R"lua(
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if string.match(KEYS[1], '^rok:port:') then redis.call('INCR', 'rok:ports:version') end
if ARGV[5] ~= '' then
  local counts = 'rok:token:' .. ARGV[5]
  if redis.call('HINCRBY', counts, ARGV[4], -1) <= 0 then redis.call('HDEL', counts, ARGV[4]) end
end
if ARGV[3] == '0' then return redis.call('DEL', KEYS[1]) end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
)lua";

QByteArray milliseconds(std::chrono::milliseconds duration)
{
    return QByteArray::number(qint64(duration.count()));
}

QString holderOf(const QByteArray &value)
{
    return QString::fromUtf8(value.left(value.indexOf(' ')));
}

} // namespace

LeaseStore::LeaseStore(RedisClient *redis, const QString &node, const QString &address,
                       std::chrono::milliseconds ttl, std::chrono::milliseconds reservation,
                       QObject *parent)
    : QObject(parent)
    , m_redis(redis)
    , m_node(node)
    , m_address(address)
    , m_ttl(ttl)
    , m_reservation(reservation)
{
    m_renewal.setInterval(ttl / 3);
    connect(&m_renewal, &QTimer::timeout, this, &LeaseStore::renew);
    connect(redis, &RedisClient::connected, this, [this] {
        tryAnnounce();
        renew(); // catch up at once
    });
}

LeaseStore::~LeaseStore() = default;

QByteArray LeaseStore::tag(const QByteArray &resumeKey)
{
    // Half of SHA-256: enough to tell clients apart, and Redis learns nothing it could use.
    return QCryptographicHash::hash(resumeKey, QCryptographicHash::Sha256).left(16).toHex();
}

QByteArray LeaseStore::nodeValue() const
{
    return m_node.toUtf8() + ' ' + m_address.toUtf8();
}

QByteArray LeaseStore::value(const QByteArray &tag) const
{
    return nodeValue() + ' ' + tag;
}

void LeaseStore::announce()
{
    m_announcing = true;
    tryAnnounce();
}

void LeaseStore::tryAnnounce()
{
    if (!m_announcing || m_announced || !m_redis->isConnected())
        return; // `connected` tries again
    m_redis->command(
            {"EVAL", AnnounceScript, "1", redisKey(QStringLiteral("node:") + m_node), nodeValue(),
             milliseconds(m_ttl), m_node.toUtf8()},
            [this](const RedisReply &reply) {
                if (reply.type == RedisReply::Type::Integer) {
                    m_announced = true;
                    m_renewal.start();
                    renew(); // leases claimed before, if Redis restarted meanwhile
                    Q_EMIT announced();
                } else if (!reply.isError()) {
                    const QByteArray address = reply.string.mid(reply.string.indexOf(' ') + 1);
                    Q_EMIT conflict(tr("node id %1 is in use by the node at %2 (if that node has "
                                       "stopped, its id is free within %3 s)")
                                            .arg(m_node, QString::fromUtf8(address))
                                            .arg(m_ttl.count() / 1000.0));
                } // else Redis went away: `connected` tries again
            });
}

void LeaseStore::claim(const QString &key, const QByteArray &resumeKey, Done done)
{
    claim(key, resumeKey, {}, std::move(done));
}

void LeaseStore::claim(const QString &key, const QByteArray &resumeKey, const Quota &quota,
                       Done done)
{
    const QByteArray resumeTag = tag(resumeKey);
    const QByteArray ours = value(resumeTag);
    const QByteArray tokenTag = quota.token.isEmpty() ? QByteArray() : tag(quota.token.toUtf8());
    ++m_claimsInFlight;
    m_redis->command({"EVAL", ClaimScript, "1", redisKey(key), ours, resumeTag,
                      milliseconds(m_ttl + m_reservation), m_node.toUtf8(), tokenTag,
                      QByteArray::number(quota.max)},
                     [this, key, ours, tokenTag, done = std::move(done)](const RedisReply &reply) {
                         --m_claimsInFlight;
                         if (reply.type != RedisReply::Type::Array || reply.elements.size() != 2) {
                             done({Claim::Outcome::Unavailable,
                                   {},
                                   tr("the cluster's Redis cannot be reached: %1")
                                           .arg(QString::fromUtf8(reply.string))});
                             return;
                         }
                         const QString node = QString::fromUtf8(reply.elements.at(1).string);
                         switch (reply.elements.at(0).integer) {
                         case 0:
                             m_held.insert(key, ours);
                             if (!tokenTag.isEmpty())
                                 m_tokenOf.insert(key, tokenTag);
                             done({Claim::Outcome::Granted, node, {}});
                             return;
                         case 1:
                             done({Claim::Outcome::Held, node, {}});
                             return;
                         case 3:
                             done({Claim::Outcome::TokenFull, {}, {}});
                             return;
                         default:
                             done({Claim::Outcome::Reserved, node, {}});
                             return;
                         }
                     });
}

void LeaseStore::release(const QString &key)
{
    const auto it = m_held.constFind(key);
    if (it == m_held.cend())
        return;
    const QByteArray ours = it.value();
    m_held.erase(it);
    const QByteArray released = "- - " + ours.mid(ours.lastIndexOf(' ') + 1);
    m_redis->command({"EVAL", ReleaseScript, "1", redisKey(key), ours, released,
                      milliseconds(m_reservation), m_node.toUtf8(), m_tokenOf.take(key)});
}

void LeaseStore::releaseAll()
{
    const QList<QString> keys = m_held.keys();
    for (const QString &key : keys)
        release(key);
    m_renewal.stop();
    if (m_announced) {
        m_redis->command({"DEL", redisKey(QStringLiteral("node:") + m_node)});
        m_redis->command({"SREM", "rok:nodes", m_node.toUtf8()});
        m_redis->command({"HDEL", "rok:node-leases", m_node.toUtf8()});
    }
    m_announced = false;
    m_announcing = false;
}

void LeaseStore::find(const QString &key,
                      std::function<void(const std::optional<Holder> &holder)> done)
{
    m_redis->command({"GET", redisKey(key)}, [done = std::move(done)](const RedisReply &reply) {
        if (reply.isError()) {
            done(std::nullopt);
            return;
        }
        const QList<QByteArray> parts = reply.string.split(' ');
        if (reply.type != RedisReply::Type::String || parts.size() != 3 || parts.at(0) == "-") {
            done(Holder{});
            return;
        }
        done(Holder{QString::fromUtf8(parts.at(0)), QString::fromUtf8(parts.at(1))});
    });
}

void LeaseStore::findNodes(std::function<void(const std::optional<QList<Node>> &nodes)> done)
{
    m_redis->command({"EVAL", NodesScript, "0"}, [done = std::move(done)](const RedisReply &reply) {
        if (reply.type != RedisReply::Type::Array) {
            done(std::nullopt);
            return;
        }
        QList<Node> nodes;
        for (qsizetype i = 0; i + 1 < reply.elements.size(); i += 2) {
            const QList<QByteArray> value = reply.elements.at(i).string.split(' ');
            nodes.append({QString::fromUtf8(value.value(0)), QString::fromUtf8(value.value(1)),
                          reply.elements.at(i + 1).string.toLongLong()});
        }
        std::sort(nodes.begin(), nodes.end(),
                  [](const Node &a, const Node &b) { return a.id < b.id; });
        done(nodes);
    });
}

void LeaseStore::findPorts(const QByteArray &known,
                           std::function<void(const std::optional<Ports> &ports)> done)
{
    m_redis->command({"EVAL", PortsScript, "0", known},
                     [known, done = std::move(done)](const RedisReply &reply) {
                         if (reply.type != RedisReply::Type::Array || reply.elements.isEmpty()) {
                             done(std::nullopt);
                             return;
                         }
                         Ports ports{reply.elements.at(0).string, {}};
                         if (ports.version == known && reply.elements.size() == 1) {
                             done(ports); // unchanged
                             return;
                         }
                         ports.held.emplace();
                         for (qsizetype i = 1; i + 2 < reply.elements.size(); i += 3) {
                             bool ok = false;
                             const uint port = reply.elements.at(i).string.toUInt(&ok);
                             if (ok && port > 0 && port <= 65535)
                                 ports.held->append(
                                         {quint16(port),
                                          {QString::fromUtf8(reply.elements.at(i + 1).string),
                                           QString::fromUtf8(reply.elements.at(i + 2).string)}});
                         }
                         done(ports);
                     });
}

void LeaseStore::renew()
{
    if (!m_announced || m_renewing || !m_redis->isConnected())
        return; // without Redis the leases stay held here; `connected` renews at once
    const QList<QString> keys = m_held.keys();
    QList<QByteArray> command{"EVAL", RenewScript, QByteArray::number(keys.size() + 1),
                              redisKey(QStringLiteral("node:") + m_node)};
    for (const QString &key : keys)
        command.append(redisKey(key));
    command.append({nodeValue(), milliseconds(m_ttl), milliseconds(m_ttl + m_reservation),
                    m_node.toUtf8()});
    for (const QString &key : keys)
        command.append(m_held.value(key));
    // Its counts per token are written only in a round with no claim in flight: Redis runs such
    // a claim first, and the count here would not have it yet.
    for (const QString &key : keys)
        command.append(m_claimsInFlight == 0 ? m_tokenOf.value(key) : QByteArray());
    m_renewing = true;
    m_redis->command(command, [this, keys](const RedisReply &reply) {
        m_renewing = false;
        if (reply.type != RedisReply::Type::Array || reply.elements.size() != keys.size())
            return; // Redis went away meanwhile: the next round, or `connected`, tries again
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &result = reply.elements.at(i);
            if (result.type == RedisReply::Type::Integer || !m_held.remove(keys.at(i)))
                continue;
            m_tokenOf.remove(keys.at(i)); // its count moved with it
            const QString holder = holderOf(result.string);
            qCWarning(lcRedis).noquote() << m_node << "lost" << keys.at(i) << "to" << holder;
            Q_EMIT lost(keys.at(i), holder);
        }
    });
}
