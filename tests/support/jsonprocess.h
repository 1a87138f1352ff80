// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// A built binary whose stdout is one JSON object a line. rok reads its saved settings from
// `configHome` (XDG_CONFIG_HOME), a fresh empty one by default, and never a keyring: a test sees
// neither the settings nor the keyring of the person running it.
class JsonProcess : public QObject
{
public:
    JsonProcess(const QString &program, const QStringList &arguments,
                const QString &configHome = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           configHome.isEmpty() ? m_configHome.path() : configHome);
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/rok-test-bus"));
        // Keep the sanitizers' quarantine small so memory figures show the program's own use.
        environment.insert(QStringLiteral("ASAN_OPTIONS"),
                           QStringLiteral("quarantine_size_mb=4:detect_leaks=1"));
        environment.remove(QStringLiteral("ROK_TOKEN"));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
            const QByteArray chunk = m_process.readAllStandardOutput();
            m_output += chunk;
            m_buffer += chunk;
            qsizetype end;
            while ((end = m_buffer.indexOf('\n')) >= 0) {
                const QByteArray line = m_buffer.left(end);
                m_buffer.remove(0, end + 1);
                m_events.append(QJsonDocument::fromJson(line).object());
            }
        });
        m_process.start(program, arguments);
    }
    ~JsonProcess() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The first event named `name` at or after index `from`, waiting up to `timeout`.
    QJsonObject waitFor(const QString &name, int timeoutMs = 15000, int *index = nullptr,
                        int from = 0)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            for (int i = from; i < m_events.size(); ++i) {
                if (m_events.at(i).value(QStringLiteral("event")).toString() == name) {
                    if (index)
                        *index = i;
                    return m_events.at(i);
                }
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(20);
        }
        return {};
    }

    QList<QJsonObject> events(const QString &name) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &event : m_events) {
            if (event.value(QStringLiteral("event")).toString() == name)
                found.append(event);
        }
        return found;
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    bool waitForExit(int timeoutMs = 10000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        QSignalSpy finished(&m_process, &QProcess::finished);
        return finished.wait(timeoutMs);
    }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    qint64 pid() const { return m_process.processId(); }
    QByteArray standardError() { return m_process.readAllStandardError(); }
    int eventCount() const { return int(m_events.size()); }

    // Resident memory in KiB, from /proc.
    qint64 residentKiB() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }

    void writeAndCloseInput(const QByteArray &data)
    {
        m_process.write(data);
        m_process.closeWriteChannel();
    }
    QByteArray output() const { return m_output; } // all of stdout, for text output

private:
    QTemporaryDir m_configHome;
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_output;
    QList<QJsonObject> m_events;
};
