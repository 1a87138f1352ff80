// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "requesthold.h"

RequestHold::RequestHold(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
}

bool RequestHold::admit()
{
    if (!isOn() || m_requests >= m_limits.requests)
        return false;
    ++m_requests;
    return true;
}

bool RequestHold::grow(qint64 bytes)
{
    m_bytes += bytes;
    return m_bytes <= m_limits.bytes;
}

void RequestHold::release(qint64 bytes)
{
    m_requests = qMax(0, m_requests - 1);
    m_bytes = qMax<qint64>(0, m_bytes - bytes);
}

void RequestHold::localIsBack()
{
    Q_EMIT localBack();
}
