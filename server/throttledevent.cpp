// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "throttledevent.h"

#include "eventlog.h"

ThrottledEvent::ThrottledEvent(EventLog &log, const QString &name,
                               std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_name(name)
{
    m_window.setSingleShot(true);
    m_window.setInterval(interval);
    connect(&m_window, &QTimer::timeout, this, &ThrottledEvent::flush);
}

void ThrottledEvent::record(const QJsonObject &fields, const QString &text)
{
    if (m_window.isActive()) {
        ++m_suppressed;
        m_lastFields = fields;
        m_lastText = text;
        return;
    }
    m_log.event(m_name, fields, text);
    m_window.start();
}

void ThrottledEvent::flush()
{
    if (m_suppressed == 0)
        return;
    QJsonObject fields = m_lastFields;
    fields.insert(QStringLiteral("repeated"), m_suppressed);
    const int seconds = int(m_window.intervalAsDuration().count() / 1000);
    m_log.event(m_name, fields,
                tr("%1 (and %n more like it in %2 s)", nullptr, m_suppressed)
                        .arg(m_lastText)
                        .arg(seconds));
    m_suppressed = 0;
    m_window.start(); // a burst that goes on is summed up again after the next interval
}
