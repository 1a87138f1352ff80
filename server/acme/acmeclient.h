// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "jwskey.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QQueue>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <functional>

class Http01Responses;

// An ACME (RFC 8555) client for one account at one CA: orders a certificate for one name at a
// time with the HTTP-01 challenge, which the HTTP edge answers from `responses`. Everything runs
// on the event loop through QNetworkAccessManager; nothing blocks.
class AcmeClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcmeClient)

public:
    struct Settings
    {
        QUrl directory; // --acme-directory
        QString email; // --acme-email: the account's contact
        QSslConfiguration tls; // whom to trust when talking to the CA (--acme-ca adds one)
    };

    AcmeClient(const Settings &settings, JwsKey accountKey, Http01Responses &responses,
               QObject *parent = nullptr);

    // Queues an order for `host`; issued() or failed() follows. A name already queued or being
    // ordered is not queued twice.
    void order(const QString &host);
    bool isOrdering(const QString &host) const;

Q_SIGNALS:
    void issued(const QString &host, const QByteArray &chainPem, const QByteArray &keyPem);
    void failed(const QString &host, const QString &reason);

private:
    struct Reply
    {
        int status = 0;
        QJsonObject json;
        QByteArray body;
        QUrl location;
        QString error; // empty on success: the network error or the CA's problem detail
        std::chrono::milliseconds retryAfter{0};
    };
    using Then = std::function<void(const Reply &)>;

    struct Order
    {
        QString host;
        QUrl url;
        QUrl finalize;
        QList<QUrl> authorizations;
        QByteArray challengeToken; // being answered on the HTTP edge
        QByteArray keyPem; // of the certificate being requested
        int polls = 0;
    };

    void startNext();
    void ensureAccount(std::function<void()> then); // 7.1.1 directory, 7.3 account
    void newOrder(); // 7.4
    void authorizeNext(); // 7.5
    void respondToChallenge(const QUrl &authorization, const QJsonObject &challenge); // 7.5.1
    void pollAuthorization(const QUrl &authorization);
    void finalizeOrder(); // 7.4, with a CSR
    void pollOrder();
    void downloadCertificate(const QUrl &certificate); // 7.4.2
    void finish(const QString &error); // emits issued() or failed(), then the next order

    void get(const QUrl &url, const Then &then);
    // A JWS-signed POST (6.2); an empty payload is a POST-as-GET (6.3). Gets a nonce first when
    // none is left (7.2) and sends again on badNonce (6.5).
    void post(const QUrl &url, const QByteArray &payload, const Then &then, int attempt = 0);
    void fetchNonce(const std::function<void(QString error)> &then);
    Reply read(QNetworkReply *reply);
    QNetworkRequest request(const QUrl &url) const;
    // Whether to stop: a reply with an error ends the order with it.
    bool failedWith(const Reply &reply, const char *step);

    Settings m_settings;
    JwsKey m_key;
    Http01Responses &m_responses;
    QNetworkAccessManager m_network;
    QUrl m_newNonce;
    QUrl m_newAccount;
    QUrl m_newOrder;
    QUrl m_account; // the "kid" once the account exists
    QByteArray m_nonce;
    QQueue<QString> m_queue;
    std::optional<Order> m_order;
    // How often to look at a pending authorization or order (or what Retry-After says, up to
    // 10 s), and how many times before giving up.
    std::chrono::milliseconds m_pollInterval{1000};
    int m_pollAttempts = 120;
};
