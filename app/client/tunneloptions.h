#pragma once

#include "muxsession.h"

#include <QString>

#include <chrono>
#include <optional>

// A HOST:PORT the user typed: "3000", "localhost:3000", "10.0.0.5:80", "[::1]:8080".
struct Endpoint
{
    QString host;
    quint16 port = 0;

    QString toString() const;
    static std::optional<Endpoint> parse(const QString &text, const QString &defaultHost);
};

struct TunnelOptions
{
    enum class Protocol { Http, Tcp };

    Protocol protocol = Protocol::Http;
    Endpoint server{QStringLiteral("localhost"), 7835};
    Endpoint local{QStringLiteral("localhost"), 0};
    QByteArray token;
    QString subdomain;
    std::chrono::milliseconds firstRetry{1000};
    std::chrono::milliseconds maxRetry{30'000};
    std::chrono::milliseconds connectTimeout{10'000};
    MuxSession::Options mux;
};
