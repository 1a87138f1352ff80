#pragma once

#include "requestlog.h"
#include "tunnelclient.h"

#include <QObject>

#include <cstdio>

// The CLI's output for a client's tunnels: lines for people, or one JSON object a line (--json).
// With several tunnels (rok start a b), each line about one names it.
class ConsolePrinter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsolePrinter)

public:
    ConsolePrinter(TunnelClient *client, bool json, FILE *out = stdout, QObject *parent = nullptr);

    QByteArray recordLine(const RequestRecord &record, int tunnel = 0) const;

private:
    void onState(TunnelClient::State state);
    void onOpened(const QString &url, bool sameAsBefore, int tunnel);
    void onError(const QString &message, bool fatal);
    void onRecords(const QList<RequestRecord> &records, int tunnel);
    QString label(int tunnel) const; // empty with one tunnel
    void emitJson(const QJsonObject &object);
    void emitText(const QString &line);

    TunnelClient *m_client;
    bool m_json;
    FILE *m_out;
    bool m_hintShown = false; // "Requests appear below", once
};
