// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

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

    // Where text lines go: a terminal this wide (0: not a terminal, nothing cut), in colour?
    struct Terminal
    {
        int columns = 0;
        bool color = false;
    };
    // For `out`: its width if it is a terminal; colour there unless NO_COLOR is set or TERM=dumb.
    static Terminal terminalOf(FILE *out);
    void setTerminal(Terminal terminal) { m_terminal = terminal; }
    void printInspector(const QString &url); // where --inspect serves the log

    QByteArray recordLine(const RequestRecord &record, int tunnel = 0) const;

private:
    void onState(TunnelClient::State state);
    void onOpened(const QString &url, bool sameAsBefore, int tunnel);
    void onError(const QString &message, bool fatal);
    void onRecords(const QList<RequestRecord> &records, int tunnel);
    void onWaiting(const QByteArray &method, const QByteArray &path, int tunnel);
    QString label(int tunnel) const; // empty with one tunnel
    void emitJson(const QJsonObject &object);
    void emitText(const QString &line);

    TunnelClient *m_client;
    bool m_json;
    FILE *m_out;
    Terminal m_terminal;
    bool m_hintShown = false; // "Requests appear below", once
};
