#include "consoleprinter.h"

#include "units.h"

#include <QJsonDocument>
#include <QJsonObject>

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
        if (RequestLog *log = client->requestLog(tunnel))
            connect(log, &RequestLog::recordsAdded, this,
                    [this, tunnel](const QList<RequestRecord> &records) {
                        onRecords(records, tunnel);
                    });
    }
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
    if (m_json) {
        QJsonObject object{{QStringLiteral("event"), QStringLiteral("request")},
                           {QStringLiteral("time"), record.started.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("method"), QString::fromLatin1(record.method)},
                           {QStringLiteral("path"), QString::fromLatin1(record.path)},
                           {QStringLiteral("status"), record.status},
                           {QStringLiteral("duration_ms"), record.durationMs},
                           {QStringLiteral("request_bytes"), record.requestBytes},
                           {QStringLiteral("response_bytes"), record.responseBytes}};
        if (record.kind == RequestRecord::Kind::Upgrade)
            object.insert(QStringLiteral("upgrade"),
                          QString::fromLatin1(record.responseHead.value("Upgrade")).toLower());
        if (record.kind == RequestRecord::Kind::UpgradeClosed) {
            object.insert(QStringLiteral("upgrade"),
                          QString::fromLatin1(record.responseHead.value("Upgrade")).toLower());
            object.insert(QStringLiteral("closed"), true);
        }
        if (!record.error.isEmpty())
            object.insert(QStringLiteral("error"), record.error);
        if (!name.isEmpty())
            object.insert(QStringLiteral("tunnel"), name);
        return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    }
    QString status = record.status ? QString::number(record.status) : QStringLiteral("---");
    if (record.kind == RequestRecord::Kind::UpgradeClosed)
        status = tr("closed");
    // Padded by hand: a path like /a%2Fb must not be read as an arg() placeholder.
    QString line = record.started.toString(QStringLiteral("HH:mm:ss.zzz")) + QStringLiteral("  ")
            + (name.isEmpty() ? QString() : name.leftJustified(10) + u' ')
            + QString::fromLatin1(record.method).leftJustified(7) + u' '
            + QString::fromLatin1(record.path).leftJustified(32) + u' ' + status.rightJustified(6)
            + u' ' + Units::duration(record.durationMs).rightJustified(10) + QStringLiteral("  ")
            + tr("%1 in, %2 out")
                      .arg(Units::bytes(record.requestBytes), Units::bytes(record.responseBytes));
    if (!record.error.isEmpty())
        line += QStringLiteral("  (%1)").arg(record.error);
    return line.toUtf8() + '\n';
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
        emitText(tr("Connecting to %1 ...").arg(m_client->options().server.toString()));
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
