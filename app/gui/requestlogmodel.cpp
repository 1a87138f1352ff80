// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "requestlogmodel.h"

#include "units.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace {

bool isNumeric(int column)
{
    return column == RequestLogModel::Status || column == RequestLogModel::Duration
            || column == RequestLogModel::Tunnel || column == RequestLogModel::In
            || column == RequestLogModel::Out;
}

bool darkPalette()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

} // namespace

RequestLogModel::RequestLogModel(RequestLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    Q_ASSERT(log);
    const QList<RequestRecord> records = log->records();
    m_rows.assign(records.begin(), records.end());
    if (!m_rows.empty())
        m_lastId = m_rows.back().id;
    connect(log, &RequestLog::recordsAdded, this, &RequestLogModel::onRecordsAdded);
    connect(log, &RequestLog::previewsDropped, this, &RequestLogModel::dropPreviews);
}

// The model's copies share the previews' bytes with the log: both must let go to free them.
void RequestLogModel::dropPreviews(quint64 throughId)
{
    m_previewsDroppedThrough = qMax(m_previewsDroppedThrough, throughId);
    for (RequestRecord &record : m_rows) {
        if (record.id > throughId)
            break;
        if (record.previewsDropped)
            continue;
        record.requestBody = {};
        record.responseBody = {};
        record.previewsDropped = true;
    }
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RequestRecord &RequestLogModel::record(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return at(row);
}

QModelIndex RequestLogModel::indexOfId(quint64 id, int column) const
{
    // ids grow with each record, so the rows are sorted by id
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                     [](const RequestRecord &r, quint64 v) { return r.id < v; });
    if (it == m_rows.end() || it->id != id)
        return {};
    return index(int(m_rows.end() - it - 1), column);
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestRecord &record = at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(record, column);
    case Qt::ToolTipRole:
        if (column == Method && record.replayOf != 0)
            return tr("A replay, sent from this window straight to the local service");
        if (column == Path)
            return QString::fromUtf8(record.path);
        if (column == Status && !record.error.isEmpty())
            return record.error;
        return {};
    case Qt::ForegroundRole:
        if (column == Status)
            return statusColor(record.kind == RequestRecord::Kind::UpgradeClosed ? 0
                                                                                 : record.status,
                               darkPalette());
        return {};
    case Qt::TextAlignmentRole:
        if (isNumeric(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::UserRole:
        return QVariant::fromValue(record.id);
    case SortRole:
        return sortValue(record, column);
    case FilterRole:
        return QString::fromLatin1(record.method) + u' ' + QString::fromUtf8(record.path) + u' '
                + display(record, Status).toString();
    default:
        return {};
    }
}

QVariant RequestLogModel::display(const RequestRecord &record, int column) const
{
    switch (column) {
    case Time:
        return record.started.toString(QStringLiteral("HH:mm:ss"));
    case Method: // a replay is marked, so it is not taken for a visitor's request
        return record.replayOf != 0 ? QStringLiteral("\u21bb ") + QString::fromLatin1(record.method)
                                    : QString::fromLatin1(record.method);
    case Path:
        return QString::fromUtf8(record.path);
    case Status:
        if (record.kind == RequestRecord::Kind::UpgradeClosed)
            return tr("closed", "status of an upgraded (websocket) connection that ended");
        if (record.status == 0)
            return QString(QChar(0x2014)); // em dash: no response
        return QString::number(record.status);
    case Duration:
        return Units::duration(record.durationMs);
    case Tunnel:
        return record.tunnelMs < 0 ? QString(QChar(0x2013)) : Units::duration(record.tunnelMs);
    case In:
        return Units::bytes(record.requestBytes);
    case Out:
        return Units::bytes(record.responseBytes);
    default:
        return {};
    }
}

QVariant RequestLogModel::sortValue(const RequestRecord &record, int column) const
{
    switch (column) {
    case Time:
        return record.started; // equal ones keep their order: the proxy's sort is stable
    case Method:
        return QString::fromLatin1(record.method);
    case Path:
        return QString::fromUtf8(record.path);
    case Status:
        return record.status;
    case Duration:
        return record.durationMs;
    case Tunnel:
        return record.tunnelMs;
    case In:
        return record.requestBytes;
    case Out:
        return record.responseBytes;
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == Duration)
        return tr("Time in the local app, as rok saw it: from the request's first byte to the "
                  "response's last");
    if (role == Qt::ToolTipRole && section == Tunnel)
        return tr("Time in the tunnel: rok-server's time for the request, less the app's. The "
                  "network between rok-server and this computer, and both programs");
    if (role == Qt::ToolTipRole && section == In)
        return tr("Bytes of the request, head and body, as the local service receives them");
    if (role == Qt::ToolTipRole && section == Out)
        return tr("Bytes of the response, head and body, as the local service sent them");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method", "HTTP method: GET, POST, ...");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status", "HTTP status code");
    case Duration:
        return tr("App", "time spent in the local app");
    case Tunnel:
        return tr("Tunnel", "time spent in the tunnel");
    case In:
        return tr("In", "bytes of the request, into the tunnel (the CLI's \"in\")");
    case Out:
        return tr("Out", "bytes of the response, out to the visitor (the CLI's \"out\")");
    case ColumnCount:
        break;
    }
    return {};
}

void RequestLogModel::onRecordsAdded(const QList<RequestRecord> &batch)
{
    // A batch can repeat records the constructor already took from the log's ring, and hold
    // records of a paused capture, which are not shown.
    std::vector<const RequestRecord *> shown;
    for (const RequestRecord &record : batch) {
        if (record.id > m_lastId && record.captured)
            shown.push_back(&record);
    }
    auto fresh = shown.begin();
    const int capacity = m_log ? m_log->capacity() : int(m_rows.size());
    if (shown.end() - fresh > capacity)
        fresh = shown.end() - capacity;
    const qsizetype count = shown.end() - fresh;
    if (count == 0) {
        trimToCapacity();
        return;
    }
    // Make room first, so rowCount() stays within the capacity at every signal.
    removeOldest(qsizetype(m_rows.size()) + count - capacity);
    beginInsertRows({}, 0, int(count - 1));
    for (; fresh != shown.end(); ++fresh)
        m_rows.push_back(**fresh);
    m_lastId = m_rows.back().id;
    dropPreviews(m_previewsDroppedThrough); // records that lost them while the batch waited
    endInsertRows();
}

void RequestLogModel::trimToCapacity()
{
    if (m_log)
        removeOldest(qsizetype(m_rows.size()) - m_log->capacity());
}

void RequestLogModel::removeOldest(qsizetype count)
{
    count = std::min(count, qsizetype(m_rows.size()));
    if (count <= 0)
        return;
    const int rows = int(m_rows.size());
    beginRemoveRows({}, int(rows - count), rows - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    if (m_log)
        m_log->clear();
    endResetModel();
}

QColor RequestLogModel::statusColor(int status, bool darkBackground)
{
    switch (status / 100) {
    case 2:
        return darkBackground ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case 3:
        return darkBackground ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case 4:
        return darkBackground ? QColor(0xff, 0xb7, 0x4d) : QColor(0xe6, 0x51, 0x00);
    case 5:
        return darkBackground ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    default:
        return darkBackground ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x75, 0x75, 0x75);
    }
}
