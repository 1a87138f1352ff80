// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

struct redisAsyncContext;
class RedisEvents;

// One answer from Redis, copied out of hiredis's reply.
struct RedisReply
{
    enum class Type { Nil, String, Integer, Array, Status, Error };

    Type type = Type::Nil;
    QByteArray string; // String, Status, Error
    qint64 integer = 0;
    QList<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
    bool isOk() const { return type == Type::Status && string == "OK"; }
    static RedisReply error(const QByteArray &message) { return {Type::Error, message, 0, {}}; }
};

// A connection to Redis for rok-server's cluster mode, on the event loop and never blocking
// it: hiredis's asynchronous API (Debian's libhiredis) driven by QSocketNotifiers, the host
// name resolved with QHostInfo first (hiredis would block in getaddrinfo), a connect timeout of
// its own, AUTH and SELECT on every connection, and reconnecting with backoff when Redis goes
// away. A command asked for while there is no connection fails at once: cluster mode must see
// an outage as one, not queue behind it.
class RedisClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisClient)

public:
    struct Settings
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 6379;
        QByteArray user; // Redis 6 ACL user; empty: the default user
        QByteArray password; // empty: no AUTH
        int db = 0;
        std::chrono::milliseconds connectTimeout{3000};
        std::chrono::milliseconds firstRetry{250};
        std::chrono::milliseconds maxRetry{5000};

        QString toString() const; // redis://host:port/db, without the password
    };
    // redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]; nullopt and *error when it is not one.
    // (rediss:// is refused: Debian's hiredis 0.14 has no TLS.)
    static std::optional<Settings> parseUrl(const QString &url, QString *error);

    explicit RedisClient(const Settings &settings, QObject *parent = nullptr);
    ~RedisClient() override;

    void start(); // connects, and keeps reconnecting until destroyed
    bool isConnected() const { return m_ready; }
    QString lastError() const { return m_lastError; } // why it is not connected
    const Settings &settings() const { return m_settings; }

    using Callback = std::function<void(const RedisReply &)>;
    // Sends a command (each argument binary-safe). `done` gets the reply, or an Error reply if
    // the connection is down or drops first; always later, from the event loop.
    void command(const QList<QByteArray> &arguments, Callback done = {});

Q_SIGNALS:
    void connected(); // and authenticated, with the database selected
    void disconnected(const QString &reason); // every pending command has failed by now
    void unreachable(const QString &reason); // the first failed attempt since the last connection

private:
    void connectTo(const QString &address);
    void onConnected(int status);
    void onDisconnected(int status);
    void becomeReady();
    void connectionLost(const QString &reason);
    void send(redisAsyncContext *context, const QList<QByteArray> &arguments, Callback done);
    static void deliver(QPointer<RedisClient> client, Callback done, RedisReply reply);
    void scheduleRetry();
    void dropContext();

    Settings m_settings;
    redisAsyncContext *m_context = nullptr;
    RedisEvents *m_events = nullptr;
    bool m_ready = false; // connected, AUTH and SELECT answered
    int m_lookup = -1; // QHostInfo lookup id
    QList<QHostAddress> m_addresses; // of the name, not yet tried
    QString m_lastError;
    int m_attempt = 0;
    QTimer m_retry;
    QTimer m_connectTimeout;
};
