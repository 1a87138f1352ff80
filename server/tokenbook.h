// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The tokens rok-server accepts: those of --token, and those of --tokens-file, one a line with
// optional limits:
//
//   # comment
//   s3cret-for-ci                       any name, --max-tunnels-per-token tunnels
//   s3cret-for-web names=web,web-*      only these HTTP names (* matches any run of characters)
//   s3cret-for-demo max-tunnels=2
//
// The file is read again on SIGHUP (Server::reloadTokens); tunnels already open stay.
class TokenBook
{
public:
    struct Entry
    {
        QByteArray token;
        QStringList names; // HTTP name patterns; empty: any name
        std::optional<int> maxTunnels; // empty: --max-tunnels-per-token
    };

    // `name` matches one of `patterns` ('*': any run of characters), or there are none.
    static bool allowsName(const QStringList &patterns, const QString &name);

    static constexpr qint64 MaxFileSize = 1024 * 1024;

    TokenBook() = default;
    explicit TokenBook(const QByteArrayList &tokens); // --token values: no limits

    // Parses a tokens file's text; nullopt and *error ("line 3: ...") when a line is wrong.
    static std::optional<QList<Entry>> parse(const QByteArray &text, QString *error);
    // --token values plus the file's entries; nullopt and *error if the file cannot be used.
    static std::optional<TokenBook> load(const QByteArrayList &tokens, const QString &file,
                                         QString *error);

    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    // The entry whose token `matches` (a proof check): every entry is tried, whatever matches.
    template <typename Matches>
    const Entry *find(Matches matches) const
    {
        const Entry *found = nullptr;
        for (const Entry &entry : m_entries) {
            if (matches(entry.token) && !found)
                found = &entry;
        }
        return found;
    }

private:
    QList<Entry> m_entries;
};
