// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "httpparser.h"
#include "splice.h"

#include <QHostAddress>
#include <QPointer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class AccessPolicy;

// The edge's view of one visitor's HTTP connection, both directions.
//
// Requests (visitor to tunnel): every request head is checked (one valid Host, a known version,
// the same tunnel as the connection's first request) and rewritten: headers a visitor could
// forge to pass as a proxy (Forwarded, X-Forwarded-*, X-Real-IP, their underscore spellings)
// go, and rok's X-Forwarded-For/-Proto/-Host take their place. Bodies and, once the service
// accepted a protocol switch, the raw stream pass through untouched.
//
// Responses (tunnel to visitor): parsed only to learn whether an Upgrade or CONNECT was
// accepted, when nothing is in flight (for the idle timeout), and when a refused request's
// page may go out: after every response to the requests before it.
class RequestRewriter
{
public:
    using Clock = std::chrono::steady_clock;

    struct Refusal
    {
        int status = 400;
        QString title;
        QString detail;
        bool html = false;
        QByteArray extraHeaders; // "WWW-Authenticate: ...\r\n" for a 401
    };
    // What the edge does with the requests of one tunnel, as its client asked.
    struct TunnelRules
    {
        std::shared_ptr<const AccessPolicy> access; // nullptr: anyone may reach it
        QByteArray hostHeader; // the Host the service gets (--host-header); empty: the visitor's
    };
    // The rules of the tunnel a connection's first request names.
    using TunnelLookup = std::function<TunnelRules(const QString &name)>;

    enum class Scheme { Http, Https }; // how the visitor reached the edge: X-Forwarded-Proto

    RequestRewriter(const QHostAddress &visitor, const QString &domain,
                    Scheme scheme = Scheme::Http);

    // Installs both directions on a splice whose side A is the visitor.
    static void attach(Splice *splice, std::shared_ptr<RequestRewriter> rewriter);
    // With access rules, every request on the connection is checked: 403 for an address they
    // exclude, 401 without valid credentials; the Authorization header does not reach the
    // service. With a host header, it replaces the visitor's Host (X-Forwarded-Host keeps that).
    void setTunnelLookup(TunnelLookup lookup) { m_tunnelLookup = std::move(lookup); }
    // Told of the connection's refusal (at most one: the connection ends with it), for the log.
    using RefusalObserver = std::function<void(const Refusal &refusal, const QString &tunnel)>;
    void setRefusalObserver(RefusalObserver observer) { m_refusalObserver = std::move(observer); }
    // Told of each final response that went back (and a protocol switch, as 101), with the time
    // from its request's head to its end.
    using ResponseObserver = std::function<void(int status, Clock::duration duration)>;
    void setResponseObserver(ResponseObserver observer)
    {
        m_responseObserver = std::move(observer);
    }

    // false: the bytes cannot be passed on (see refusal(); before routing, the caller answers it)
    bool filterRequest(QByteArray &chunk);
    bool filterResponse(QByteArray &chunk);

    const std::optional<HttpHead> &firstHead() const { return m_firstHead; }
    QString tunnelName() const { return m_tunnelName; } // as the first request named it
    const std::optional<Refusal> &refusal() const { return m_refusal; }
    bool refusalSent() const { return m_refusalSent; } // its page went out in the responses
    bool isSwitched() const { return m_switched; }
    // No request or response in flight (and no protocol switch): since when.
    std::optional<Clock::time_point> idleSince() const;
    Clock::time_point lastActivity() const { return m_lastActivity; }

    // The set of headers a visitor may not send (Forwarded, X-Forwarded-*, X-Real-IP, ...),
    // matched case-insensitively and with '_' for '-'.
    static bool isForgeable(QByteArrayView name);

private:
    bool onRequestHead(HttpHead &head); // false: refused
    bool checkAccess(HttpHead &head, bool html); // false: refused (401 or 403)
    bool onResponseEnd(); // false: a response that cannot be passed on
    void reportResponse(int status); // to the response observer, with its request's time
    void refuse(Refusal refusal);
    void refuseMalformed(const HttpParser &parser);
    QByteArray refusalPage(); // marks the refusal as sent
    QByteArray serializedTrailers() const; // the request's trailer fields, minus forged ones
    void kick(Splice::Direction direction);
    void markIdleIfQuiet();

    HttpParser m_requests{HttpParser::Kind::Request};
    HttpParser m_responses{HttpParser::Kind::Response};
    QByteArray m_visitor;
    QHostAddress m_visitorAddress;
    TunnelLookup m_tunnelLookup;
    RefusalObserver m_refusalObserver;
    ResponseObserver m_responseObserver;
    std::deque<Clock::time_point> m_requestStarts; // of the requests in flight, oldest first
    TunnelRules m_rules;
    QString m_domain;
    QByteArray m_scheme; // "http" or "https"
    std::optional<HttpHead> m_firstHead;
    QString m_tunnelName;
    bool m_inHead = true; // the request parser is in a head (its bytes are held, then rewritten)
    QByteArray m_held; // requests sent while a protocol switch awaits its answer
    QByteArray m_responseHead; // response head bytes, held until the head is whole
    int m_inFlight = 0; // requests whose final response has not ended
    bool m_switched = false;
    std::optional<Refusal> m_refusal;
    bool m_refusalSent = false;
    bool m_inResponses = false; // inside filterResponse()
    QPointer<Splice> m_splice;
    Clock::time_point m_lastActivity = Clock::now();
    std::optional<Clock::time_point> m_idleSince = Clock::now();
};
