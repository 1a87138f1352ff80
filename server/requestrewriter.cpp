// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "requestrewriter.h"

#include "accesspolicy.h"

#include "authority.h"
#include "errorpage.h"

#include <QCoreApplication>
#include <QScopedValueRollback>

namespace {

// A visitor that sends more than this before a protocol switch is answered is not a browser.
constexpr qsizetype MaxHeldRequestBytes = 64 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("RequestRewriter", text);
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// "/path?q" for the target of an absolute-form request "http://host/path?q"; sets *authority.
// Empty if the target is absolute-form with another scheme or with user information.
QByteArray originForm(QByteArrayView target, QByteArrayView *authority)
{
    const qsizetype schemeEnd = target.indexOf("://");
    const QByteArrayView scheme = target.first(qMax<qsizetype>(schemeEnd, 0));
    if (!sameName(scheme, "http") && !sameName(scheme, "https"))
        return {};
    const QByteArrayView rest = target.sliced(schemeEnd + 3);
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != '/' && rest[end] != '?' && rest[end] != '#')
        ++end;
    *authority = rest.first(end);
    if (authority->contains('@'))
        return {};
    const QByteArrayView path = rest.sliced(end);
    return path.startsWith('/') ? path.toByteArray() : "/" + path.toByteArray();
}

// One direction of the rewriter as a splice filter; both share the rewriter.
class RewriterDirection : public SpliceFilter
{
public:
    RewriterDirection(std::shared_ptr<RequestRewriter> rewriter, bool requests)
        : m_rewriter(std::move(rewriter))
        , m_requests(requests)
    {
    }
    bool filter(QByteArray &chunk) override
    {
        return m_requests ? m_rewriter->filterRequest(chunk) : m_rewriter->filterResponse(chunk);
    }
    bool endsDirection() const override
    {
        return m_requests ? m_rewriter->refusal().has_value() : m_rewriter->refusalSent();
    }

private:
    std::shared_ptr<RequestRewriter> m_rewriter;
    bool m_requests;
};

} // namespace

RequestRewriter::RequestRewriter(const QHostAddress &visitor, const QString &domain, Scheme scheme)
    : m_domain(domain)
    , m_scheme(scheme == Scheme::Https ? "https" : "http")
{
    bool isV4 = false;
    const quint32 v4 = visitor.toIPv4Address(&isV4); // unwraps ::ffff:a.b.c.d
    m_visitorAddress = isV4 ? QHostAddress(v4) : visitor;
    m_visitor = m_visitorAddress.toString().toLatin1();
}

void RequestRewriter::attach(Splice *splice, std::shared_ptr<RequestRewriter> rewriter)
{
    rewriter->m_splice = splice;
    splice->setFilter(Splice::AtoB, std::make_unique<RewriterDirection>(rewriter, true));
    splice->setFilter(Splice::BtoA, std::make_unique<RewriterDirection>(rewriter, false));
}

bool RequestRewriter::isForgeable(QByteArrayView name)
{
    // Compared in place (no copy per header per request): case-insensitive, '_' as '-'.
    const auto is = [name](QByteArrayView forged, bool prefix = false) {
        if (prefix ? name.size() < forged.size() : name.size() != forged.size())
            return false;
        for (qsizetype i = 0; i < forged.size(); ++i) {
            const char c = name[i] == '_' ? '-' : name[i];
            if (c != forged[i] && !(c >= 'A' && c <= 'Z' && c - 'A' + 'a' == forged[i]))
                return false;
        }
        return true;
    };
    return is("x-forwarded-", true) || is("forwarded") || is("x-real-ip") || is("x-client-ip")
            || is("true-client-ip");
}

std::optional<RequestRewriter::Clock::time_point> RequestRewriter::idleSince() const
{
    if (m_refusalSent)
        return m_idleSince;
    if (m_switched || m_inFlight > 0 || !m_inHead)
        return std::nullopt;
    return m_idleSince;
}

bool RequestRewriter::filterRequest(QByteArray &chunk)
{
    if (m_refusal) { // nothing after a refused request reaches the tunnel
        chunk.clear();
        return true;
    }
    if (m_switched && m_held.isEmpty()) {
        m_lastActivity = Clock::now();
        return true; // the common case after an upgrade: forward the chunk itself, no copy
    }
    const QByteArray input = m_held.isEmpty() ? chunk : std::exchange(m_held, {}) + chunk;
    QByteArray out;
    QByteArrayView data(input);
    while (!data.isEmpty() || m_requests.hasPendingEvent()) {
        if (m_requests.isPassthrough()) {
            out += data;
            break;
        }
        const bool trailerBytes = m_requests.inTrailer();
        const HttpParser::Step step = m_requests.feed(data);
        const QByteArrayView consumed = data.first(step.consumed);
        data = data.sliced(step.consumed);
        switch (step.event) {
        case HttpParser::Event::NeedMore:
            if (m_inHead || trailerBytes)
                break; // held by the parser; what goes on is rebuilt from the fields
            if (out.isEmpty() && consumed.data() == chunk.constData()
                && consumed.size() == chunk.size())
                return true; // a chunk of body: forward it as it is
            out += consumed;
            break;
        case HttpParser::Event::HeadComplete: {
            HttpHead head = m_requests.head();
            m_inHead = false;
            if (!onRequestHead(head)) {
                chunk = out;
                return m_firstHead.has_value(); // before routing, the edge answers itself
            }
            out += head.serialize();
            break;
        }
        case HttpParser::Event::MessageComplete:
            out += trailerBytes ? serializedTrailers() : consumed.toByteArray();
            m_inHead = true;
            markIdleIfQuiet();
            break;
        case HttpParser::Event::AwaitingSwitch:
            // Until the response tells whether the switch happened, the rest is held.
            if (data.size() > MaxHeldRequestBytes)
                return false;
            m_held = data.toByteArray();
            data = {};
            break;
        case HttpParser::Event::Error:
            refuseMalformed(m_requests);
            chunk = out;
            return m_firstHead.has_value();
        }
    }
    chunk = out;
    return true;
}

bool RequestRewriter::onRequestHead(HttpHead &head)
{
    m_idleSince.reset();
    const auto wantsHtml = [&head] { return ErrorPage::prefersHtml(head.value("Accept")); };
    const auto refuse = [&](const QString &detail) {
        this->refuse({400, tr("Bad request"), detail, wantsHtml()});
        return false;
    };

    int hosts = 0;
    for (const HttpHeader &header : std::as_const(head.headers))
        hosts += sameName(header.name, "Host") ? 1 : 0;
    if (hosts == 0)
        return refuse(tr("The request has no Host header."));
    if (hosts > 1)
        return refuse(tr("The request has more than one Host header."));
    QByteArrayView authorityText = head.value("Host");
    QByteArray authorityBuffer;
    if (!head.target.startsWith('/') && head.method != "CONNECT" && head.target != "*") {
        // RFC 9112 3.2.2: the authority of an absolute-form target wins over Host
        QByteArrayView fromTarget;
        const QByteArray path = originForm(head.target, &fromTarget);
        if (path.isEmpty())
            return refuse(tr("The request target is not a path or an http URL."));
        authorityBuffer = fromTarget.toByteArray();
        authorityText = authorityBuffer;
        head.target = path;
    }
    const std::optional<Authority> authority = Authority::parse(authorityText);
    if (!authority)
        return refuse(tr("The Host \"%1\" is not a host name with an optional port.")
                              .arg(QString::fromLatin1(authorityText.first(
                                      qMin<qsizetype>(authorityText.size(), 200)))));
    const QString name = authority->tunnelName(m_domain);
    if (m_firstHead && name != m_tunnelName) {
        return refuse(tr("This connection is for %1.%2; a request for %3 needs a connection of "
                         "its own.")
                              .arg(m_tunnelName, m_domain,
                                   QString::fromLatin1(authority->toByteArray())));
    }

    if (!m_firstHead) {
        m_tunnelName = name;
        if (m_tunnelLookup)
            m_rules = m_tunnelLookup(name);
    }
    if (m_rules.access && !checkAccess(head, wantsHtml()))
        return false;

    // The edge is the first hop rok trusts: whatever the visitor claimed about hops goes.
    head.headers.removeIf([](const HttpHeader &header) { return isForgeable(header.name); });
    const QByteArray host = authority->toByteArray();
    head.setValue("Host", m_rules.hostHeader.isEmpty() ? host : m_rules.hostHeader);
    // the forgeable ones are gone: these are appended, not searched for
    head.headers.append({QByteArrayLiteral("X-Forwarded-For"), m_visitor});
    head.headers.append({QByteArrayLiteral("X-Forwarded-Proto"), m_scheme});
    head.headers.append({QByteArrayLiteral("X-Forwarded-Host"), host});
    if (!m_firstHead)
        m_firstHead = head;
    ++m_inFlight;
    m_requestStarts.push_back(Clock::now());
    m_responses.expectResponseTo(head.method);
    return true;
}

QByteArray RequestRewriter::serializedTrailers() const
{
    QByteArray out;
    for (const HttpHeader &field : m_requests.trailers()) {
        if (!isForgeable(field.name) && !sameName(field.name, "Host"))
            out.append(field.name).append(": ").append(field.value).append("\r\n");
    }
    return out.append("\r\n");
}

void RequestRewriter::refuse(Refusal refusal)
{
    if (m_refusal)
        return;
    m_refusal = std::move(refusal);
    if (m_refusalObserver)
        m_refusalObserver(*m_refusal, m_tunnelName);
    if (m_inFlight == 0 && !m_inResponses)
        kick(Splice::BtoA); // the page can go at once (inside filterResponse(), it adds it)
}

void RequestRewriter::refuseMalformed(const HttpParser &parser)
{
    Refusal refusal{400, tr("Bad request"), parser.errorString(), false};
    if (const auto &head = m_firstHead)
        refusal.html = ErrorPage::prefersHtml(head->value("Accept"));
    if (parser.error() == HttpParser::Error::HeadTooLarge
        || parser.error() == HttpParser::Error::TooManyFields) {
        refusal.status = 431;
        refusal.title = tr("Request header too large");
    } else if (parser.error() == HttpParser::Error::UnsupportedVersion) {
        refusal.status = 505;
        refusal.title = tr("HTTP version not supported");
        refusal.detail = tr("rok's edge speaks HTTP/1.1 (and 1.0).");
    }
    refuse(refusal);
}

bool RequestRewriter::filterResponse(QByteArray &chunk)
{
    if (m_refusalSent) {
        chunk.clear();
        return true;
    }
    if (m_refusal && m_inFlight == 0) {
        chunk = refusalPage();
        return true;
    }
    if (m_switched) {
        m_lastActivity = Clock::now();
        return true;
    }
    // A switch decision re-runs the request side, which may refuse a request: its page must
    // follow this response, so it is added here rather than by a nested call.
    const QScopedValueRollback inResponses(m_inResponses, true);
    const QByteArray input = chunk;
    QByteArray out;
    QByteArrayView data(input);
    while (!data.isEmpty() || m_responses.hasPendingEvent()) {
        if (m_responses.isPassthrough()) {
            out += data;
            break;
        }
        const bool headBytes = m_responses.isIdle() || !m_responseHead.isEmpty();
        const HttpParser::Step step = m_responses.feed(data);
        const QByteArrayView consumed = data.first(step.consumed);
        data = data.sliced(step.consumed);
        switch (step.event) {
        case HttpParser::Event::NeedMore:
            if (headBytes) {
                m_responseHead += consumed; // held until whole: a bad head becomes a 502
                break;
            }
            if (out.isEmpty() && consumed.data() == chunk.constData()
                && consumed.size() == chunk.size())
                return true; // a chunk of body: forward it as it is
            out += consumed;
            break;
        case HttpParser::Event::HeadComplete:
            out += std::exchange(m_responseHead, {});
            out += consumed;
            break;
        case HttpParser::Event::MessageComplete:
            out += consumed;
            if (!onResponseEnd())
                return false;
            if (m_refusal && m_inFlight == 0) {
                chunk = out + refusalPage();
                return true;
            }
            break;
        case HttpParser::Event::Error:
            if (headBytes) {
                // nothing of this response has gone out yet: the visitor gets a clear answer
                m_refusal = Refusal{502, tr("Bad gateway"),
                                    tr("The tunnel's local service sent an invalid response: %1")
                                            .arg(m_responses.errorString()),
                                    false};
                if (const auto &head = m_firstHead)
                    m_refusal->html = ErrorPage::prefersHtml(head->value("Accept"));
                chunk = out + refusalPage();
                return true;
            }
            return false;
        case HttpParser::Event::AwaitingSwitch:
            Q_UNREACHABLE(); // requests only
        }
    }
    if (m_refusal && m_inFlight == 0 && !m_refusalSent)
        out += refusalPage();
    chunk = out;
    return true;
}

bool RequestRewriter::onResponseEnd()
{
    const HttpHead &head = m_responses.head();
    if (head.status < 200 && head.status != 101)
        return true; // interim: the final response follows
    const bool answersSwitch = m_inFlight == 1 && m_requests.isAwaitingSwitch();
    if (m_responses.isPassthrough()) {
        if (!answersSwitch)
            return false; // a switch nobody asked for: not a response rok can pass on
        m_switched = true;
        m_lastActivity = Clock::now();
        reportResponse(head.status);
        m_requests.switchProtocols();
        kick(Splice::AtoB); // what the visitor sent meanwhile goes on as it is
        return true;
    }
    m_inFlight = qMax(m_inFlight - 1, 0);
    reportResponse(head.status);
    if (answersSwitch) {
        m_requests.stayHttp();
        kick(Splice::AtoB); // what the visitor sent meanwhile is parsed as requests
    }
    markIdleIfQuiet();
    return true;
}

void RequestRewriter::reportResponse(int status)
{
    if (m_requestStarts.empty())
        return;
    const Clock::time_point start = m_requestStarts.front();
    m_requestStarts.pop_front();
    if (m_responseObserver)
        m_responseObserver(status, Clock::now() - start);
}

QByteArray RequestRewriter::refusalPage()
{
    m_refusalSent = true;
    m_idleSince = Clock::now();
    const Refusal &refusal = *m_refusal;
    return ErrorPage::response(refusal.status, refusal.title, refusal.detail, refusal.html,
                               refusal.extraHeaders);
}

bool RequestRewriter::checkAccess(HttpHead &head, bool html)
{
    if (!m_rules.access->allowsAddress(m_visitorAddress)) {
        refuse({403, tr("Forbidden"),
                tr("This tunnel does not take visitors from your address (%1).")
                        .arg(QString::fromLatin1(m_visitor)),
                html});
        return false;
    }
    if (!m_rules.access->requiresLogin())
        return true;
    const bool authorized = m_rules.access->authorizes(head.value("Authorization"));
    // The service never sees the tunnel's password: it is rok's, not the application's.
    head.headers.removeIf(
            [](const HttpHeader &header) { return sameName(header.name, "Authorization"); });
    if (!authorized) {
        refuse({401, tr("Login required"), tr("This tunnel asks for a user name and password."),
                html, "WWW-Authenticate: Basic realm=\"rok\", charset=\"UTF-8\"\r\n"});
        return false;
    }
    return true;
}

void RequestRewriter::markIdleIfQuiet()
{
    if (m_inFlight == 0 && m_inHead && !m_switched)
        m_idleSince = Clock::now();
}

void RequestRewriter::kick(Splice::Direction direction)
{
    if (m_splice)
        m_splice->refilter(direction);
}
