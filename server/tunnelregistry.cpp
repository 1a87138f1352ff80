// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnelregistry.h"

#include "protocol.h"

#include <algorithm>

#include <QRandomGenerator>

#include "names.h"

using namespace std::chrono_literals;

namespace {

constexpr int PlainAttempts = 20; // random names tried as they are
constexpr int SuffixedAttempts = 100; // then name-NNNN
constexpr std::chrono::milliseconds MaxReservation = std::chrono::hours(24 * 30);
constexpr std::chrono::milliseconds MaxTimerInterval = std::chrono::hours(24); // fits an int

// Lowercases A-Z only, so that no non-ASCII character can fold into a valid name
// (QString::toLower() turns KELVIN SIGN U+212A into 'k').
QString asciiLower(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return result;
}

} // namespace

TunnelRegistry::TunnelRegistry(std::chrono::milliseconds reservation, QObject *parent)
    : QObject(parent)
    , m_reservation(std::clamp(reservation, 0ms, MaxReservation))
    , m_generator(&Names::random)
    , m_expiryTimer(this)
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &TunnelRegistry::purgeExpired);
}

TunnelRegistry::Claim TunnelRegistry::claim(const QString &requested, const QByteArray &resumeKey,
                                            QObject *owner)
{
    Q_ASSERT(owner);
    Q_ASSERT(!owner || owner->thread() == thread());
    if (!owner)
        return {Status::Invalid, {}, tr("a tunnel needs an owner")};

    purgeExpired();
    if (requested.isEmpty())
        return claimRandom(resumeKey, owner);

    const QString name = asciiLower(requested);
    QString why;
    if (!Names::isValidLabel(name, &why))
        return {Status::Invalid, name, why};

    const auto it = m_entries.find(name);
    if (it != m_entries.end()) {
        if (it->owner)
            return {Status::Taken, name, tr("%1 is in use by another tunnel").arg(name)};
        if (!Protocol::constantTimeEquals(it->resumeKey, resumeKey)) {
            return {Status::Reserved, name,
                    tr("%1 was in use until recently and is reserved for its last tunnel for now")
                            .arg(name)};
        }
        m_expiries.erase(it->expiry);
        m_entries.erase(it);
        scheduleExpiry();
    }
    hold(name, resumeKey, owner);
    return {Status::Ok, name, {}};
}

TunnelRegistry::Claim TunnelRegistry::claimRandom(const QByteArray &resumeKey, QObject *owner)
{
    for (int attempt = 0; attempt < PlainAttempts + SuffixedAttempts; ++attempt) {
        QString name = asciiLower(m_generator());
        if (attempt >= PlainAttempts) {
            const auto digits = QRandomGenerator::system()->bounded(10000);
            name += QStringLiteral("-%1").arg(digits, 4, 10, QChar(u'0'));
        }
        if (!Names::isValidLabel(name) || m_entries.contains(name))
            continue;
        hold(name, resumeKey, owner);
        return {Status::Ok, name, {}};
    }
    return {Status::Taken, {}, tr("no free name could be found; please try again")};
}

void TunnelRegistry::hold(const QString &name, const QByteArray &resumeKey, QObject *owner)
{
    m_entries.insert(name, Entry{owner, resumeKey, m_expiries.end()});
    m_held[owner].insert(name);
    connect(owner, &QObject::destroyed, this, &TunnelRegistry::onOwnerDestroyed,
            Qt::UniqueConnection);
}

void TunnelRegistry::release(const QString &name)
{
    const auto it = m_entries.find(asciiLower(name));
    if (it == m_entries.end() || !it->owner)
        return;

    QObject *owner = it->owner;
    const auto held = m_held.find(owner);
    if (held != m_held.end()) {
        held->remove(it.key());
        if (held->isEmpty()) {
            m_held.erase(held);
            disconnect(owner, &QObject::destroyed, this, &TunnelRegistry::onOwnerDestroyed);
        }
    }
    reserve(it);
}

void TunnelRegistry::reserve(QHash<QString, Entry>::iterator it)
{
    if (m_reservation <= 0ms) {
        m_entries.erase(it);
        return;
    }
    it->owner = nullptr;
    it->expiry = m_expiries.emplace(Clock::now() + m_reservation, it.key());
    scheduleExpiry();
}

void TunnelRegistry::onOwnerDestroyed(QObject *owner)
{
    const QSet<QString> names = m_held.take(owner);
    for (const QString &name : names) {
        const auto it = m_entries.find(name);
        if (it != m_entries.end() && it->owner == owner)
            reserve(it);
    }
}

QObject *TunnelRegistry::owner(const QString &name) const
{
    const auto it = m_entries.constFind(asciiLower(name));
    return it == m_entries.cend() ? nullptr : it->owner;
}

bool TunnelRegistry::isReserved(const QString &name) const
{
    const auto it = m_entries.constFind(asciiLower(name));
    return it != m_entries.cend() && !it->owner && it->expiry->first > Clock::now();
}

qsizetype TunnelRegistry::size() const
{
    // Reservations that have ended but were not purged yet do not count.
    const auto now = Clock::now();
    const auto ended = std::distance(m_expiries.begin(), m_expiries.upper_bound(now));
    return m_entries.size() - ended;
}

void TunnelRegistry::setGenerator(std::function<QString()> generator)
{
    m_generator = generator ? std::move(generator) : std::function<QString()>(&Names::random);
}

void TunnelRegistry::purgeExpired()
{
    const auto now = Clock::now();
    QStringList ended;
    while (!m_expiries.empty() && m_expiries.begin()->first <= now) {
        const auto first = m_expiries.begin();
        m_entries.remove(first->second);
        ended.append(first->second);
        m_expiries.erase(first);
    }
    scheduleExpiry();
    for (const QString &name : std::as_const(ended))
        Q_EMIT expired(name);
}

void TunnelRegistry::scheduleExpiry()
{
    if (m_expiries.empty()) {
        m_expiryTimer.stop();
        return;
    }
    // Round up, so a timer that fires on time finds the reservation ended.
    const auto remaining =
            std::chrono::ceil<std::chrono::milliseconds>(m_expiries.begin()->first - Clock::now());
    m_expiryTimer.start(std::clamp(remaining, 0ms, MaxTimerInterval));
}
