#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

// The server's own output: one line per event, as text for people or JSON for programs.
class EventLog
{
public:
    enum class Format { Text, Json };

    explicit EventLog(Format format = Format::Text, FILE *out = stdout);

    // `fields` carries the machine-readable facts; `text` is the line a person reads.
    void event(const QString &name, const QJsonObject &fields, const QString &text);

private:
    Format m_format;
    FILE *m_out;
};
