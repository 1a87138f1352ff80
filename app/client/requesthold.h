// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QObject>

#include <chrono>

// What a tunnel may hold while its local service is down (rok http --hold): visitors' requests
// wait for it to come back instead of getting a 502 at once, within a time and within caps on
// how many requests wait and how many of their bytes are kept. One per HTTP tunnel, shared by
// its StreamForwarders.
class RequestHold : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestHold)

public:
    struct Limits
    {
        std::chrono::milliseconds time{10'000}; // 0: no holding
        int requests = 100;
        qint64 bytes = 8 * 1024 * 1024; // a held request's bytes stay in its stream's window
    };

    explicit RequestHold(const Limits &limits, QObject *parent = nullptr);

    const Limits &limits() const { return m_limits; }
    bool isOn() const { return m_limits.time.count() > 0; }
    int requests() const { return m_requests; }
    qint64 bytes() const { return m_bytes; }

    bool admit(); // one more request waits; false: `requests` already do
    bool grow(qint64 bytes); // a waiting request took more bytes; false: over `bytes` together
    void release(qint64 bytes); // a request stopped waiting, with the bytes it took
    void localIsBack(); // one got through: the others try again at once

Q_SIGNALS:
    void localBack();

private:
    Limits m_limits;
    int m_requests = 0;
    qint64 m_bytes = 0;
};
