// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <chrono>
#include <thread>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "names.h"
#include "tunnelregistry.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Status = TunnelRegistry::Status;

class tst_TunnelRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void claimRandom();
    void claimRandomIsResumable();
    void claimNamed();
    void caseInsensitive();
    void invalidNames_data();
    void invalidNames();
    void takenByAnotherOwner();
    void releasedNameIsReserved_data();
    void releasedNameIsReserved();
    void emptyKeyNeverResumes();
    void reservationExpires();
    void reservationsExpireInOrder();
    void expiryIsCheckedLazily();
    void resumedNameDoesNotExpire();
    void zeroReservationFreesAtOnce();
    void ownerDestroyedReleases();
    void ownerDestroyedWithZeroReservation();
    void formerOwnerDestroyedKeepsName();
    void releaseIgnoresUnknownNames();
    void collisionAppendsDigits();
    void randomSkipsReservedNames();
    void noFreeNameFound();
};

void tst_TunnelRegistry::claimRandom()
{
    TunnelRegistry registry(1min);
    QObject owner;

    const auto first = registry.claim({}, "key-1"_ba, &owner);
    QCOMPARE(first.status, Status::Ok);
    QVERIFY(first.message.isEmpty());
    QVERIFY2(Names::isValidLabel(first.name), qPrintable(first.name));
    QVERIFY2(QRegularExpression(u"^[a-z]+-[a-z]+$"_s).match(first.name).hasMatch(),
             qPrintable(first.name));
    QCOMPARE(registry.owner(first.name), &owner);

    const auto second = registry.claim({}, "key-2"_ba, &owner);
    QCOMPARE(second.status, Status::Ok);
    QVERIFY(second.name != first.name);
    QCOMPARE(registry.owner(second.name), &owner);
    QCOMPARE(registry.size(), 2);
}

void tst_TunnelRegistry::claimRandomIsResumable()
{
    TunnelRegistry registry(1min);
    QObject before;
    const auto claimed = registry.claim({}, "secret"_ba, &before);
    QCOMPARE(claimed.status, Status::Ok);
    registry.release(claimed.name);
    QVERIFY(registry.isReserved(claimed.name));

    QObject after;
    const auto resumed = registry.claim(claimed.name, "secret"_ba, &after);
    QCOMPARE(resumed.status, Status::Ok);
    QCOMPARE(resumed.name, claimed.name);
    QCOMPARE(registry.owner(claimed.name), &after);
    QVERIFY(!registry.isReserved(claimed.name));
}

void tst_TunnelRegistry::claimNamed()
{
    TunnelRegistry registry(1min);
    QCOMPARE(registry.size(), 0);
    QVERIFY(!registry.owner(u"brave-otter"_s));

    QObject owner;
    const auto claimed = registry.claim(u"brave-otter"_s, "key"_ba, &owner);
    QCOMPARE(claimed.status, Status::Ok);
    QCOMPARE(claimed.name, u"brave-otter"_s);
    QVERIFY(claimed.message.isEmpty());
    QCOMPARE(registry.owner(u"brave-otter"_s), &owner);
    QVERIFY(!registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 1);
    QVERIFY(!registry.owner(u"calm-heron"_s));
}

void tst_TunnelRegistry::caseInsensitive()
{
    TunnelRegistry registry(1min);
    QObject owner;
    const auto claimed = registry.claim(u"Brave-Otter"_s, "key"_ba, &owner);
    QCOMPARE(claimed.status, Status::Ok);
    QCOMPARE(claimed.name, u"brave-otter"_s);
    QCOMPARE(registry.owner(u"brave-otter"_s), &owner);
    QCOMPARE(registry.owner(u"BRAVE-OTTER"_s), &owner);

    QObject other;
    QCOMPARE(registry.claim(u"BRAVE-otter"_s, "key"_ba, &other).status, Status::Taken);

    registry.release(u"BRAVE-OTTER"_s);
    QVERIFY(!registry.owner(u"brave-otter"_s));
    QVERIFY(registry.isReserved(u"Brave-Otter"_s));
    QCOMPARE(registry.claim(u"bRAVE-oTTER"_s, "other"_ba, &other).status, Status::Reserved);
    QCOMPARE(registry.claim(u"BRAVE-OTTER"_s, "key"_ba, &other).status, Status::Ok);
    QCOMPARE(registry.owner(u"brave-otter"_s), &other);
}

void tst_TunnelRegistry::invalidNames_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("message");

    const QString notAllowed = u"a name may only contain a-z, 0-9 and '-'"_s;
    QTest::newRow("reserved") << u"www"_s << u"\"www\" is reserved"_s;
    QTest::newRow("reserved uppercase") << u"DashBoard"_s << u"\"dashboard\" is reserved"_s;
    QTest::newRow("leading dash") << u"-otter"_s << u"a name may not start or end with '-'"_s;
    QTest::newRow("underscore") << u"brave_otter"_s << notAllowed;
    QTest::newRow("dot") << u"brave.otter"_s << notAllowed;
    QTest::newRow("umlaut") << u"b\u00e4r"_s << notAllowed;
    // QString::toLower() would fold KELVIN SIGN into a plain 'k'.
    QTest::newRow("kelvin sign") << u"\u212aey"_s << notAllowed;
    QTest::newRow("64 chars") << QString(64, u'a') << u"a name may be at most 63 characters long"_s;
    QTest::newRow("punycode") << u"xn--br-via"_s
                              << u"a name may not have '--' in the third and fourth place"_s;
}

void tst_TunnelRegistry::invalidNames()
{
    QFETCH(QString, requested);
    QFETCH(QString, message);

    TunnelRegistry registry(1min);
    QObject owner;
    const auto claimed = registry.claim(requested, "key"_ba, &owner);
    QCOMPARE(claimed.status, Status::Invalid);
    QCOMPARE(claimed.message, message);
    QCOMPARE(registry.size(), 0);
    QVERIFY(!registry.owner(requested));
}

void tst_TunnelRegistry::takenByAnotherOwner()
{
    TunnelRegistry registry(1min);
    QObject first;
    QObject second;
    QCOMPARE(registry.claim(u"brave-otter"_s, "one"_ba, &first).status, Status::Ok);

    const auto taken = registry.claim(u"brave-otter"_s, "one"_ba, &second);
    QCOMPARE(taken.status, Status::Taken);
    QCOMPARE(taken.name, u"brave-otter"_s);
    QCOMPARE(taken.message, u"brave-otter is in use by another tunnel"_s);
    QCOMPARE(registry.owner(u"brave-otter"_s), &first);

    // One name leads to one tunnel, even for the owner that holds it.
    QCOMPARE(registry.claim(u"brave-otter"_s, "one"_ba, &first).status, Status::Taken);
    QCOMPARE(registry.size(), 1);
}

void tst_TunnelRegistry::releasedNameIsReserved_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<Status>("status");

    QTest::newRow("same key") << "resume-key"_ba << Status::Ok;
    QTest::newRow("other key") << "other-key!"_ba << Status::Reserved;
    QTest::newRow("empty key") << QByteArray() << Status::Reserved;
    QTest::newRow("prefix") << "resume"_ba << Status::Reserved;
    QTest::newRow("longer") << "resume-key2"_ba << Status::Reserved;
    QTest::newRow("other case") << "RESUME-KEY"_ba << Status::Reserved;
}

void tst_TunnelRegistry::releasedNameIsReserved()
{
    QFETCH(QByteArray, key);
    QFETCH(Status, status);

    TunnelRegistry registry(1min);
    QSignalSpy expired(&registry, &TunnelRegistry::expired);
    {
        QObject session;
        QCOMPARE(registry.claim(u"brave-otter"_s, "resume-key"_ba, &session).status, Status::Ok);
        registry.release(u"brave-otter"_s);
    }
    QVERIFY(!registry.owner(u"brave-otter"_s));
    QVERIFY(registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 1);

    QObject reconnected;
    const auto claimed = registry.claim(u"brave-otter"_s, key, &reconnected);
    QCOMPARE(claimed.status, status);
    QCOMPARE(claimed.name, u"brave-otter"_s);
    if (status == Status::Ok) {
        QVERIFY(claimed.message.isEmpty());
        QCOMPARE(registry.owner(u"brave-otter"_s), &reconnected);
        QVERIFY(!registry.isReserved(u"brave-otter"_s));
    } else {
        QVERIFY(claimed.message.contains(u"brave-otter"_s));
        QVERIFY(!registry.owner(u"brave-otter"_s));
        QVERIFY(registry.isReserved(u"brave-otter"_s));
    }
    QCOMPARE(registry.size(), 1);
    QCOMPARE(expired.count(), 0);
}

void tst_TunnelRegistry::emptyKeyNeverResumes()
{
    TunnelRegistry registry(1min);
    QObject owner;
    QCOMPARE(registry.claim(u"brave-otter"_s, {}, &owner).status, Status::Ok);
    registry.release(u"brave-otter"_s);
    QCOMPARE(registry.claim(u"brave-otter"_s, {}, &owner).status, Status::Reserved);
    QVERIFY(registry.isReserved(u"brave-otter"_s));
}

void tst_TunnelRegistry::reservationExpires()
{
    TunnelRegistry registry(50ms);
    QSignalSpy expired(&registry, &TunnelRegistry::expired);
    QObject owner;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &owner).status, Status::Ok);
    std::chrono::steady_clock::time_point endedAt;
    connect(&registry, &TunnelRegistry::expired, this,
            [&endedAt] { endedAt = std::chrono::steady_clock::now(); });
    const auto releasedBy = std::chrono::steady_clock::now();
    registry.release(u"brave-otter"_s);
    QVERIFY(registry.isReserved(u"brave-otter"_s));
    QCOMPARE(expired.count(), 0);

    // Nothing but the registry's timer can end it here, and not before its time.
    QTRY_COMPARE(expired.count(), 1);
    QVERIFY(endedAt - releasedBy >= 50ms);
    QCOMPARE(expired.at(0).at(0).toString(), u"brave-otter"_s);
    QVERIFY(!registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 0);

    QObject stranger;
    QCOMPARE(registry.claim(u"brave-otter"_s, "other"_ba, &stranger).status, Status::Ok);
    QCOMPARE(registry.owner(u"brave-otter"_s), &stranger);
    QCOMPARE(expired.count(), 1);
}

void tst_TunnelRegistry::reservationsExpireInOrder()
{
    TunnelRegistry registry(50ms);
    QSignalSpy expired(&registry, &TunnelRegistry::expired);
    QObject owner;
    const QStringList names = {u"calm-heron"_s, u"brave-otter"_s, u"swift-lynx"_s};
    for (const QString &name : names)
        QCOMPARE(registry.claim(name, "key"_ba, &owner).status, Status::Ok);

    registry.release(names.at(0));
    QTRY_COMPARE(expired.count(), 1); // the timer is idle again before the next release
    registry.release(names.at(2));
    registry.release(names.at(1));
    QCOMPARE(registry.size(), 2);
    QTRY_COMPARE(expired.count(), 3);

    QStringList order;
    for (const QList<QVariant> &arguments : std::as_const(expired))
        order.append(arguments.at(0).toString());
    QCOMPARE(order, (QStringList{names.at(0), names.at(2), names.at(1)}));
    QCOMPARE(registry.size(), 0);
}

void tst_TunnelRegistry::expiryIsCheckedLazily()
{
    TunnelRegistry registry(50ms);
    QSignalSpy expired(&registry, &TunnelRegistry::expired);
    QObject owner;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &owner).status, Status::Ok);
    registry.release(u"brave-otter"_s);
    const auto ended = std::chrono::steady_clock::now() + 60ms;

    // Block without running the event loop, so the registry's timer cannot fire.
    std::this_thread::sleep_until(ended);
    QCOMPARE(expired.count(), 0);
    QVERIFY(!registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 0);

    QObject stranger;
    QCOMPARE(registry.claim(u"brave-otter"_s, "other"_ba, &stranger).status, Status::Ok);
    QCOMPARE(expired.count(), 1);
    QCOMPARE(expired.at(0).at(0).toString(), u"brave-otter"_s);
    QCOMPARE(registry.size(), 1);

    QTest::qWait(100); // the timer must not announce the same end again
    QCOMPARE(expired.count(), 1);
    QCOMPARE(registry.owner(u"brave-otter"_s), &stranger);
}

void tst_TunnelRegistry::resumedNameDoesNotExpire()
{
    TunnelRegistry registry(50ms);
    QSignalSpy expired(&registry, &TunnelRegistry::expired);
    QObject before;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &before).status, Status::Ok);
    registry.release(u"brave-otter"_s);
    QObject after;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &after).status, Status::Ok);

    QTest::qWait(150);
    QCOMPARE(expired.count(), 0);
    QCOMPARE(registry.owner(u"brave-otter"_s), &after);
    QCOMPARE(registry.size(), 1);
}

void tst_TunnelRegistry::zeroReservationFreesAtOnce()
{
    TunnelRegistry registry(0ms);
    QSignalSpy expired(&registry, &TunnelRegistry::expired);
    QObject owner;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &owner).status, Status::Ok);
    registry.release(u"brave-otter"_s);
    QVERIFY(!registry.owner(u"brave-otter"_s));
    QVERIFY(!registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 0);

    QObject stranger;
    QCOMPARE(registry.claim(u"brave-otter"_s, "other"_ba, &stranger).status, Status::Ok);
    QCOMPARE(registry.owner(u"brave-otter"_s), &stranger);
    QCOMPARE(expired.count(), 0);
}

void tst_TunnelRegistry::ownerDestroyedReleases()
{
    TunnelRegistry registry(1min);
    QObject keeper;
    QCOMPARE(registry.claim(u"calm-heron"_s, "k"_ba, &keeper).status, Status::Ok);
    auto *session = new QObject;
    QCOMPARE(registry.claim(u"brave-otter"_s, "k1"_ba, session).status, Status::Ok);
    QCOMPARE(registry.claim(u"swift-lynx"_s, "k2"_ba, session).status, Status::Ok);
    delete session;

    QVERIFY(!registry.owner(u"brave-otter"_s));
    QVERIFY(!registry.owner(u"swift-lynx"_s));
    QVERIFY(registry.isReserved(u"brave-otter"_s));
    QVERIFY(registry.isReserved(u"swift-lynx"_s));
    QCOMPARE(registry.owner(u"calm-heron"_s), &keeper);
    QCOMPARE(registry.size(), 3);

    QObject reconnected;
    QCOMPARE(registry.claim(u"brave-otter"_s, "k2"_ba, &reconnected).status, Status::Reserved);
    QCOMPARE(registry.claim(u"brave-otter"_s, "k1"_ba, &reconnected).status, Status::Ok);
    QCOMPARE(registry.claim(u"swift-lynx"_s, "k2"_ba, &reconnected).status, Status::Ok);
}

void tst_TunnelRegistry::ownerDestroyedWithZeroReservation()
{
    TunnelRegistry registry(0ms);
    auto *session = new QObject;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, session).status, Status::Ok);
    delete session;
    QVERIFY(!registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 0);
    QObject stranger;
    QCOMPARE(registry.claim(u"brave-otter"_s, "other"_ba, &stranger).status, Status::Ok);
}

void tst_TunnelRegistry::formerOwnerDestroyedKeepsName()
{
    TunnelRegistry registry(1min);
    auto *former = new QObject;
    QObject current;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, former).status, Status::Ok);
    registry.release(u"brave-otter"_s);
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &current).status, Status::Ok);
    delete former;
    QCOMPARE(registry.owner(u"brave-otter"_s), &current);
    QVERIFY(!registry.isReserved(u"brave-otter"_s));
}

void tst_TunnelRegistry::releaseIgnoresUnknownNames()
{
    TunnelRegistry registry(1min);
    QObject owner;
    QCOMPARE(registry.claim(u"brave-otter"_s, "key"_ba, &owner).status, Status::Ok);
    registry.release(u"calm-heron"_s);
    registry.release(QString());
    registry.release(u"brave\u212aotter"_s);
    QCOMPARE(registry.owner(u"brave-otter"_s), &owner);
    QCOMPARE(registry.size(), 1);

    registry.release(u"brave-otter"_s);
    registry.release(u"brave-otter"_s);
    QVERIFY(registry.isReserved(u"brave-otter"_s));
    QCOMPARE(registry.size(), 1);
}

void tst_TunnelRegistry::collisionAppendsDigits()
{
    TunnelRegistry registry(1min);
    int calls = 0;
    registry.setGenerator([&calls] {
        ++calls;
        return u"same-name"_s;
    });
    QObject owner;

    const auto first = registry.claim({}, "k1"_ba, &owner);
    QCOMPARE(first.status, Status::Ok);
    QCOMPARE(first.name, u"same-name"_s);
    QCOMPARE(calls, 1);

    static const QRegularExpression suffixed(u"^same-name-[0-9]{4}$"_s);
    calls = 0;
    const auto second = registry.claim({}, "k2"_ba, &owner);
    QCOMPARE(second.status, Status::Ok);
    QVERIFY2(suffixed.match(second.name).hasMatch(), qPrintable(second.name));
    QCOMPARE(calls, 21); // 20 collisions, then a suffixed name

    calls = 0;
    const auto third = registry.claim({}, "k3"_ba, &owner);
    QCOMPARE(third.status, Status::Ok);
    QVERIFY2(suffixed.match(third.name).hasMatch(), qPrintable(third.name));
    QVERIFY(third.name != second.name);
    QCOMPARE_GE(calls, 21);

    QCOMPARE(registry.owner(second.name), &owner);
    QCOMPARE(registry.owner(third.name), &owner);
    QCOMPARE(registry.size(), 3);

    registry.setGenerator({}); // back to Names::random()
    const auto fresh = registry.claim({}, "k4"_ba, &owner);
    QCOMPARE(fresh.status, Status::Ok);
    QVERIFY(!fresh.name.startsWith(u"same-name"_s));
}

void tst_TunnelRegistry::randomSkipsReservedNames()
{
    TunnelRegistry registry(1min);
    registry.setGenerator([] { return u"same-name"_s; });
    QObject owner;
    QCOMPARE(registry.claim({}, "k1"_ba, &owner).name, u"same-name"_s);
    registry.release(u"same-name"_s);

    const auto claimed = registry.claim({}, "k1"_ba, &owner);
    QCOMPARE(claimed.status, Status::Ok);
    QVERIFY2(claimed.name.startsWith(u"same-name-"_s), qPrintable(claimed.name));
    QVERIFY(registry.isReserved(u"same-name"_s));
}

void tst_TunnelRegistry::noFreeNameFound()
{
    TunnelRegistry registry(1min);
    int calls = 0;
    registry.setGenerator([&calls] {
        ++calls;
        return QString(); // never valid, not even with a suffix
    });
    QObject owner;
    const auto claimed = registry.claim({}, "key"_ba, &owner);
    QVERIFY(claimed.status != Status::Ok);
    QVERIFY(!claimed.message.isEmpty());
    QVERIFY(claimed.name.isEmpty());
    QCOMPARE(registry.size(), 0);
    QCOMPARE_GT(calls, 20); // it did try suffixed names too
}

QTEST_GUILESS_MAIN(tst_TunnelRegistry)
#include "tst_tunnelregistry.moc"
