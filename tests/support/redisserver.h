// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QDeadlineTimer>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>

// A real redis-server (Debian's) on loopback for the cluster tests: a free port, nothing saved
// to disk, stopped with the object. stop() and start() again keep the port, as a restarted
// Redis would.
class RedisServer
{
public:
    explicit RedisServer(QStringList extraArguments = {})
        : m_extra(std::move(extraArguments))
    {
        QTcpServer probe; // a free port, given back at once
        if (probe.listen(QHostAddress::LocalHost, 0))
            m_port = probe.serverPort();
    }
    ~RedisServer() { stop(); }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

    // Starts it and waits until it takes connections; false if it did not come up.
    bool start()
    {
        m_process.setProgram(QStringLiteral("redis-server"));
        m_process.setArguments(QStringList{QStringLiteral("--port"), QString::number(m_port),
                                           QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                                           QStringLiteral("--save"), QString(),
                                           QStringLiteral("--appendonly"), QStringLiteral("no")}
                               + m_extra);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        // Redis says when it takes connections: wait for that line, at most 5 s.
        QByteArray output;
        const QDeadlineTimer deadline(5000);
        while (!output.contains("Ready to accept connections")) {
            if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
                return false;
            output += m_process.readAll();
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QStringList m_extra;
    quint16 m_port = 0;
    QProcess m_process;
};
