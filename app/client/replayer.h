// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"
#include "tunneloptions.h"

#include <QObject>

#include <chrono>
#include <memory>

typedef struct ssl_ctx_st SSL_CTX;

// Sends a logged request again, straight to the local service (not through the tunnel; over
// TLS to an https:// one), and
// reports the answer as a new RequestRecord. The recorded head goes out as it was received,
// with `Connection: close`, followed by the recorded body; a record whose body was not kept in
// full is refused. Each replay() is independent: several may run at once, and finished() comes
// once per replay(), always later from the event loop, never from inside replay().
class Replayer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Replayer)

public:
    static constexpr std::chrono::milliseconds DefaultTimeout{30'000};

    // Deleting the Replayer abandons the replays still running; they emit nothing.
    explicit Replayer(const LocalTarget &local, QObject *parent = nullptr);

    LocalTarget local() const { return m_local; }
    // For later replays. An https:// target is checked as the tunnel checks it: its
    // certificate must be trusted unless `insecure` (--local-insecure).
    void setLocal(const LocalTarget &local, bool insecure = false);

    // From the connection attempt to the end of the response.
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void replay(const RequestRecord &record);
    int runningCount() const { return m_running; }

Q_SIGNALS:
    // `result` has the original's method, path, request head and body, and the new response;
    // without one, status 0 and `error` saying why. Its replayOf is the original's id (or the
    // original's own replayOf: an edited request, or a replay of a replay).
    void finished(const RequestRecord &result);

private:
    void onReplayDone(const RequestRecord &result);

    LocalTarget m_local;
    bool m_insecure = false;
    std::shared_ptr<SSL_CTX> m_tls; // made for the first https:// target
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    int m_running = 0;
};
