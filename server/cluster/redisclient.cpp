// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "redisclient.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QUrl>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <memory>
#include <vector>

Q_LOGGING_CATEGORY(lcRedis, "rok.redis", QtInfoMsg)

// hiredis's event hooks on QSocketNotifiers. Debian's hiredis/adapters/qt.h cannot serve: it
// connects the Qt 5 signal activated(int), which Qt 6 no longer has, and it uses `slots`.
// hiredis calls cleanup() as it frees its context, which may be from inside a notifier's own
// signal: the notifiers are switched off and deleted later, never at once.
class RedisEvents : public QObject
{
public:
    RedisEvents(redisAsyncContext *context, QObject *parent)
        : QObject(parent)
        , m_context(context)
    {
        context->ev.data = this;
        context->ev.addRead = [](void *events) { of(events)->watch(of(events)->m_read, true); };
        context->ev.delRead = [](void *events) { unwatch(of(events)->m_read); };
        context->ev.addWrite = [](void *events) { of(events)->watch(of(events)->m_write, false); };
        context->ev.delWrite = [](void *events) { unwatch(of(events)->m_write); };
        context->ev.cleanup = [](void *events) { of(events)->cleanup(); };
    }

private:
    static RedisEvents *of(void *events) { return static_cast<RedisEvents *>(events); }

    void watch(QSocketNotifier *&slot, bool read)
    {
        if (slot || !m_context)
            return;
        slot = new QSocketNotifier(m_context->c.fd,
                                   read ? QSocketNotifier::Read : QSocketNotifier::Write, this);
        connect(slot, &QSocketNotifier::activated, this, [this, read] {
            if (!m_context)
                return;
            if (read)
                redisAsyncHandleRead(m_context);
            else
                redisAsyncHandleWrite(m_context);
        });
    }

    static void unwatch(QSocketNotifier *&slot)
    {
        if (QSocketNotifier *notifier = std::exchange(slot, nullptr)) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }

    void cleanup() // the context is being freed
    {
        unwatch(m_read);
        unwatch(m_write);
        m_context = nullptr;
    }

    redisAsyncContext *m_context;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};

namespace {

RedisReply copyOf(const redisReply *reply)
{
    RedisReply copy;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        copy.type = RedisReply::Type::String;
        break;
    case REDIS_REPLY_STATUS:
        copy.type = RedisReply::Type::Status;
        break;
    case REDIS_REPLY_ERROR:
        copy.type = RedisReply::Type::Error;
        break;
    case REDIS_REPLY_INTEGER:
        copy.type = RedisReply::Type::Integer;
        copy.integer = reply->integer;
        return copy;
    case REDIS_REPLY_ARRAY:
        copy.type = RedisReply::Type::Array;
        for (size_t i = 0; i < reply->elements; ++i)
            copy.elements.append(copyOf(reply->element[i]));
        return copy;
    default:
        return copy; // nil
    }
    copy.string = QByteArray(reply->str, qsizetype(reply->len));
    return copy;
}

// What a command waits with inside hiredis.
struct Pending
{
    QPointer<RedisClient> client;
    RedisClient::Callback done;
};

} // namespace

QString RedisClient::Settings::toString() const
{
    const QString address = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol
            ? u'[' + host + u']'
            : host;
    return QStringLiteral("redis://%1:%2/%3").arg(address).arg(port).arg(db);
}

std::optional<RedisClient::Settings> RedisClient::parseUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (url.scheme() == u"rediss") {
        *error = tr("rediss:// (TLS to Redis) needs hiredis 1.0, and Debian 12 has 0.14: put "
                    "stunnel or spiped in front of Redis and give rok redis://");
        return std::nullopt;
    }
    if (!url.isValid() || url.scheme() != u"redis" || url.host().isEmpty()) {
        *error = tr("%1 is not a Redis URL: redis://[:PASSWORD@]HOST[:PORT][/DB]").arg(text);
        return std::nullopt;
    }
    Settings settings;
    settings.host = url.host();
    const int port = url.port(6379);
    if (port < 1 || port > 65535) {
        *error = tr("%1: the port must be 1 to 65535").arg(text);
        return std::nullopt;
    }
    settings.port = quint16(port);
    settings.password = url.password(QUrl::FullyDecoded).toUtf8();
    settings.user = url.userName(QUrl::FullyDecoded).toUtf8();
    QString path = url.path();
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        settings.db = path.toInt(&ok);
        if (!ok || settings.db < 0) {
            *error = tr("%1: the database must be a number, as in redis://HOST:6379/0").arg(text);
            return std::nullopt;
        }
    }
    return settings;
}

RedisClient::RedisClient(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RedisClient::start);
    m_connectTimeout.setSingleShot(true);
    m_connectTimeout.setInterval(settings.connectTimeout);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
        dropContext();
        connectionLost(tr("no answer within %1 ms").arg(m_settings.connectTimeout.count()));
    });
}

RedisClient::~RedisClient()
{
    if (m_lookup >= 0)
        QHostInfo::abortHostLookup(m_lookup);
    dropContext();
}

void RedisClient::start()
{
    if (m_context || m_lookup >= 0)
        return;
    if (!m_addresses.isEmpty()) { // the next address of the name, after one that failed
        connectTo(m_addresses.takeFirst().toString());
        return;
    }
    if (!QHostAddress(m_settings.host).isNull()) {
        connectTo(m_settings.host);
        return;
    }
    // hiredis would resolve the name itself, in a blocking getaddrinfo
    m_lookup = QHostInfo::lookupHost(m_settings.host, this, [this](const QHostInfo &info) {
        m_lookup = -1;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            connectionLost(tr("cannot resolve %1: %2").arg(m_settings.host, info.errorString()));
            return;
        }
        m_addresses = info.addresses();
        connectTo(m_addresses.takeFirst().toString());
    });
}

void RedisClient::connectTo(const QString &address)
{
    m_context = redisAsyncConnect(address.toLatin1().constData(), m_settings.port);
    if (!m_context || m_context->err) {
        const QString reason =
                m_context ? QString::fromLocal8Bit(m_context->errstr) : tr("out of memory");
        if (m_context)
            redisAsyncFree(m_context);
        m_context = nullptr;
        connectionLost(reason);
        return;
    }
    m_context->data = this;
    m_events = new RedisEvents(m_context, this); // before the callbacks: they watch for writing
    redisAsyncSetConnectCallback(m_context, [](const redisAsyncContext *context, int status) {
        if (auto *client = static_cast<RedisClient *>(context->data))
            client->onConnected(status);
    });
    redisAsyncSetDisconnectCallback(m_context, [](const redisAsyncContext *context, int status) {
        if (auto *client = static_cast<RedisClient *>(context->data))
            client->onDisconnected(status);
    });
    m_connectTimeout.start();
}

void RedisClient::onConnected(int status)
{
    if (status != REDIS_OK) {
        // hiredis frees the context when this returns
        const QString reason = QString::fromLocal8Bit(m_context->errstr);
        m_context = nullptr;
        m_events->deleteLater();
        m_events = nullptr;
        m_connectTimeout.stop();
        connectionLost(reason);
        return;
    }
    // AUTH, then SELECT, then ready; the timeout covers them too.
    const auto select = [this] {
        if (m_settings.db == 0) {
            becomeReady();
            return;
        }
        send(m_context, {"SELECT", QByteArray::number(m_settings.db)},
             [this](const RedisReply &reply) {
                 if (reply.isOk()) {
                     becomeReady();
                     return;
                 }
                 dropContext();
                 connectionLost(tr("SELECT %1: %2")
                                        .arg(m_settings.db)
                                        .arg(QString::fromUtf8(reply.string)));
             });
    };
    if (m_settings.password.isEmpty()) {
        select();
        return;
    }
    QList<QByteArray> auth{"AUTH"};
    if (!m_settings.user.isEmpty())
        auth.append(m_settings.user);
    auth.append(m_settings.password);
    send(m_context, auth, [this, select](const RedisReply &reply) {
        if (!reply.isOk()) {
            dropContext();
            connectionLost(
                    tr("Redis refused the password: %1").arg(QString::fromUtf8(reply.string)));
            return;
        }
        if (m_context)
            select();
    });
}

void RedisClient::becomeReady()
{
    m_connectTimeout.stop();
    m_ready = true;
    m_attempt = 0;
    m_lastError.clear();
    qCInfo(lcRedis).noquote() << "connected to" << m_settings.toString();
    Q_EMIT connected();
}

void RedisClient::onDisconnected(int status)
{
    // hiredis frees the context when this returns
    const QString reason = status == REDIS_OK ? tr("Redis closed the connection")
                                              : QString::fromLocal8Bit(m_context->errstr);
    m_context = nullptr;
    if (m_events)
        m_events->deleteLater();
    m_events = nullptr;
    connectionLost(reason);
}

void RedisClient::dropContext()
{
    m_connectTimeout.stop();
    if (!m_context)
        return;
    redisAsyncContext *context = std::exchange(m_context, nullptr);
    context->data = nullptr; // no callbacks into this any more: it knows
    redisAsyncFree(context); // pending commands get their errors, queued
    if (m_events)
        m_events->deleteLater();
    m_events = nullptr;
}

void RedisClient::connectionLost(const QString &reason)
{
    m_lastError = reason;
    const bool wasReady = std::exchange(m_ready, false);
    if (wasReady) {
        qCWarning(lcRedis).noquote() << "lost" << m_settings.toString() << ":" << reason;
        Q_EMIT disconnected(reason);
    } else if (!m_addresses.isEmpty()) {
        m_retry.start(0); // the name has another address: try it now
        return;
    } else if (m_attempt == 0) {
        qCWarning(lcRedis).noquote()
                << "cannot connect to" << m_settings.toString() << ":" << reason;
        Q_EMIT unreachable(reason);
    }
    scheduleRetry();
}

void RedisClient::scheduleRetry()
{
    const qint64 delay = qMin<qint64>(m_settings.maxRetry.count(),
                                      m_settings.firstRetry.count() << qMin(m_attempt, 16));
    ++m_attempt;
    m_retry.start(std::chrono::milliseconds(delay));
}

void RedisClient::command(const QList<QByteArray> &arguments, Callback done)
{
    if (!m_ready || !m_context) {
        deliver(this, std::move(done), RedisReply::error("not connected to Redis"));
        return;
    }
    send(m_context, arguments, std::move(done));
}

void RedisClient::send(redisAsyncContext *context, const QList<QByteArray> &arguments,
                       Callback done)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    auto *pending = new Pending{this, std::move(done)};
    const int status = redisAsyncCommandArgv(
            context,
            [](redisAsyncContext *, void *reply, void *data) {
                const std::unique_ptr<Pending> pending(static_cast<Pending *>(data));
                deliver(pending->client, std::move(pending->done),
                        reply ? copyOf(static_cast<const redisReply *>(reply))
                              : RedisReply::error("the connection to Redis was lost"));
            },
            pending, int(argv.size()), argv.data(), lengths.data());
    if (status != REDIS_OK) {
        const std::unique_ptr<Pending> failed(pending);
        deliver(this, std::move(failed->done), RedisReply::error("Redis is disconnecting"));
    }
}

void RedisClient::deliver(QPointer<RedisClient> client, Callback done, RedisReply reply)
{
    if (!client || !done)
        return;
    QMetaObject::invokeMethod(
            client.data(), [done = std::move(done), reply = std::move(reply)] { done(reply); },
            Qt::QueuedConnection);
}
