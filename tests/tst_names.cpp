// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "names.h"

using namespace Qt::StringLiterals;

class tst_Names : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAreLargeEnough();
    void listsAreClean_data();
    void listsAreClean();
    void randomIsValid();
    void randomIsVaried();
    void isValidLabel_data();
    void isValidLabel();
    void reservedWordsAreRefused_data();
    void reservedWordsAreRefused();
    void whyIsOptional();
};

namespace {

QSet<QString> toSet(std::span<const char *const> words)
{
    QSet<QString> set;
    for (const char *word : words)
        set.insert(QString::fromLatin1(word));
    return set;
}

} // namespace

void tst_Names::listsAreLargeEnough()
{
    QCOMPARE_GE(Names::adjectives().size(), std::size_t(250));
    QCOMPARE_GE(Names::animals().size(), std::size_t(250));
}

void tst_Names::listsAreClean_data()
{
    QTest::addColumn<QStringList>("words");
    QStringList adjectives;
    for (const char *word : Names::adjectives())
        adjectives.append(QString::fromLatin1(word));
    QStringList animals;
    for (const char *word : Names::animals())
        animals.append(QString::fromLatin1(word));
    QTest::newRow("adjectives") << adjectives;
    QTest::newRow("animals") << animals;
}

void tst_Names::listsAreClean()
{
    QFETCH(QStringList, words);
    static const QRegularExpression shortLowercase(u"^[a-z]{2,10}$"_s);
    const QSet<QString> reserved = toSet(Names::reservedWords());
    QSet<QString> seen;
    for (const QString &word : std::as_const(words)) {
        QVERIFY2(shortLowercase.match(word).hasMatch(), qPrintable(word));
        QVERIFY2(!reserved.contains(word), qPrintable(word));
        QVERIFY2(!seen.contains(word), qPrintable(u"duplicate: "_s + word));
        seen.insert(word);
    }
}

void tst_Names::randomIsValid()
{
    static const QRegularExpression shape(u"^([a-z]+)-([a-z]+)$"_s);
    const QSet<QString> adjectives = toSet(Names::adjectives());
    const QSet<QString> animals = toSet(Names::animals());
    for (int i = 0; i < 1000; ++i) {
        const QString name = Names::random();
        QString why;
        QVERIFY2(Names::isValidLabel(name, &why), qPrintable(name + u": "_s + why));
        const QRegularExpressionMatch match = shape.match(name);
        QVERIFY2(match.hasMatch(), qPrintable(name));
        QVERIFY2(adjectives.contains(match.captured(1)), qPrintable(name));
        QVERIFY2(animals.contains(match.captured(2)), qPrintable(name));
    }
}

void tst_Names::randomIsVaried()
{
    QSet<QString> names;
    for (int i = 0; i < 1000; ++i)
        names.insert(Names::random());
    QCOMPARE_GT(names.size(), qsizetype(900));
}

void tst_Names::isValidLabel_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("why");

    const QString notAllowed = u"a name may only contain a-z, 0-9 and '-'"_s;
    const QString dashAtEnd = u"a name may not start or end with '-'"_s;

    QTest::newRow("adjective-animal") << u"brave-otter"_s << true << QString();
    QTest::newRow("one letter") << u"a"_s << true << QString();
    QTest::newRow("one digit") << u"7"_s << true << QString();
    QTest::newRow("digits and dashes") << u"a1-b2--c3"_s << true << QString();
    QTest::newRow("63 chars") << QString(63, u'a') << true << QString();
    QTest::newRow("contains reserved word") << u"www-test"_s << true << QString();
    QTest::newRow("reserved word with digit") << u"api2"_s << true << QString();
    QTest::newRow("suffixed") << u"brave-otter-0042"_s << true << QString();

    QTest::newRow("empty") << QString() << false << u"a name may not be empty"_s;
    QTest::newRow("64 chars") << QString(64, u'a') << false
                              << u"a name may be at most 63 characters long"_s;
    QTest::newRow("uppercase") << u"Brave-Otter"_s << false << notAllowed;
    QTest::newRow("all uppercase") << u"WWW"_s << false << notAllowed;
    QTest::newRow("leading dash") << u"-otter"_s << false << dashAtEnd;
    QTest::newRow("trailing dash") << u"otter-"_s << false << dashAtEnd;
    QTest::newRow("only a dash") << u"-"_s << false << dashAtEnd;
    QTest::newRow("underscore") << u"brave_otter"_s << false << notAllowed;
    QTest::newRow("dot") << u"brave.otter"_s << false << notAllowed;
    QTest::newRow("space") << u"brave otter"_s << false << notAllowed;
    QTest::newRow("slash") << u"brave/otter"_s << false << notAllowed;
    QTest::newRow("nul") << QStringView(u"ab\0cd", 5).toString() << false << notAllowed;
    QTest::newRow("umlaut") << u"b\u00e4r"_s << false << notAllowed;
    QTest::newRow("cyrillic a") << u"p\u0430ypal"_s << false << notAllowed;
    QTest::newRow("fullwidth") << u"\uff41\uff42\uff43"_s << false << notAllowed;
    QTest::newRow("kelvin sign") << u"\u212aey"_s << false << notAllowed;
    QTest::newRow("emoji") << u"otter-\U0001F9A6"_s << false << notAllowed;
    QTest::newRow("punycode") << u"xn--br-via"_s << false
                              << u"a name may not have '--' in the third and fourth place"_s;
}

void tst_Names::isValidLabel()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(QString, why);

    QString actualWhy = u"untouched"_s;
    QCOMPARE(Names::isValidLabel(name, &actualWhy), valid);
    QCOMPARE(actualWhy, valid ? u"untouched"_s : why);
}

void tst_Names::reservedWordsAreRefused_data()
{
    QTest::addColumn<QString>("word");
    const QStringList required = {u"www"_s,       u"api"_s,       u"admin"_s,  u"mail"_s, u"rok"_s,
                                  u"localhost"_s, u"dashboard"_s, u"status"_s, u"app"_s,  u"ftp"_s,
                                  u"smtp"_s,      u"ns1"_s,       u"ns2"_s};
    for (const QString &word : required)
        QTest::newRow(qPrintable(word)) << word;
    // Anything else listed as reserved must be refused as well.
    for (const char *word : Names::reservedWords()) {
        if (!required.contains(QString::fromLatin1(word)))
            QTest::addRow("extra %s", word) << QString::fromLatin1(word);
    }
}

void tst_Names::reservedWordsAreRefused()
{
    QFETCH(QString, word);
    QString why;
    QVERIFY(!Names::isValidLabel(word, &why));
    QCOMPARE(why, u"\"%1\" is reserved"_s.arg(word));
}

void tst_Names::whyIsOptional()
{
    QVERIFY(Names::isValidLabel(u"brave-otter"));
    QVERIFY(!Names::isValidLabel(u"www"));
    QVERIFY(!Names::isValidLabel(u""));
}

QTEST_APPLESS_MAIN(tst_Names)
#include "tst_names.moc"
