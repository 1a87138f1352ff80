// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tokenedits.h"

#include <QSet>

TokenEdits::Id TokenEdits::addStored(const QString &storedName)
{
    m_entries[m_next] = {storedName, {}, {}, false};
    return m_next++;
}

TokenEdits::Id TokenEdits::addNew(Id copyFrom)
{
    Entry entry;
    if (const auto from = m_entries.find(copyFrom); from != m_entries.end()) {
        // Most tunnels go to the same server with the same token; the user changes what differs.
        entry.token = from->second.token;
        entry.known = from->second.known;
    }
    m_entries[m_next] = entry;
    return m_next++;
}

void TokenEdits::remove(Id id)
{
    const auto entry = m_entries.find(id);
    if (entry == m_entries.end())
        return;
    if (!entry->second.storedName.isEmpty())
        m_removed.append(entry->second.storedName);
    m_entries.erase(entry);
}

QList<TokenEdits::Id> TokenEdits::answer(const QString &storedName, const QByteArray &token,
                                         bool ok)
{
    QList<Id> set;
    if (!ok) // unknown: left alone on accept unless the user types a new one
        return set;
    for (auto &[id, entry] : m_entries) {
        if (entry.storedName != storedName)
            continue;
        entry.stored = token;
        if (entry.known) // the user typed one before the keyring answered
            continue;
        entry.token = token;
        entry.known = true;
        set.append(id);
    }
    return set;
}

void TokenEdits::type(Id id, const QByteArray &token)
{
    if (const auto entry = m_entries.find(id); entry != m_entries.end()) {
        entry->second.token = token;
        entry->second.known = true;
    }
}

QByteArray TokenEdits::token(Id id) const
{
    const auto entry = m_entries.find(id);
    return entry == m_entries.end() ? QByteArray() : entry->second.token;
}

bool TokenEdits::isKnown(Id id) const
{
    const auto entry = m_entries.find(id);
    return entry != m_entries.end() && entry->second.known;
}

QList<TokenEdits::Write> TokenEdits::writes(const QHash<Id, QString> &names) const
{
    QList<Write> out;
    QStringList stale = m_removed;
    for (const auto &[id, entry] : m_entries) {
        if (!entry.known) // the keyring failed or never answered, and the user typed nothing
            continue;
        const QString name = names.value(id);
        // Renamed or new: write even an empty token, which clears what a removed tunnel of
        // that name may have left.
        const bool moved = entry.storedName != name;
        if (moved || entry.token != entry.stored)
            out.append({name, entry.token});
        if (moved && !entry.storedName.isEmpty())
            stale.append(entry.storedName);
    }
    const QList<QString> taken = names.values();
    const QSet<QString> finalNames(taken.begin(), taken.end());
    for (const QString &name : std::as_const(stale)) {
        if (!finalNames.contains(name)) // not taken over by another tunnel's new name
            out.append({name, {}});
    }
    return out;
}
