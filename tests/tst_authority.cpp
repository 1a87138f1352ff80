#include <QTest>

#include "httpedge.h"

using namespace Qt::StringLiterals;

class tst_HttpEdge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameFromHost_data();
    void nameFromHost();
};

void tst_HttpEdge::nameFromHost_data()
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
    QTest::newRow("surrounding spaces")
            << "  brave-otter.localhost:8080 "_ba << localhost << u"brave-otter"_s;
    QTest::newRow("digits") << "app2.localhost"_ba << localhost << u"app2"_s;

    QTest::newRow("the domain itself") << "localhost"_ba << localhost << QString();
    QTest::newRow("the domain with port") << "localhost:8080"_ba << localhost << QString();
    QTest::newRow("empty label") << ".localhost"_ba << localhost << QString();
    QTest::newRow("two labels") << "a.b.localhost"_ba << localhost << QString();
    QTest::newRow("suffix without dot") << "evil-localhost"_ba << localhost << QString();
    QTest::newRow("suffix without dot, port") << "evil-localhost:8080"_ba << localhost << QString();
    QTest::newRow("domain inside") << "brave-otter.localhost.evil.com"_ba << localhost << QString();
    QTest::newRow("empty") << QByteArray() << localhost << QString();
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

void tst_HttpEdge::nameFromHost()
{
    QFETCH(QByteArray, host);
    QFETCH(QString, domain);
    QFETCH(QString, name);

    QCOMPARE(HttpEdge::nameFromHost(host, domain), name);
}

QTEST_APPLESS_MAIN(tst_HttpEdge)

#include "tst_httpedge.moc"
