// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "requestlog.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>

#include <deque>

// The request inspector's table: the records of a RequestLog, newest first. Follows the log in
// batches (one insert and at most one removal per RequestLog::recordsAdded) and never holds more
// rows than the log's capacity, so a busy tunnel cannot grow the app without limit.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    // Duration ("App") and Tunnel: where a request's time went, in the local app and between
    // rok-server and rok (RequestRecord::tunnelMs). In and Out: the request's bytes coming in
    // through the tunnel, the response's going out (the CLI's "in" and "out").
    enum Column { Time, Method, Path, Status, Duration, Tunnel, In, Out, ColumnCount };
    Q_ENUM(Column)
    // Raw values for sorting: QDateTime, QString, int (status), double (ms), qint64 (bytes).
    static constexpr int SortRole = Qt::UserRole + 1; // Qt::UserRole: the record id (quint64)
    // What the filter box matches, on every column: "METHOD PATH STATUS" (not the sizes, whose
    // "404 B" would match a search for 404s).
    static constexpr int FilterRole = Qt::UserRole + 2;

    explicit RequestLogModel(RequestLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const RequestRecord &record(int row) const; // 0 <= row < rowCount()
    QModelIndex indexOfId(quint64 id, int column = 0) const; // invalid when no longer shown
    void clear(); // empties the model and the log
    // Drops the oldest rows beyond log->capacity(); done at each batch, call it after
    // RequestLog::setCapacity() to shrink at once.
    void trimToCapacity();

    // The Status colour: 2xx green, 3xx blue, 4xx orange, 5xx red, anything else grey; lighter
    // tones for a dark background.
    static QColor statusColor(int status, bool darkBackground = false);

private:
    void onRecordsAdded(const QList<RequestRecord> &batch);
    void dropPreviews(quint64 throughId);
    const RequestRecord &at(int row) const { return m_rows[m_rows.size() - 1 - size_t(row)]; }
    QVariant display(const RequestRecord &record, int column) const;
    QVariant sortValue(const RequestRecord &record, int column) const;
    void removeOldest(qsizetype count);

    QPointer<RequestLog> m_log;
    std::deque<RequestRecord> m_rows; // oldest first; row 0 is the back
    quint64 m_previewsDroppedThrough = 0;
    quint64 m_lastId = 0; // the newest record shown; older ids in a batch are already here
};
