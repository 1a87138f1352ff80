// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <chrono>

class QSocketNotifier;

// A listening TCP socket that hands over each accepted connection as a bare descriptor, for a
// TcpConnection (or a QTcpSocket) to adopt.
//
// Why not QTcpServer: out of descriptors (EMFILE, ENFILE) or buffers (ENOBUFS), Qt 6.4's
// QTcpServer either stops accepting for good or retries in a busy loop, and its backlog of 50
// drops the SYNs of a burst of visitors. This one pauses after such an error and tries again
// after 5 ms, doubling up to 1 s (as Go's net/http does), and listens with the kernel's
// maximum backlog (net.core.somaxconn).
class Listener : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    static constexpr std::chrono::milliseconds FirstPause{5};
    static constexpr std::chrono::milliseconds MaxPause{1000};

    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    // QHostAddress::Any listens on IPv6 and IPv4 at once; port 0 picks a free port.
    bool listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const { return m_fd >= 0; }
    quint16 serverPort() const { return m_port; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void accepted(qintptr descriptor); // non-blocking, close-on-exec; the receiver owns it
    void acceptFailed(const QString &error); // once per error: throttle before logging

private:
    void onReadable();
    void pauseAfterError(int error);

    int m_fd = -1;
    quint16 m_port = 0;
    QString m_error;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_resume;
    std::chrono::milliseconds m_pause = FirstPause;
    QElapsedTimer m_lastError;
};
