// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "consoleprinter.h"

#include "jsonline.h"
#include "units.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A record's local wall-clock time, taken apart by hand: QDateTime::toString() was 8% of the
// client's CPU with a line per request. The record carries its UTC offset, so no time-zone
// lookup is needed.
struct ClockTime
{
    int year, month, day, hour, minute, second, msec;
    int offsetMinutes;

    explicit ClockTime(const QDateTime &time)
    {
        using namespace std::chrono;
        offsetMinutes = time.offsetFromUtc() / 60;
        const milliseconds local{time.toMSecsSinceEpoch() + offsetMinutes * 60'000LL};
        const auto midnight = floor<days>(local);
        const year_month_day date{sys_days{midnight}};
        year = int(date.year());
        month = int(unsigned(date.month()));
        day = int(unsigned(date.day()));
        const auto sinceMidnight = int((local - midnight).count());
        hour = sinceMidnight / 3'600'000;
        minute = sinceMidnight / 60'000 % 60;
        second = sinceMidnight / 1000 % 60;
        msec = sinceMidnight % 1000;
    }

    static void appendDigits(QByteArray &out, int value, int width)
    {
        char digits[8];
        for (int i = width - 1; i >= 0; --i, value /= 10)
            digits[i] = char('0' + value % 10);
        out.append(digits, width);
    }

    // 12:34:56.789
    void appendTime(QByteArray &out) const
    {
        appendDigits(out, hour, 2);
        out += ':';
        appendDigits(out, minute, 2);
        out += ':';
        appendDigits(out, second, 2);
        out += '.';
        appendDigits(out, msec, 3);
    }

    // 2024-05-01T12:34:56.789+02:00, or ...Z at UTC (as Qt::ISODateWithMs writes it)
    QByteArray iso() const
    {
        QByteArray out;
        out.reserve(29);
        appendDigits(out, year, 4);
        out += '-';
        appendDigits(out, month, 2);
        out += '-';
        appendDigits(out, day, 2);
        out += 'T';
        appendTime(out);
        if (offsetMinutes == 0) {
            out += 'Z';
        } else {
            out += offsetMinutes < 0 ? '-' : '+';
            appendDigits(out, std::abs(offsetMinutes) / 60, 2);
            out += ':';
            appendDigits(out, std::abs(offsetMinutes) % 60, 2);
        }
        return out;
    }
};

// A status in the colour of its class, as terminals show them (ECMA-48 SGR).
QString colored(const QString &text, int status)
{
    const char *color = status >= 500 || status == 0 ? "31" // red: server errors, no response
            : status >= 400                          ? "33" // yellow: the visitor's errors
            : status >= 300                          ? "36" // cyan: redirects
            : status >= 200                          ? "32" // green
                                                     : "34"; // blue: 1xx, an upgrade
    return QStringLiteral("\x1b[") + QLatin1StringView(color) + u'm' + text
            + QStringLiteral("\x1b[0m");
}

// "12:34:56.789  web        GET     ": the columns every request line starts with; a replay
// sent by --inspect is marked.
QString linePrefix(const ClockTime &time, const QString &tunnel, const QByteArray &method,
                   bool replay)
{
    QByteArray clock;
    time.appendTime(clock);
    return QLatin1StringView(clock) + QStringLiteral("  ")
            + (tunnel.isEmpty() ? QString() : tunnel.leftJustified(10) + u' ')
            + (replay ? u"\u21bb "_s : QString())
            + QString::fromLatin1(method).leftJustified(replay ? 5 : 7) + u' ';
}

} // namespace

ConsolePrinter::ConsolePrinter(TunnelClient *client, bool json, FILE *out, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_json(json)
    , m_out(out)
{
    connect(client, &TunnelClient::stateChanged, this, &ConsolePrinter::onState);
    connect(client, &TunnelClient::tunnelOpened, this, &ConsolePrinter::onOpened);
    connect(client, &TunnelClient::errorOccurred, this, &ConsolePrinter::onError);
    for (int tunnel = 0; tunnel < client->tunnelCount(); ++tunnel) {
        RequestLog *log = client->requestLog(tunnel);
        if (!log)
            continue;
        connect(log, &RequestLog::recordsAdded, this,
                [this, tunnel](const QList<RequestRecord> &records) {
                    onRecords(records, tunnel);
                });
        connect(log, &RequestLog::requestWaiting, this,
                [this, tunnel](const QByteArray &method, const QByteArray &path) {
                    onWaiting(method, path, tunnel);
                });
    }
}

ConsolePrinter::Terminal ConsolePrinter::terminalOf(FILE *out)
{
    Terminal terminal;
    const int fd = ::fileno(out);
    if (fd < 0 || !::isatty(fd))
        return terminal;
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0)
        terminal.columns = size.ws_col;
    terminal.color = qEnvironmentVariableIsEmpty("NO_COLOR") && qgetenv("TERM") != "dumb";
    return terminal;
}

QString ConsolePrinter::label(int tunnel) const
{
    if (m_client->tunnelCount() < 2)
        return {};
    return m_client->options(tunnel).displayName();
}

QByteArray ConsolePrinter::recordLine(const RequestRecord &record, int tunnel) const
{
    const QString name = label(tunnel);
    const ClockTime started(record.started);
    if (m_json) {
        QByteArray line;
        line.reserve(256);
        const QByteArray time = started.iso();
        JsonLine json(line);
        json.add("event", "request")
                .add("time", QLatin1StringView(time))
                .add("method", QLatin1StringView(record.method))
                .add("path", QLatin1StringView(record.path))
                .add("status", record.status)
                .add("duration_ms", record.durationMs)
                .add("local_ms", record.durationMs);
        if (record.tunnelMs >= 0)
            json.add("tunnel_ms", record.tunnelMs);
        json.add("request_bytes", record.requestBytes).add("response_bytes", record.responseBytes);
        if (record.kind != RequestRecord::Kind::Http)
            json.add("upgrade", QLatin1StringView(record.responseHead.value("Upgrade").toLower()));
        if (record.kind == RequestRecord::Kind::UpgradeClosed)
            json.add("closed", true);
        if (record.heldMs > 0)
            json.add("held_ms", record.heldMs);
        if (record.replayOf != 0)
            json.add("replay_of", qint64(record.replayOf));
        if (!record.error.isEmpty())
            json.add("error", record.error);
        if (!name.isEmpty())
            json.add("tunnel", name);
        json.end();
        return line;
    }
    QString status = record.status ? QString::number(record.status) : QStringLiteral("---");
    if (record.kind == RequestRecord::Kind::UpgradeClosed)
        status = tr("closed");
    // Padded by hand: a path like /a%2Fb must not be read as an arg() placeholder.
    const QString before = linePrefix(started, name, record.method, record.replayOf != 0);
    const QString statusText = status.rightJustified(6);
    // Where the time went: the local app's part, and the tunnel's once the server told it.
    QString timing = Units::duration(record.durationMs).rightJustified(10) + u' ' + tr("app");
    if (record.tunnelMs >= 0)
        timing += u" + "_s + tr("%1 tunnel").arg(Units::duration(record.tunnelMs));
    QString notes;
    if (record.heldMs > 0)
        notes += u"  "_s + tr("(held %1)").arg(Units::duration(record.heldMs));
    if (!record.error.isEmpty())
        notes += QStringLiteral("  (%1)").arg(record.error);
    const QString bytes =
            tr("%1 in, %2 out")
                    .arg(Units::bytes(record.requestBytes), Units::bytes(record.responseBytes));
    QString after = u' ' + statusText + u' ' + timing.leftJustified(32) + u"  "_s + bytes + notes;
    // On a terminal a long path is cut to keep the line on one row (a narrow one drops the
    // sizes first); piped, it stays whole.
    QString path = QString::fromLatin1(record.path);
    if (m_terminal.columns > 0) {
        constexpr qsizetype PathBeforeSizes = 24; // the room a path keeps before sizes go
        if (m_terminal.columns - 1 - before.size() - after.size() < PathBeforeSizes)
            after = u' ' + statusText + u' ' + timing + notes;
        const qsizetype room =
                qMax<qsizetype>(12, m_terminal.columns - 1 - before.size() - after.size());
        if (path.size() > room)
            path = path.left(room - 1) + QChar(0x2026); // …
        path = path.leftJustified(qMin<qsizetype>(32, room));
    } else {
        path = path.leftJustified(32);
    }
    if (m_terminal.color) // colour after padding: escapes take no room on the screen
        after.replace(1, statusText.size(), colored(statusText, record.status));
    return (before + path + after).toUtf8() + '\n';
}

void ConsolePrinter::onState(TunnelClient::State state)
{
    if (m_json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("state")},
                  {QStringLiteral("state"), TunnelClient::stateName(state)}});
        return;
    }
    switch (state) {
    case TunnelClient::State::Connecting:
        emitText(tr("Connecting to rok-server at %1 ...")
                         .arg(m_client->options().server.toString()));
        break;
    case TunnelClient::State::Reconnecting: {
        const qint64 ms = QDateTime::currentDateTime().msecsTo(m_client->nextRetry());
        emitText(tr("Reconnecting in %1 s ...").arg(qMax<qint64>(0, ms) / 1000.0, 0, 'f', 1));
        break;
    }
    case TunnelClient::State::Online:
    case TunnelClient::State::Stopped:
    case TunnelClient::State::Failed:
        break;
    }
}

void ConsolePrinter::onOpened(const QString &url, bool sameAsBefore, int tunnel)
{
    const TunnelOptions &options = m_client->options(tunnel);
    const bool tcp = options.protocol == TunnelOptions::Protocol::Tcp;
    const QString note = m_client->note(tunnel);
    const QString name = label(tunnel);
    if (m_json) {
        QJsonObject object{
                {QStringLiteral("event"), QStringLiteral("tunnel_opened")},
                {QStringLiteral("url"), url},
                {QStringLiteral("protocol"), tcp ? QStringLiteral("tcp") : QStringLiteral("http")},
                {QStringLiteral("local"), options.local.toString()},
                {QStringLiteral("same_url"), sameAsBefore},
                {QStringLiteral("note"), note}};
        if (!name.isEmpty())
            object.insert(QStringLiteral("tunnel"), name);
        emitJson(object);
        return;
    }
    const QString prefix = name.isEmpty() ? QString() : name + QStringLiteral(": ");
    if (sameAsBefore) {
        emitText(prefix + tr("Online again at the same address: %1").arg(url));
    } else {
        emitText(prefix + tr("Online: %1  ->  %2").arg(url, options.local.toString()));
        if (!tcp && !m_hintShown) {
            emitText(tr("Requests appear below. Ctrl-C stops the tunnel."));
            m_hintShown = true;
        }
    }
    if (!note.isEmpty())
        emitText(prefix + tr("Note: %1").arg(note));
}

void ConsolePrinter::onError(const QString &message, bool fatal)
{
    if (m_json) {
        emitJson({{QStringLiteral("event"), QStringLiteral("error")},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("fatal"), fatal}});
        return;
    }
    emitText(fatal ? tr("Error: %1").arg(message) : message.left(1).toUpper() + message.mid(1));
}

void ConsolePrinter::onRecords(const QList<RequestRecord> &records, int tunnel)
{
    QByteArray out;
    for (const RequestRecord &record : records)
        out += recordLine(record, tunnel);
    std::fwrite(out.constData(), 1, size_t(out.size()), m_out);
    std::fflush(m_out);
}

void ConsolePrinter::onWaiting(const QByteArray &method, const QByteArray &path, int tunnel)
{
    const QString local = m_client->options(tunnel).local.toString();
    const auto holdMs = qint64(m_client->options(tunnel).hold.time.count());
    const QString name = label(tunnel);
    if (m_json) {
        QJsonObject event{{u"event"_s, u"waiting"_s},
                          {u"method"_s, QString::fromLatin1(method)},
                          {u"path"_s, QString::fromLatin1(path)},
                          {u"local"_s, local},
                          {u"hold_ms"_s, holdMs}};
        if (!name.isEmpty())
            event.insert(u"tunnel"_s, name);
        emitJson(event);
        return;
    }
    emitText(linePrefix(ClockTime(RequestRecord::now()), name, method, false)
             + QString::fromLatin1(path) + u"  "_s
             + tr("waiting for %1 (up to %n s)", nullptr, int(holdMs / 1000)).arg(local));
}

void ConsolePrinter::printInspector(const QString &url)
{
    if (m_json)
        emitJson({{u"event"_s, u"inspector"_s}, {u"url"_s, url}});
    else
        emitText(tr("Inspector: %1").arg(url));
}

void ConsolePrinter::emitJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    std::fflush(m_out);
}

void ConsolePrinter::emitText(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fflush(m_out);
}
