// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "accesspolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Protocol::Credential;

// The rules a client sets for its tunnel: address ranges and basic-auth users.
class tst_AccessPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noRulesIsNoPolicy();
    void malformedRulesAreRefused_data();
    void malformedRulesAreRefused();
    void addresses_data();
    void addresses();
    void authorization_data();
    void authorization();
};

namespace {

Credential credential(const QByteArray &user, const QByteArray &password)
{
    const QByteArray salt(Protocol::SaltSize, 's');
    return {user, salt, Protocol::passwordHash(salt, password)};
}

std::shared_ptr<const AccessPolicy> policy(const Protocol::Open &open)
{
    bool ok = false;
    QString error;
    auto result = AccessPolicy::fromOpen(open, &ok, &error);
    if (!ok)
        qWarning() << error;
    return result;
}

} // namespace

void tst_AccessPolicy::noRulesIsNoPolicy()
{
    bool ok = false;
    QString error;
    QVERIFY(!AccessPolicy::fromOpen(Protocol::Open{.protocol = u"http"_s}, &ok, &error));
    QVERIFY(ok);
}

void tst_AccessPolicy::malformedRulesAreRefused_data()
{
    QTest::addColumn<Protocol::Open>("open");
    QTest::addColumn<QString>("message");

    QTest::newRow("not a range") << Protocol::Open{.allowCidrs = {u"10.0.0.0/33"_s}}
                                 << u"not an address range"_s;
    QTest::newRow("a name") << Protocol::Open{.denyCidrs = {u"example.com"_s}}
                            << u"not an address range"_s;
    QTest::newRow("user with a colon")
            << Protocol::Open{.credentials = {credential("a:b", "pw")}} << u"malformed"_s;
    QTest::newRow("empty user") << Protocol::Open{.credentials = {credential("", "pw")}}
                                << u"malformed"_s;
    Credential shortSalt = credential("a", "pw");
    shortSalt.salt.chop(1);
    QTest::newRow("short salt") << Protocol::Open{.credentials = {shortSalt}} << u"malformed"_s;
    QTest::newRow("17 users") << Protocol::Open{.credentials = QList<Credential>(
                                                        17, credential("a", "pw"))}
                              << u"at most 16 users"_s;
    QTest::newRow("65 ranges") << Protocol::Open{.allowCidrs = QStringList(65, u"10.0.0.1"_s)}
                               << u"64 address ranges"_s;
}

void tst_AccessPolicy::malformedRulesAreRefused()
{
    QFETCH(Protocol::Open, open);
    QFETCH(QString, message);
    bool ok = true;
    QString error;
    QVERIFY(!AccessPolicy::fromOpen(open, &ok, &error));
    QVERIFY(!ok);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_AccessPolicy::addresses_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("deny");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("allowed");

    const QStringList none;
    QTest::newRow("in the allowed range")
            << QStringList{u"10.0.0.0/8"_s} << none << u"10.1.2.3"_s << true;
    QTest::newRow("outside it") << QStringList{u"10.0.0.0/8"_s} << none << u"11.0.0.1"_s << false;
    QTest::newRow("a single address")
            << QStringList{u"192.0.2.7"_s} << none << u"192.0.2.7"_s << true;
    QTest::newRow("its neighbour")
            << QStringList{u"192.0.2.7"_s} << none << u"192.0.2.8"_s << false;
    QTest::newRow("IPv4 over a dual-stack socket")
            << QStringList{u"10.0.0.0/8"_s} << none << u"::ffff:10.9.9.9"_s << true;
    QTest::newRow("IPv6 range") << QStringList{u"2001:db8::/32"_s} << none << u"2001:db8:1::5"_s
                                << true;
    QTest::newRow("denied") << none << QStringList{u"203.0.113.0/24"_s} << u"203.0.113.9"_s
                            << false;
    QTest::newRow("not denied") << none << QStringList{u"203.0.113.0/24"_s} << u"198.51.100.1"_s
                                << true;
    QTest::newRow("denied wins over allowed")
            << QStringList{u"10.0.0.0/8"_s} << QStringList{u"10.6.0.0/16"_s} << u"10.6.1.1"_s
            << false;
}

void tst_AccessPolicy::addresses()
{
    QFETCH(QStringList, allow);
    QFETCH(QStringList, deny);
    QFETCH(QString, address);
    QFETCH(bool, allowed);
    const auto rules = policy({.allowCidrs = allow, .denyCidrs = deny});
    QVERIFY(rules);
    QVERIFY(!rules->requiresLogin());
    QCOMPARE(rules->allowsAddress(QHostAddress(address)), allowed);
}

void tst_AccessPolicy::authorization_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("authorized");

    const auto basic = [](const QByteArray &pair) { return "Basic " + pair.toBase64(); };
    QTest::newRow("alice") << basic("alice:s3cret") << true;
    QTest::newRow("bob, whose password has a colon") << basic("bob:a:b") << true;
    QTest::newRow("non-ASCII user") << basic("zoë:pw") << true;
    QTest::newRow("scheme in other case")
            << "bAsIc " + QByteArray("alice:s3cret").toBase64() << true;
    QTest::newRow("wrong password") << basic("alice:s3cre") << false;
    QTest::newRow("another user's password") << basic("alice:a:b") << false;
    QTest::newRow("unknown user") << basic("mallory:s3cret") << false;
    QTest::newRow("no colon") << basic("alice") << false;
    QTest::newRow("empty user") << basic(":s3cret") << false;
    QTest::newRow("not base64") << QByteArray("Basic !!!!") << false;
    QTest::newRow("bearer") << QByteArray("Bearer abc") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("scheme only") << QByteArray("Basic ") << false;
}

void tst_AccessPolicy::authorization()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, authorized);
    const auto rules = policy({.credentials = {credential("alice", "s3cret"),
                                               credential("bob", "a:b"), credential("zoë", "pw")}});
    QVERIFY(rules);
    QVERIFY(rules->requiresLogin());
    QVERIFY(rules->allowsAddress(QHostAddress(u"198.51.100.1"_s))); // no ranges: any address
    QCOMPARE(rules->authorizes(header), authorized);
}

QTEST_APPLESS_MAIN(tst_AccessPolicy)
#include "tst_accesspolicy.moc"
