// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <string_view>

// One JSON object written straight into bytes, for output that is one object a line. The
// request log of `rok http --json` prints one per request; building a QJsonObject and a
// QJsonDocument for each was a third of the client's CPU in the benchmark.
//
//     QByteArray line;
//     JsonLine(line).add("event", "request").add("status", 200).end();
//
// Keys are the caller's ASCII literals and are not escaped; values are.
class JsonLine
{
public:
    explicit JsonLine(QByteArray &out);

    JsonLine &add(std::string_view key, const char *latin1)
    {
        return add(key, QLatin1StringView(latin1));
    }
    JsonLine &add(std::string_view key, QLatin1StringView text); // bytes read as Latin-1
    JsonLine &add(std::string_view key, const QString &text);
    JsonLine &add(std::string_view key, qint64 number);
    JsonLine &add(std::string_view key, int number) { return add(key, qint64(number)); }
    JsonLine &add(std::string_view key, double number); // at most 3 decimals; NaN and inf: null
    JsonLine &add(std::string_view key, bool value);
    void end(); // closes the object and the line

private:
    void appendKey(std::string_view key);
    enum class Encoding { Latin1, Utf8 };
    void appendString(QByteArrayView text, Encoding encoding);

    QByteArray &m_out;
    bool m_first = true;
};
