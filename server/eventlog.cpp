#include "eventlog.h"

#include <QDateTime>
#include <QJsonDocument>

EventLog::EventLog(Format format, FILE *out)
    : m_format(format)
    , m_out(out)
{
}

void EventLog::event(const QString &name, const QJsonObject &fields, const QString &text)
{
    QByteArray line;
    if (m_format == Format::Json) {
        QJsonObject object{{QStringLiteral("event"), name}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            object.insert(it.key(), it.value());
        object.insert(QStringLiteral("time"),
                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    } else {
        line = (QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))
                + QStringLiteral("  ") + text)
                       .toUtf8();
    }
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    std::fflush(m_out);
}
