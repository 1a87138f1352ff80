// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include "authority.h"

using namespace Qt::StringLiterals;

class tst_Authority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tunnelName_data();
    void tunnelName();
    void invalid_data();
    void invalid();
    void canonicalSpelling_data();
    void canonicalSpelling();
};

void tst_Authority::tunnelName_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("name");

    const QString localhost = u"localhost"_s;
    QTest::newRow("name.localhost:port")
            << "brave-otter.localhost:8080"_ba << localhost << u"brave-otter"_s;
    QTest::newRow("no port") << "brave-otter.localhost"_ba << localhost << u"brave-otter"_s;
    QTest::newRow("uppercase") << "BRAVE-Otter.LocalHost:8080"_ba << localhost << u"brave-otter"_s;
    QTest::newRow("trailing dot") << "brave-otter.localhost."_ba << localhost << u"brave-otter"_s;
    QTest::newRow("trailing dot and port")
            << "brave-otter.localhost.:8080"_ba << localhost << u"brave-otter"_s;
    QTest::newRow("digits") << "app2.localhost"_ba << localhost << u"app2"_s;

    QTest::newRow("the domain itself") << "localhost"_ba << localhost << QString();
    QTest::newRow("the domain with port") << "localhost:8080"_ba << localhost << QString();
    QTest::newRow("two labels") << "a.b.localhost"_ba << localhost << QString();
    QTest::newRow("suffix without dot") << "evil-localhost"_ba << localhost << QString();
    QTest::newRow("suffix without dot, port") << "evil-localhost:8080"_ba << localhost << QString();
    QTest::newRow("domain inside") << "brave-otter.localhost.evil.com"_ba << localhost << QString();
    QTest::newRow("IPv4 literal") << "127.0.0.1:8080"_ba << localhost << QString();
    QTest::newRow("IPv6 literal") << "[::1]:8080"_ba << localhost << QString();
    QTest::newRow("IPv6 literal, no port") << "[::1]"_ba << localhost << QString();

    const QString example = u"example.com"_s;
    QTest::newRow("custom domain") << "brave-otter.example.com"_ba << example << u"brave-otter"_s;
    QTest::newRow("custom domain, port, uppercase")
            << "Brave-Otter.EXAMPLE.com:80"_ba << example << u"brave-otter"_s;
    QTest::newRow("custom domain itself") << "example.com"_ba << example << QString();
    QTest::newRow("custom domain, two labels")
            << "a.brave-otter.example.com"_ba << example << QString();
    QTest::newRow("other domain") << "brave-otter.example.org"_ba << example << QString();
    QTest::newRow("localhost under a custom domain")
            << "brave-otter.localhost"_ba << example << QString();
    QTest::newRow("look-alike domain") << "brave-otter.notexample.com"_ba << example << QString();
}

void tst_Authority::tunnelName()
{
    QFETCH(QByteArray, host);
    QFETCH(QString, domain);
    QFETCH(QString, name);

    const std::optional<Authority> authority = Authority::parse(host);
    QVERIFY(authority);
    QCOMPARE(authority->tunnelName(domain), name);
}

void tst_Authority::invalid_data()
{
    QTest::addColumn<QByteArray>("host");

    // each of these reads as one host to one parser and as another to the next hop
    QTest::newRow("list") << "t.localhost:1, evil.com"_ba;
    QTest::newRow("user info") << "t.localhost:@evil.com"_ba;
    QTest::newRow("user info before") << "evil.com@t.localhost"_ba;
    QTest::newRow("inner space") << "t.local host"_ba;
    QTest::newRow("surrounding spaces") << " t.localhost "_ba;
    QTest::newRow("tab") << "t.localhost\t"_ba;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only a port") << ":8080"_ba;
    QTest::newRow("empty label") << "t..localhost"_ba;
    QTest::newRow("leading dot") << ".localhost"_ba;
    QTest::newRow("two trailing dots") << "t.localhost.."_ba;
    QTest::newRow("port not a number") << "t.localhost:80a"_ba;
    QTest::newRow("port too large") << "t.localhost:65536"_ba;
    QTest::newRow("port too long") << "t.localhost:000080"_ba;
    QTest::newRow("two ports") << "t.localhost:80:81"_ba;
    QTest::newRow("path") << "t.localhost/x"_ba;
    QTest::newRow("percent-encoded") << "t%2elocalhost"_ba;
    QTest::newRow("non-ASCII") << "t.l\xc3\xb6"
                                  "calhost"_ba;
    QTest::newRow("Kelvin sign") << "\xe2\x84\xaa.localhost"_ba;
    QTest::newRow("unclosed IPv6") << "[::1"_ba;
    QTest::newRow("IPv6 with a name") << "[::1.evil.com]"_ba;
    QTest::newRow("too long") << QByteArray(254, 'a');
}

void tst_Authority::invalid()
{
    QFETCH(QByteArray, host);
    QVERIFY(!Authority::parse(host));
}

void tst_Authority::canonicalSpelling_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("canonical");

    QTest::newRow("as it is") << "brave-otter.localhost:8080"_ba
                              << "brave-otter.localhost:8080"_ba;
    QTest::newRow("case and trailing dot") << "Brave-Otter.LOCALHOST.:80"_ba
                                           << "brave-otter.localhost:80"_ba;
    QTest::newRow("leading zeros in the port") << "a.localhost:0080"_ba
                                               << "a.localhost:80"_ba;
    QTest::newRow("empty port") << "a.localhost:"_ba
                                << "a.localhost"_ba;
    QTest::newRow("IPv6") << "[::1]:8080"_ba
                          << "[::1]:8080"_ba;
    QTest::newRow("IPv4") << "127.0.0.1"_ba
                          << "127.0.0.1"_ba;
}

void tst_Authority::canonicalSpelling()
{
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, canonical);
    const std::optional<Authority> authority = Authority::parse(host);
    QVERIFY(authority);
    QCOMPARE(authority->toByteArray(), canonical);
}

QTEST_APPLESS_MAIN(tst_Authority)

#include "tst_authority.moc"
