// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <chrono>

class EventLog;

// One kind of event that may come in floods (refused connections, failed accepts): the first of
// a burst is logged at once, the rest of the burst as one line with their count once the
// interval has passed. A flood costs a line every interval, not a line per connection.
class ThrottledEvent : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThrottledEvent)

public:
    ThrottledEvent(EventLog &log, const QString &name,
                   std::chrono::milliseconds interval = std::chrono::seconds(10),
                   QObject *parent = nullptr);

    void record(const QJsonObject &fields, const QString &text);
    int suppressed() const { return m_suppressed; }

private:
    void flush();

    EventLog &m_log;
    QString m_name;
    QTimer m_window;
    int m_suppressed = 0;
    QJsonObject m_lastFields;
    QString m_lastText;
};
