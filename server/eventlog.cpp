// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "eventlog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

#include <sys/stat.h>

namespace {

constexpr qsizetype MaxTextSize = 2000;

// A text line carries what clients and visitors sent (a message type, a name): control
// characters are escaped so that nobody can end a line and forge the next one, or move the
// cursor of whoever reads the log in a terminal; an overlong value is cut.
QString printable(const QString &text)
{
    QString out;
    out.reserve(std::min(text.size(), MaxTextSize));
    for (const QChar c : text) {
        if (out.size() >= MaxTextSize) {
            out += QStringLiteral("…");
            break;
        }
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

// Whether `out` is the stream systemd connected to the journal: JOURNAL_STREAM is its
// "device:inode" (systemd.exec(5)), so a redirected stdout is not mistaken for it.
bool isJournal(FILE *out)
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    struct stat status
    {
    };
    if (stream.isEmpty() || ::fstat(::fileno(out), &status) != 0)
        return false;
    return stream
            == QByteArray::number(quint64(status.st_dev)) + ':'
            + QByteArray::number(quint64(status.st_ino));
}

} // namespace

EventLog::EventLog(Format format, FILE *out)
    : m_format(format)
    , m_out(out)
    , m_journal(isJournal(out))
{
}

EventLog::Level EventLog::levelOf(const QString &name)
{
    // Refusals and failures: what an operator filters for (journalctl -p warning).
    static const QSet<QString> warnings{
            QStringLiteral("visitor_refused"),      QStringLiteral("visitor_dropped"),
            QStringLiteral("accept_failed"),        QStringLiteral("client_refused"),
            QStringLiteral("client_dropped"),       QStringLiteral("certificate_failed"),
            QStringLiteral("certificate_deferred"), QStringLiteral("certificate_not_saved"),
            QStringLiteral("certificate_unusable"), QStringLiteral("certificate_reload_failed"),
            QStringLiteral("tokens_reload_failed"), QStringLiteral("cluster_redis_down"),
            QStringLiteral("cluster_lease_lost"),   QStringLiteral("cluster_failed"),
            QStringLiteral("node_link_down")};
    return warnings.contains(name) ? Level::Warning : Level::Info;
}

void EventLog::event(const QString &name, const QJsonObject &fields, const QString &text)
{
    QByteArray line;
    if (m_format == Format::Json) {
        QJsonObject object{{QStringLiteral("event"), name},
                           {QStringLiteral("level"),
                            levelOf(name) == Level::Warning ? QStringLiteral("warning")
                                                            : QStringLiteral("info")}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            object.insert(it.key(), it.value());
        object.insert(QStringLiteral("time"),
                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    } else if (m_journal) {
        line = (levelOf(name) == Level::Warning ? "<4>" : "<6>") + printable(text).toUtf8();
    } else {
        line = (QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))
                + QStringLiteral("  ") + printable(text))
                       .toUtf8();
    }
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    std::fflush(m_out);
}
