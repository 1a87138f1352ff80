// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

// The server's own output: one line per event, as text for people or JSON for programs. Each
// event has a level: a refusal or a failure is a warning, the rest is information. JSON lines
// carry it as "level"; text lines that go to journald (systemd's JOURNAL_STREAM names this
// output) carry it as a syslog prefix, "<4>" or "<6>", and no time, which journald adds.
class EventLog
{
public:
    enum class Format { Text, Json };
    enum class Level { Info, Warning };

    explicit EventLog(Format format = Format::Text, FILE *out = stdout);

    // `fields` carries the machine-readable facts; `text` is the line a person reads.
    void event(const QString &name, const QJsonObject &fields, const QString &text);

    static Level levelOf(const QString &name);
    bool writesToJournal() const { return m_journal; }

private:
    Format m_format;
    FILE *m_out;
    bool m_journal; // m_out is systemd's journal stream
};
