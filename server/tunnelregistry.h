// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <chrono>
#include <functional>
#include <map>

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

// Knows which owner (e.g. a client session) holds each tunnel name. A released name stays
// reserved for `reservation`, so the client that held it can take it back after a reconnect
// by presenting the same resume key; everyone else gets Status::Reserved until it expires.
//
// Names are compared case-insensitively (ASCII only: non-ASCII input never matches a name).
// Owners must live in the registry's thread; an owner's destroyed() releases its names.
class TunnelRegistry : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelRegistry)
public:
    enum class Status { Ok, Invalid, Taken, Reserved };
    Q_ENUM(Status)

    struct Claim
    {
        Status status;
        QString name; // the lowercased name (empty if no random name could be found)
        QString message; // human text for errors, empty on Ok
    };

    explicit TunnelRegistry(std::chrono::milliseconds reservation, QObject *parent = nullptr);

    // requested empty -> a fresh random name (retry on collision; after 20 collisions append
    // -NNNN digits). requested given -> lowercased, validated (Names::isValidLabel), then:
    //   free -> Ok; held by a live owner (even the same one) -> Taken;
    //   reserved -> Ok only if resumeKey is non-empty and equals the key given when the name
    //   was claimed, else Reserved.
    Claim claim(const QString &requested, const QByteArray &resumeKey, QObject *owner);

    // held -> reserved until now + reservation (reservation 0 -> free at once, and expired()
    // is not emitted). Unknown or already reserved names are ignored.
    void release(const QString &name);

    QObject *owner(const QString &name) const; // nullptr if free or only reserved
    bool isReserved(const QString &name) const;
    qsizetype size() const; // names held or reserved

    std::chrono::milliseconds reservation() const { return m_reservation; }

    // Replaces Names::random() for random claims (tests); an empty function restores it.
    void setGenerator(std::function<QString()> generator);

Q_SIGNALS:
    // A reservation ended; the name is free again. Emitted from the timer, or from claim()
    // when it notices the end first. Don't delete the registry from a slot connected to it.
    void expired(const QString &name);

private:
    using Clock = std::chrono::steady_clock;
    using Expiries = std::multimap<Clock::time_point, QString>;

    struct Entry
    {
        QObject *owner = nullptr; // nullptr while only reserved
        QByteArray resumeKey;
        Expiries::iterator expiry; // valid only while reserved
    };

    Claim claimRandom(const QByteArray &resumeKey, QObject *owner);
    void hold(const QString &name, const QByteArray &resumeKey, QObject *owner);
    void reserve(QHash<QString, Entry>::iterator it);
    void purgeExpired();
    void scheduleExpiry();
    void onOwnerDestroyed(QObject *owner);

    std::chrono::milliseconds m_reservation;
    std::function<QString()> m_generator;
    QHash<QString, Entry> m_entries; // held and reserved names
    QHash<QObject *, QSet<QString>> m_held; // owner -> names it holds
    Expiries m_expiries; // reserved names by end of reservation
    QTimer m_expiryTimer; // single shot, due at m_expiries.begin()
};
