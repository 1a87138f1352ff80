// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>

// The tokens of the saved tunnels while the settings dialog edits them, without widgets: what
// the store holds (as it answers, later), what the user typed, and on accept what to write and
// what to remove. What the user typed wins over an answer that comes after it; a token the
// keyring could not read and the user did not type is left as it is; a renamed tunnel's token
// moves with it; a removed tunnel's token goes, unless another tunnel now has its name.
class TokenEdits
{
public:
    using Id = int;

    Id addStored(const QString &storedName); // a saved tunnel: its token comes with answer()
    Id addNew(Id copyFrom); // a tunnel added in the dialog, with copyFrom's token
    void remove(Id id);

    // The store's answer for the tunnel saved as storedName (ok false: the keyring failed);
    // returns the ids whose token it set.
    QList<Id> answer(const QString &storedName, const QByteArray &token, bool ok);
    void type(Id id, const QByteArray &token);
    QByteArray token(Id id) const;
    bool isKnown(Id id) const; // read, or typed

    struct Write
    {
        QString profile;
        QByteArray token; // empty: remove the stored one
        friend bool operator==(const Write &, const Write &) = default;
    };
    // What accepting the dialog stores; `names` holds each remaining tunnel's final name.
    QList<Write> writes(const QHash<Id, QString> &names) const;

private:
    struct Entry
    {
        QString storedName; // empty: added in this dialog
        QByteArray stored; // as the store answered
        QByteArray token; // as shown and edited
        bool known = false;
    };

    std::map<Id, Entry> m_entries;
    Id m_next = 0;
    QStringList m_removed; // stored names of removed tunnels
};
