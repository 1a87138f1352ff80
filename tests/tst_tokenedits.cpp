// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QTest>

#include "tokenedits.h"

// TokenEdits: the settings dialog's tokens without the dialog. What is written on accept: only
// what changed; what the user typed, even before the keyring answered; nothing for a token the
// keyring could not read; a renamed tunnel's token under its new name, and the old name's gone
// unless another tunnel took it; a removed tunnel's token gone; a new tunnel with a copy.
class tst_TokenEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unchangedWritesNothing();
    void anAnswerFillsInTheToken();
    void typingWinsOverALateAnswer();
    void aFailedReadIsLeftAlone();
    void aRenameMovesTheToken();
    void aRemovedTunnelsTokenGoesUnlessItsNameIsTaken();
    void aNewTunnelCopiesAToken();
};

using Write = TokenEdits::Write;
using Names = QHash<TokenEdits::Id, QString>;

void tst_TokenEdits::unchangedWritesNothing()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    edits.answer(QStringLiteral("web"), "t0ken", true);
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}}), QList<Write>());
    edits.type(web, "t0ken"); // typed, but the same
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}}), QList<Write>());
}

void tst_TokenEdits::anAnswerFillsInTheToken()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    const auto ssh = edits.addStored(QStringLiteral("ssh"));
    QVERIFY(!edits.isKnown(web));
    QCOMPARE(edits.answer(QStringLiteral("web"), "t0ken", true), QList<TokenEdits::Id>{web});
    QVERIFY(edits.isKnown(web));
    QCOMPARE(edits.token(web), "t0ken");
    QVERIFY(!edits.isKnown(ssh));
    QCOMPARE(edits.answer(QStringLiteral("gone"), "x", true), QList<TokenEdits::Id>());

    edits.type(web, "new-token");
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}, {ssh, QStringLiteral("ssh")}}),
             (QList<Write>{{QStringLiteral("web"), "new-token"}}));
    edits.type(web, {}); // cleared: the stored one is removed
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}, {ssh, QStringLiteral("ssh")}}),
             (QList<Write>{{QStringLiteral("web"), {}}}));
}

void tst_TokenEdits::typingWinsOverALateAnswer()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    edits.type(web, "typed");
    QCOMPARE(edits.answer(QStringLiteral("web"), "stored", true), QList<TokenEdits::Id>());
    QCOMPARE(edits.token(web), "typed");
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}}),
             (QList<Write>{{QStringLiteral("web"), "typed"}}));

    TokenEdits same; // typed what is stored: nothing to write once the answer says so
    const auto api = same.addStored(QStringLiteral("api"));
    same.type(api, "stored");
    same.answer(QStringLiteral("api"), "stored", true);
    QCOMPARE(same.writes({{api, QStringLiteral("api")}}), QList<Write>());
}

void tst_TokenEdits::aFailedReadIsLeftAlone()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    QCOMPARE(edits.answer(QStringLiteral("web"), {}, false), QList<TokenEdits::Id>());
    QVERIFY(!edits.isKnown(web));
    // Not even renamed: the keyring's token is not known, so nothing is written or removed.
    QCOMPARE(edits.writes({{web, QStringLiteral("site")}}), QList<Write>());
}

void tst_TokenEdits::aRenameMovesTheToken()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    edits.answer(QStringLiteral("web"), "t0ken", true);
    QCOMPARE(edits.writes({{web, QStringLiteral("site")}}),
             (QList<Write>{{QStringLiteral("site"), "t0ken"}, {QStringLiteral("web"), {}}}));
}

void tst_TokenEdits::aRemovedTunnelsTokenGoesUnlessItsNameIsTaken()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    const auto ssh = edits.addStored(QStringLiteral("ssh"));
    edits.answer(QStringLiteral("web"), "web-token", true);
    edits.answer(QStringLiteral("ssh"), "ssh-token", true);
    edits.remove(web);
    QCOMPARE(edits.writes({{ssh, QStringLiteral("ssh")}}),
             (QList<Write>{{QStringLiteral("web"), {}}}));
    // ssh renamed to web: web's name is taken, so its token is ssh's now, not removed
    QCOMPARE(edits.writes({{ssh, QStringLiteral("web")}}),
             (QList<Write>{{QStringLiteral("web"), "ssh-token"}, {QStringLiteral("ssh"), {}}}));
}

void tst_TokenEdits::aNewTunnelCopiesAToken()
{
    TokenEdits edits;
    const auto web = edits.addStored(QStringLiteral("web"));
    edits.answer(QStringLiteral("web"), "t0ken", true);
    const auto added = edits.addNew(web);
    QVERIFY(edits.isKnown(added));
    QCOMPARE(edits.token(added), "t0ken");
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}, {added, QStringLiteral("api")}}),
             (QList<Write>{{QStringLiteral("api"), "t0ken"}}));

    edits.remove(added);
    const auto unknown = edits.addNew(-1); // from nothing: no token, and nothing written
    QVERIFY(!edits.isKnown(unknown));
    QCOMPARE(edits.writes({{web, QStringLiteral("web")}, {unknown, QStringLiteral("x")}}),
             QList<Write>());
}

QTEST_GUILESS_MAIN(tst_TokenEdits)
#include "tst_tokenedits.moc"
