// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "acmeclient.h"

#include "http01responses.h"
#include "tls/openssl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxNonceRetries = 3;
constexpr std::chrono::seconds RequestTimeout{30};
constexpr std::chrono::seconds LongestRetryAfter{10};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A certificate signing request (RFC 2986) for `host` and a new key, both for finalize (7.4).
QByteArray certificateRequest(const QString &host, QByteArray *keyPem, QString *error)
{
    const OpenSsl::Key key = OpenSsl::newEcKey();
    const OpenSsl::CertificateRequest request(X509_REQ_new());
    const QByteArray name = host.toLatin1();
    X509_NAME *subject = X509_REQ_get_subject_name(request.get());
    STACK_OF(X509_EXTENSION) *extensions = sk_X509_EXTENSION_new_null();
    const QByteArray altName = "DNS:" + name;
    X509_EXTENSION *san =
            X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, altName.constData());
    const bool built = key && request && extensions && san
            && X509_REQ_set_version(request.get(), 0) == 1
            && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                                          reinterpret_cast<const unsigned char *>(name.data()),
                                          int(name.size()), -1, 0)
                    == 1
            && sk_X509_EXTENSION_push(extensions, san) > 0
            && X509_REQ_add_extensions(request.get(), extensions) == 1
            && X509_REQ_set_pubkey(request.get(), key.get()) == 1
            && X509_REQ_sign(request.get(), key.get(), EVP_sha256()) > 0;
    sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
    if (!built) {
        *error = OpenSsl::error("making the certificate request");
        return {};
    }
    const int size = i2d_X509_REQ(request.get(), nullptr);
    QByteArray der(size, '\0');
    auto *cursor = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509_REQ(request.get(), &cursor);
    *keyPem = OpenSsl::toPem(key.get());
    return der;
}

} // namespace

AcmeClient::AcmeClient(const Settings &settings, JwsKey accountKey, Http01Responses &responses,
                       QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_key(std::move(accountKey))
    , m_responses(responses)
{
}

void AcmeClient::order(const QString &host)
{
    if (isOrdering(host))
        return;
    m_queue.enqueue(host);
    if (!m_order)
        startNext();
}

bool AcmeClient::isOrdering(const QString &host) const
{
    return (m_order && m_order->host == host) || m_queue.contains(host);
}

void AcmeClient::startNext()
{
    if (m_queue.isEmpty())
        return;
    m_order = Order{.host = m_queue.dequeue()};
    ensureAccount([this] { newOrder(); });
}

// 7.1.1 the directory names the other URLs; 7.3 an account for the key (the CA answers with
// the existing account when the key has one already).
void AcmeClient::ensureAccount(std::function<void()> then)
{
    if (!m_account.isEmpty()) {
        then();
        return;
    }
    get(m_settings.directory, [this, then](const Reply &directory) {
        if (failedWith(directory, "reading the ACME directory"))
            return;
        m_newNonce = QUrl(directory.json.value("newNonce"_L1).toString());
        m_newAccount = QUrl(directory.json.value("newAccount"_L1).toString());
        m_newOrder = QUrl(directory.json.value("newOrder"_L1).toString());
        if (!m_newNonce.isValid() || !m_newAccount.isValid() || !m_newOrder.isValid()) {
            finish(tr("%1 is not an ACME directory").arg(m_settings.directory.toString()));
            return;
        }
        QJsonObject account{{"termsOfServiceAgreed"_L1, true}};
        if (!m_settings.email.isEmpty())
            account.insert("contact"_L1, QJsonArray{u"mailto:"_s + m_settings.email});
        post(m_newAccount, json(account), [this, then](const Reply &created) {
            if (failedWith(created, "creating the ACME account"))
                return;
            if (!created.location.isValid()) {
                finish(tr("the CA sent no account URL"));
                return;
            }
            m_account = created.location;
            then();
        });
    });
}

// 7.4: an order names the identifiers and returns the authorizations to complete.
void AcmeClient::newOrder()
{
    const QJsonObject identifier{{"type"_L1, "dns"_L1}, {"value"_L1, m_order->host}};
    post(m_newOrder, json({{"identifiers"_L1, QJsonArray{identifier}}}),
         [this](const Reply &reply) {
             if (failedWith(reply, "ordering a certificate"))
                 return;
             m_order->url = reply.location;
             m_order->finalize = QUrl(reply.json.value("finalize"_L1).toString());
             for (const QJsonValue &authorization : reply.json.value("authorizations"_L1).toArray())
                 m_order->authorizations.append(QUrl(authorization.toString()));
             if (!m_order->url.isValid() || !m_order->finalize.isValid()) {
                 finish(tr("the CA's order has no finalize URL"));
                 return;
             }
             authorizeNext();
         });
}

// 7.5: each authorization is valid already (an earlier order) or offers challenges.
void AcmeClient::authorizeNext()
{
    if (m_order->authorizations.isEmpty()) {
        finalizeOrder();
        return;
    }
    const QUrl authorization = m_order->authorizations.takeFirst();
    post(authorization, {}, [this, authorization](const Reply &reply) {
        if (failedWith(reply, "reading an authorization"))
            return;
        if (reply.json.value("status"_L1).toString() == "valid"_L1) {
            authorizeNext();
            return;
        }
        for (const QJsonValue &challenge : reply.json.value("challenges"_L1).toArray()) {
            if (challenge["type"_L1].toString() == "http-01"_L1) {
                respondToChallenge(authorization, challenge.toObject());
                return;
            }
        }
        finish(tr("the CA offers no http-01 challenge for %1").arg(m_order->host));
    });
}

// 8.1 and 8.3: publish TOKEN.THUMBPRINT on the HTTP edge, then tell the CA to look (7.5.1).
void AcmeClient::respondToChallenge(const QUrl &authorization, const QJsonObject &challenge)
{
    const QByteArray token = challenge.value("token"_L1).toString().toLatin1();
    if (token.isEmpty()) {
        finish(tr("the CA's http-01 challenge has no token"));
        return;
    }
    m_order->challengeToken = token;
    m_responses.add(token, token + '.' + m_key.thumbprint());
    post(QUrl(challenge.value("url"_L1).toString()), "{}", [this, authorization](const Reply &r) {
        if (failedWith(r, "answering the http-01 challenge"))
            return;
        m_order->polls = 0;
        pollAuthorization(authorization);
    });
}

void AcmeClient::pollAuthorization(const QUrl &authorization)
{
    post(authorization, {}, [this, authorization](const Reply &reply) {
        if (failedWith(reply, "reading an authorization"))
            return;
        const QString status = reply.json.value("status"_L1).toString();
        if (status == "valid"_L1) {
            m_responses.remove(m_order->challengeToken);
            m_order->challengeToken.clear();
            authorizeNext();
            return;
        }
        if (status != "pending"_L1 || ++m_order->polls > m_pollAttempts) {
            // The failed challenge carries the reason (for example, the CA could not connect).
            QString why = tr("status %1").arg(status);
            for (const QJsonValue &challenge : reply.json.value("challenges"_L1).toArray()) {
                const QString detail = challenge["error"_L1]["detail"_L1].toString();
                if (!detail.isEmpty())
                    why = detail;
            }
            finish(tr("the CA did not validate %1: %2").arg(m_order->host, why));
            return;
        }
        QTimer::singleShot(std::max(m_pollInterval, reply.retryAfter), this,
                           [this, authorization] { pollAuthorization(authorization); });
    });
}

void AcmeClient::finalizeOrder()
{
    QString error;
    const QByteArray csr = certificateRequest(m_order->host, &m_order->keyPem, &error);
    if (csr.isEmpty()) {
        finish(error);
        return;
    }
    const QJsonObject payload{{"csr"_L1, QString::fromLatin1(base64Url(csr))}};
    post(m_order->finalize, json(payload), [this](const Reply &reply) {
        if (failedWith(reply, "finalizing the order"))
            return;
        m_order->polls = 0;
        pollOrder();
    });
}

// 7.4: "processing" until the CA has issued; then the order names the certificate's URL.
void AcmeClient::pollOrder()
{
    post(m_order->url, {}, [this](const Reply &reply) {
        if (failedWith(reply, "reading the order"))
            return;
        const QString status = reply.json.value("status"_L1).toString();
        if (status == "valid"_L1) {
            downloadCertificate(QUrl(reply.json.value("certificate"_L1).toString()));
            return;
        }
        // "ready" again only if finalize has not been seen yet: look again, as for processing.
        const bool waiting = status == "processing"_L1 || status == "ready"_L1;
        if (!waiting || ++m_order->polls > m_pollAttempts) {
            finish(tr("the CA did not issue the certificate for %1 (order %2)")
                           .arg(m_order->host, status));
            return;
        }
        QTimer::singleShot(std::max(m_pollInterval, reply.retryAfter), this,
                           [this] { pollOrder(); });
    });
}

void AcmeClient::downloadCertificate(const QUrl &certificate)
{
    post(certificate, {}, [this](const Reply &reply) {
        if (failedWith(reply, "downloading the certificate"))
            return;
        if (!reply.body.contains("-----BEGIN CERTIFICATE-----")) {
            finish(tr("the CA sent no PEM certificate chain"));
            return;
        }
        const Order done = *m_order;
        m_order.reset();
        Q_EMIT issued(done.host, reply.body, done.keyPem);
        startNext();
    });
}

void AcmeClient::finish(const QString &error)
{
    const Order done = *m_order;
    m_order.reset();
    if (!done.challengeToken.isEmpty())
        m_responses.remove(done.challengeToken);
    Q_EMIT failed(done.host, error);
    startNext();
}

bool AcmeClient::failedWith(const Reply &reply, const char *step)
{
    if (reply.error.isEmpty())
        return false;
    finish(QStringLiteral("%1: %2").arg(QLatin1StringView(step), reply.error));
    return true;
}

QNetworkRequest AcmeClient::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_settings.tls);
    request.setTransferTimeout(int(std::chrono::milliseconds(RequestTimeout).count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("rok-server/" ROK_VERSION));
    return request;
}

void AcmeClient::get(const QUrl &url, const Then &then)
{
    QNetworkReply *reply = m_network.get(request(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply, then] { then(read(reply)); });
}

void AcmeClient::fetchNonce(const std::function<void(QString error)> &then)
{
    QNetworkReply *reply = m_network.head(request(m_newNonce));
    connect(reply, &QNetworkReply::finished, this, [this, reply, then] {
        const Reply result = read(reply);
        then(m_nonce.isEmpty() && result.error.isEmpty() ? tr("the CA sent no nonce")
                                                         : result.error);
    });
}

void AcmeClient::post(const QUrl &url, const QByteArray &payload, const Then &then, int attempt)
{
    if (m_nonce.isEmpty()) {
        fetchNonce([this, url, payload, then, attempt](const QString &error) {
            if (!error.isEmpty()) {
                then(Reply{.error = error});
                return;
            }
            post(url, payload, then, attempt);
        });
        return;
    }
    QJsonObject header{{"alg"_L1, "ES256"_L1},
                       {"nonce"_L1, QString::fromLatin1(std::exchange(m_nonce, {}))},
                       {"url"_L1, url.toString()}};
    // 6.2: the account's URL once there is one, the key itself only to create it.
    if (m_account.isEmpty())
        header.insert("jwk"_L1, m_key.jwk());
    else
        header.insert("kid"_L1, m_account.toString());
    QNetworkRequest request = this->request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/jose+json"));
    QNetworkReply *reply = m_network.post(request, m_key.sign(header, payload));
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        const Reply result = read(reply);
        const bool badNonce = result.json.value("type"_L1).toString().endsWith(":badNonce"_L1);
        if (result.status == 400 && badNonce && attempt < MaxNonceRetries) {
            post(url, payload, then, attempt + 1); // 6.5: the reply carried a fresh nonce
            return;
        }
        then(result);
    });
}

AcmeClient::Reply AcmeClient::read(QNetworkReply *reply)
{
    reply->deleteLater();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.location = QUrl(QString::fromLatin1(reply->rawHeader("Location")));
    if (reply->hasRawHeader("Replay-Nonce"))
        m_nonce = reply->rawHeader("Replay-Nonce");
    bool isNumber = false;
    const int seconds = reply->rawHeader("Retry-After").toInt(&isNumber);
    if (isNumber && seconds > 0)
        result.retryAfter = std::min<std::chrono::milliseconds>(std::chrono::seconds(seconds),
                                                                LongestRetryAfter);
    if (result.status == 0) {
        result.error = reply->errorString();
    } else if (result.status >= 400) {
        // 6.7: a problem document says what went wrong.
        const QString detail = result.json.value("detail"_L1).toString();
        result.error = tr("%1 answered %2%3")
                               .arg(reply->url().host())
                               .arg(result.status)
                               .arg(detail.isEmpty() ? QString() : u": "_s + detail.left(300));
    }
    return result;
}
