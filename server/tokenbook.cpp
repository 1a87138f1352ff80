// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tokenbook.h"

#include <QFile>
#include <QRegularExpression>

namespace {

bool isPattern(const QString &pattern)
{
    // A name pattern is a DNS label with '*' standing for any run of name characters.
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9*-]{1,63}$"));
    return shape.match(pattern).hasMatch();
}

bool matches(const QString &pattern, const QString &name)
{
    const QRegularExpression expression(
            QRegularExpression::anchoredPattern(QRegularExpression::escape(pattern).replace(
                    QStringLiteral("\\*"), QStringLiteral(".*"))));
    return expression.match(name).hasMatch();
}

} // namespace

bool TokenBook::allowsName(const QStringList &patterns, const QString &name)
{
    return patterns.isEmpty()
            || std::any_of(patterns.cbegin(), patterns.cend(),
                           [&name](const QString &pattern) { return matches(pattern, name); });
}

TokenBook::TokenBook(const QByteArrayList &tokens)
{
    for (const QByteArray &token : tokens)
        m_entries.append({token, {}, std::nullopt});
}

std::optional<QList<TokenBook::Entry>> TokenBook::parse(const QByteArray &text, QString *error)
{
    QList<Entry> entries;
    int number = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++number;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const auto fail = [&](const QString &why) {
            *error = QStringLiteral("line %1: %2").arg(number).arg(why);
            return std::nullopt;
        };
        const QList<QByteArray> fields = line.simplified().split(' ');
        Entry entry{fields.constFirst(), {}, std::nullopt};
        if (entry.token.contains('='))
            return fail(QStringLiteral("a line starts with the token"));
        if (entry.token.size() < 8)
            return fail(QStringLiteral("a token has at least 8 characters"));
        for (qsizetype i = 1; i < fields.size(); ++i) {
            const QByteArray &field = fields.at(i);
            if (field.startsWith("names=")) {
                entry.names = QString::fromUtf8(field.mid(6)).split(u',', Qt::SkipEmptyParts);
                const bool valid = !entry.names.isEmpty()
                        && std::all_of(entry.names.cbegin(), entry.names.cend(), isPattern);
                if (!valid)
                    return fail(QStringLiteral("names= takes names or patterns such as web-*"));
            } else if (field.startsWith("max-tunnels=")) {
                bool ok = false;
                const int most = field.mid(12).toInt(&ok);
                if (!ok || most < 1)
                    return fail(QStringLiteral("max-tunnels= takes a number of 1 or more"));
                entry.maxTunnels = most;
            } else {
                return fail(QStringLiteral("unknown field \"%1\" (names=, max-tunnels=)")
                                    .arg(QString::fromUtf8(field.left(40))));
            }
        }
        if (std::any_of(entries.cbegin(), entries.cend(),
                        [&entry](const Entry &other) { return other.token == entry.token; }))
            return fail(QStringLiteral("the same token is on an earlier line"));
        entries.append(entry);
    }
    return entries;
}

std::optional<TokenBook> TokenBook::load(const QByteArrayList &tokens, const QString &file,
                                         QString *error)
{
    TokenBook book(tokens);
    if (file.isEmpty())
        return book;
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file, input.errorString());
        return std::nullopt;
    }
    if (input.size() > MaxFileSize) {
        *error = QStringLiteral("%1 is over %2 bytes").arg(file).arg(MaxFileSize);
        return std::nullopt;
    }
    QString why;
    const auto entries = parse(input.readAll(), &why);
    if (!entries) {
        *error = QStringLiteral("%1: %2").arg(file, why);
        return std::nullopt;
    }
    book.m_entries += *entries;
    return book;
}
