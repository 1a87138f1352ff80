// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "scratchsettings.h"
#include "tokenstore.h"

// TokenStore over a settings file in a temporary directory, with the keychain off, so that the
// tests do not depend on whether this machine has a keyring: the order of answers, per-profile
// tokens, removal, and a file only its owner reads.
class tst_TokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void withoutKeyringTheFileKeepsIt();
    void aReadSeesAnEarlierWrite();
    void anEmptyTokenRemovesIt();
    void eachProfileHasItsOwn();
    void answersComeFromTheEventLoop();

private:
    static QByteArray read(TokenStore &store, const QString &profile);
    ScratchSettings m_scratch;
};

void tst_TokenStore::initTestCase()
{
    QVERIFY(m_scratch.isValid());
}

void tst_TokenStore::init()
{
    ScratchSettings::clear();
}

QByteArray tst_TokenStore::read(TokenStore &store, const QString &profile)
{
    QSignalSpy answered(&store, &TokenStore::tokenRead);
    store.read(profile);
    if (!answered.wait(5000))
        return "<no answer>";
    if (answered.at(0).at(0).toString() != profile || !answered.at(0).at(2).toBool())
        return "<wrong answer>";
    return answered.at(0).at(1).toByteArray();
}

void tst_TokenStore::withoutKeyringTheFileKeepsIt()
{
    QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
    TokenStore store(&file);
    QSignalSpy plain(&store, &TokenStore::inPlainTextChanged);
    store.setKeychainEnabled(false);
    QVERIFY(store.inPlainText());
    QVERIFY(plain.isEmpty() || plain.last().at(0).toBool());

    QSignalSpy written(&store, &TokenStore::tokenWritten);
    store.write(QStringLiteral("Default"), "s3cret-token");
    QVERIFY(written.wait(5000));
    QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("Default"));
    QCOMPARE(written.at(0).at(1).toBool(), true);
    QCOMPARE(written.at(0).at(2).toString(), QString());

    QSettings again(QStringLiteral("rok"), QStringLiteral("rok"));
    QCOMPARE(again.value(QStringLiteral("token/Default")).toByteArray(), "s3cret-token");
    const QFile::Permissions others =
            QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    QCOMPARE(QFile::permissions(again.fileName()) & others, QFile::Permissions());
    TokenStore other(&again);
    other.setKeychainEnabled(false);
    QCOMPARE(read(other, QStringLiteral("Default")), "s3cret-token");
}

void tst_TokenStore::aReadSeesAnEarlierWrite()
{
    QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
    TokenStore store(&file);
    store.setKeychainEnabled(false);
    QSignalSpy answered(&store, &TokenStore::tokenRead);
    QSignalSpy written(&store, &TokenStore::tokenWritten);
    const QString name = QStringLiteral("web");
    store.write(name, "first");
    store.read(name);
    store.write(name, "second");
    store.read(name);
    QTRY_COMPARE(answered.size(), 2);
    QCOMPARE(written.size(), 2);
    QCOMPARE(answered.at(0).at(1).toByteArray(), "first");
    QCOMPARE(answered.at(1).at(1).toByteArray(), "second");
}

void tst_TokenStore::anEmptyTokenRemovesIt()
{
    QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
    TokenStore store(&file);
    store.setKeychainEnabled(false);
    QSignalSpy written(&store, &TokenStore::tokenWritten);
    store.write(QStringLiteral("Default"), "abc");
    store.remove(QStringLiteral("Default"));
    QTRY_COMPARE(written.size(), 2);
    QVERIFY(!QSettings(QStringLiteral("rok"), QStringLiteral("rok"))
                     .contains(QStringLiteral("token/Default")));
    QCOMPARE(read(store, QStringLiteral("Default")), QByteArray());
}

void tst_TokenStore::eachProfileHasItsOwn()
{
    QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
    TokenStore store(&file);
    store.setKeychainEnabled(false);
    QSignalSpy written(&store, &TokenStore::tokenWritten);
    store.write(QStringLiteral("A"), "token-a");
    store.write(QStringLiteral("B"), "token-b");
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(read(store, QStringLiteral("B")), "token-b");
    QCOMPARE(read(store, QStringLiteral("A")), "token-a");

    store.remove(QStringLiteral("A"));
    QTRY_COMPARE(written.size(), 3);
    QCOMPARE(read(store, QStringLiteral("A")), QByteArray());
    QCOMPARE(read(store, QStringLiteral("B")), "token-b");
}

void tst_TokenStore::answersComeFromTheEventLoop()
{
    // Callers connect after asking; the answer must not come from inside the call.
    QSettings file(QStringLiteral("rok"), QStringLiteral("rok"));
    TokenStore store(&file);
    store.setKeychainEnabled(false);
    QSignalSpy answered(&store, &TokenStore::tokenRead);
    store.read(QStringLiteral("Default"));
    QCOMPARE(answered.size(), 0);
    QTRY_COMPARE(answered.size(), 1);
}

QTEST_GUILESS_MAIN(tst_TokenStore)
#include "tst_tokenstore.moc"
