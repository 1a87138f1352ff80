// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal, delivered from the event loop (self-pipe), so
// Ctrl-C can stop a program cleanly instead of killing it mid-write; and, for a daemon that
// asks, SIGHUP into reloadRequested().
class SignalWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // SIGHUP means "read your files again" (daemons), not "the terminal went away" (the client,
    // which keeps the default: it ends).
    void watchHangup();

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
    bool m_hangup = false;
    struct sigaction m_previousHangup
    {
    };
};
