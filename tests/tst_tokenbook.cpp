// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tokenbook.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// --tokens-file: its lines, its errors, and the name patterns.
class tst_TokenBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse();
    void errors_data();
    void errors();
    void namePatterns_data();
    void namePatterns();
    void load();
    void findTriesEveryEntry();
};

void tst_TokenBook::parse()
{
    QString error;
    const auto entries = TokenBook::parse("# a comment\n"
                                          "\n"
                                          "  plain-token-1  \n"
                                          "web-token-22 names=web,web-* max-tunnels=3\r\n"
                                          "demo-token-333\tmax-tunnels=1\n",
                                          &error);
    QVERIFY2(entries, qPrintable(error));
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->at(0).token, "plain-token-1");
    QVERIFY(entries->at(0).names.isEmpty());
    QVERIFY(!entries->at(0).maxTunnels);
    QCOMPARE(entries->at(1).token, "web-token-22");
    QCOMPARE(entries->at(1).names, (QStringList{u"web"_s, u"web-*"_s}));
    QCOMPARE(entries->at(1).maxTunnels, 3);
    QCOMPARE(entries->at(2).maxTunnels, 1);
}

void tst_TokenBook::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("short token") << "ok-token-123\nshort\n"_ba << u"line 2: a token has at least"_s;
    QTest::newRow("field first") << "names=web token-12345\n"_ba << u"line 1: a line starts"_s;
    QTest::newRow("unknown field")
            << "token-12345 color=red\n"_ba << u"unknown field \"color=red\""_s;
    QTest::newRow("empty names") << "token-12345 names=\n"_ba << u"names= takes"_s;
    QTest::newRow("a dot in a name") << "token-12345 names=a.b\n"_ba << u"names= takes"_s;
    QTest::newRow("upper case") << "token-12345 names=Web\n"_ba << u"names= takes"_s;
    QTest::newRow("max-tunnels=0") << "token-12345 max-tunnels=0\n"_ba << u"max-tunnels="_s;
    QTest::newRow("max-tunnels=x") << "token-12345 max-tunnels=x\n"_ba << u"max-tunnels="_s;
    QTest::newRow("same token twice")
            << "token-12345\ntoken-12345 names=a\n"_ba << u"line 2: the same token"_s;
}

void tst_TokenBook::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!TokenBook::parse(text, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_TokenBook::namePatterns_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("no patterns: any name") << QStringList() << u"anything"_s << true;
    QTest::newRow("exact") << QStringList{u"web"_s} << u"web"_s << true;
    QTest::newRow("not a prefix") << QStringList{u"web"_s} << u"webshop"_s << false;
    QTest::newRow("star") << QStringList{u"web-*"_s} << u"web-shop"_s << true;
    QTest::newRow("star needs the dash") << QStringList{u"web-*"_s} << u"web"_s << false;
    QTest::newRow("star in the middle") << QStringList{u"a*z"_s} << u"abcz"_s << true;
    QTest::newRow("second pattern") << QStringList{u"api"_s, u"web-*"_s} << u"web-1"_s << true;
    QTest::newRow("neither") << QStringList{u"api"_s, u"web-*"_s} << u"admin"_s << false;
}

void tst_TokenBook::namePatterns()
{
    QFETCH(QStringList, patterns);
    QFETCH(QString, name);
    QFETCH(bool, allowed);
    QCOMPARE(TokenBook::allowsName(patterns, name), allowed);
}

void tst_TokenBook::load()
{
    QString error;
    const auto onlyFlags = TokenBook::load({"flag-token-1"}, {}, &error);
    QVERIFY(onlyFlags);
    QCOMPARE(onlyFlags->size(), 1);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!TokenBook::load({}, dir.filePath(u"missing"_s), &error));
    QVERIFY2(error.contains(u"missing"_s), qPrintable(error));

    QFile file(dir.filePath(u"tokens"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("file-token-1 names=web\n");
    file.close();
    const auto both = TokenBook::load({"flag-token-1"}, file.fileName(), &error);
    QVERIFY2(both, qPrintable(error));
    QCOMPARE(both->size(), 2);

    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(TokenBook::MaxFileSize + 1, '#'));
    file.close();
    QVERIFY(!TokenBook::load({}, file.fileName(), &error));
    QVERIFY2(error.contains(u"is over"_s), qPrintable(error));
}

void tst_TokenBook::findTriesEveryEntry()
{
    const TokenBook book({"first-token-1", "second-token-2", "third-token-3"});
    int tried = 0;
    const TokenBook::Entry *found = book.find([&tried](const QByteArray &token) {
        ++tried;
        return token == "first-token-1";
    });
    QVERIFY(found);
    QCOMPARE(found->token, "first-token-1");
    QCOMPARE(tried, 3); // the time taken does not tell which token matched
    QVERIFY(!book.find([](const QByteArray &) { return false; }));
}

QTEST_APPLESS_MAIN(tst_TokenBook)
#include "tst_tokenbook.moc"
