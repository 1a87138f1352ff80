// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "jsonline.h"

#include <charconv>
#include <cmath>

JsonLine::JsonLine(QByteArray &out)
    : m_out(out)
{
    m_out += '{';
}

JsonLine &JsonLine::add(std::string_view key, QLatin1StringView text)
{
    appendKey(key);
    appendString(QByteArrayView(text.data(), text.size()), Encoding::Latin1);
    return *this;
}

JsonLine &JsonLine::add(std::string_view key, const QString &text)
{
    appendKey(key);
    appendString(text.toUtf8(), Encoding::Utf8);
    return *this;
}

JsonLine &JsonLine::add(std::string_view key, qint64 number)
{
    appendKey(key);
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), number);
    m_out.append(digits, result.ptr - digits);
    return *this;
}

JsonLine &JsonLine::add(std::string_view key, double number)
{
    appendKey(key);
    if (!std::isfinite(number)) {
        m_out += "null";
        return *this;
    }
    char digits[400]; // fixed notation of the largest double needs 309 digits
    auto end =
            std::to_chars(std::begin(digits), std::end(digits), number, std::chars_format::fixed, 3)
                    .ptr;
    // 12.250 -> 12.25, 3.000 -> 3
    while (end[-1] == '0')
        --end;
    if (end[-1] == '.')
        --end;
    m_out.append(digits, end - digits);
    return *this;
}

JsonLine &JsonLine::add(std::string_view key, bool value)
{
    appendKey(key);
    m_out += value ? "true" : "false";
    return *this;
}

void JsonLine::end()
{
    m_out += "}\n";
}

void JsonLine::appendKey(std::string_view key)
{
    if (!m_first)
        m_out += ',';
    m_first = false;
    m_out += '"';
    m_out.append(key.data(), qsizetype(key.size()));
    m_out += "\":";
}

void JsonLine::appendString(QByteArrayView text, Encoding encoding)
{
    static constexpr char Hex[] = "0123456789abcdef";
    m_out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                const char escaped[] = {'\\', 'u', '0', '0', Hex[uchar(c) >> 4], Hex[c & 0xf]};
                m_out.append(escaped, sizeof escaped);
            } else if (uchar(c) >= 0x80 && encoding == Encoding::Latin1) {
                // Latin-1 is the first 256 code points: two bytes in UTF-8
                m_out += char(0xc0 | (uchar(c) >> 6));
                m_out += char(0x80 | (uchar(c) & 0x3f));
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
}
