// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "controlmessages.h"
#include "muxsession.h"
#include "requesthold.h"
#include "tls/tls.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

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

// Where rok-server's control port is: "HOST:PORT", "tls://HOST:PORT" or "tcp://HOST:PORT".
// Without a scheme the connection is TLS unless HOST is this machine, so that the local
// default needs no certificate and nothing else crosses a network in clear text.
struct ServerAddress
{
    enum class Transport { Auto, Tls, Plain };

    Endpoint endpoint;
    Transport transport = Transport::Auto;

    bool usesTls() const;
    QString toString() const; // as parse() reads it: the scheme only when one was given
    static std::optional<ServerAddress> parse(const QString &text, const QString &defaultHost);
};

// The local service: "3000", "myapp.test:8080", "https://localhost:8443" (rok speaks TLS to
// it), "http://myapp.test" (port 80). Its host is an address, localhost, or a name to resolve.
struct LocalTarget : Endpoint
{
    bool tls = false;

    QString toString() const; // "https://localhost:8443", or "localhost:3000" without TLS
    // What the service calls itself in a Host header (--host-header rewrite): host, and the
    // port unless it is the scheme's default.
    QString authority() const;
    static std::optional<LocalTarget> parse(const QString &text);
};

struct TunnelOptions
{
    enum class Protocol { Http, Tcp };

    Protocol protocol = Protocol::Http;
    QString label; // the saved tunnel's name (rok start NAME); messages about it say it
    QString displayName() const { return label.isEmpty() ? local.toString() : label; }
    ServerAddress server{{QStringLiteral("localhost"), 7835}};
    Tls::Trust trust; // how a TLS server's certificate is checked
    LocalTarget local{{QStringLiteral("localhost"), 0}};
    bool localInsecure = false; // https:// local target: accept any certificate (development)
    QString hostHeader; // the Host the service gets (--host-header); empty: the visitor's
    QByteArray token;
    QString subdomain;
    // Who may reach an http tunnel, enforced by the server (empty: everyone).
    QList<::Protocol::Credential> credentials; // --basic-auth USER:PASS, salted and hashed
    QStringList allowCidrs; // --allow-cidr
    QStringList denyCidrs; // --deny-cidr
    std::chrono::milliseconds firstRetry{1000};
    std::chrono::milliseconds maxRetry{30'000};
    std::chrono::milliseconds connectTimeout{10'000};
    // HTTP: how long (--hold) and how many visitors' requests wait for a local service that
    // refuses connections (restarting, say) before the 502.
    RequestHold::Limits hold;
    // The server bounds how many visitors a client serves at once (--max-streams-per-client, which
    // an operator may set in the tens of thousands); the client's bound is its descriptors.
    MuxSession::Options mux = [] {
        MuxSession::Options options;
        options.maxStreams = 1 << 20;
        return options;
    }();

    // The part of a subdomain the client can check: a DNS label (whether the server reserves it
    // is the server's business).
    static bool isValidSubdomain(const QString &name);
};
