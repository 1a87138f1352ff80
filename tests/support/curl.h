// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

struct CurlResult
{
    int exitCode = -1;
    QByteArray output;
    QByteArray error;
};

// Runs curl -sS while this process's event loop keeps running: the local service that answers
// through the tunnel lives in the test process.
inline CurlResult curl(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral("curl"), QStringList{QStringLiteral("-sS")} + arguments);
    CurlResult result;
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.error = "curl timed out";
        return result;
    }
    result.exitCode = process.exitCode();
    result.output = process.readAllStandardOutput();
    result.error = process.readAllStandardError();
    return result;
}
