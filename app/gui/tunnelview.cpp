// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnelview.h"

#include "harexport.h"
#include "messageview.h"
#include "qrcodewidget.h"
#include "replayeditor.h"
#include "replayer.h"
#include "requestediting.h"
#include "requestlogmodel.h"
#include "responsetimechart.h"
#include "statelook.h"
#include "tunnelactions.h"
#include "tunnelcontroller.h"
#include "units.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Whether a phone could open the URL: not a *.localhost name or a loopback address, which
// mean this computer wherever they are opened.
bool anotherDeviceCanOpen(const QString &url)
{
    const QString host = QUrl(url).host().toLower();
    if (host.isEmpty() || host == u"localhost" || host.endsWith(u".localhost"))
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

// A figure that may not exist yet (-1), formatted like the table's durations.
QString ms(double value)
{
    return value < 0 ? QStringLiteral("–") : Units::duration(value);
}

} // namespace

TunnelView::TunnelView(TunnelController *controller, TunnelActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_actions(actions)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createHeader());
    layout->addWidget(createStats());
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("logAndDetails"));
    m_splitter->addWidget(createLog());
    m_splitter->addWidget(createDetails());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);
    if (controller->options().protocol == TunnelOptions::Protocol::Tcp) {
        // Bytes, not requests: no figures or log to show.
        auto *note = new QLabel(tr("A TCP tunnel carries bytes, not HTTP requests, so it has no "
                                   "request log. Its address above is what others connect to."),
                                this);
        note->setObjectName(QStringLiteral("tcpNote"));
        note->setWordWrap(true);
        note->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        layout->addWidget(note, 1);
        layout->itemAt(1)->widget()->hide(); // the figures
        m_splitter->hide();
    }

    connect(controller, &TunnelController::stateChanged, this, &TunnelView::updateState);
    connect(controller, &TunnelController::tunnelOpened, this, &TunnelView::updateState);
    connect(controller, &TunnelController::statsChanged, this, &TunnelView::updateStats);
    m_countdown.setInterval(std::chrono::seconds(1));
    connect(&m_countdown, &QTimer::timeout, this, &TunnelView::updateState);
    // "Requests in the last minute" must fall back to 0 when traffic stops, too.
    auto *statsTicker = new QTimer(this);
    statsTicker->setInterval(std::chrono::seconds(5));
    connect(statsTicker, &QTimer::timeout, this, &TunnelView::updateStats);
    statsTicker->start();
    updateState();
    updateStats();
}

TunnelView::~TunnelView() = default;

QWidget *TunnelView::createHeader()
{
    auto *header = new QWidget(this);
    auto *outer = new QHBoxLayout(header);
    auto *left = new QVBoxLayout;

    auto *stateRow = new QHBoxLayout;
    m_stateIcon = new QLabel(header);
    m_stateIcon->setFixedSize(20, 20);
    m_stateIcon->setScaledContents(true);
    m_stateText = new QLabel(header);
    m_stateText->setObjectName(QStringLiteral("state"));
    m_stateText->setAccessibleName(tr("Tunnel state"));
    QFont bold = m_stateText->font();
    bold.setBold(true);
    m_stateText->setFont(bold);
    m_local = new QLabel(header);
    m_local->setObjectName(QStringLiteral("local"));
    m_local->setAccessibleName(tr("Local service"));
    m_local->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_stateText);
    stateRow->addSpacing(12);
    stateRow->addWidget(m_local);
    stateRow->addStretch();
    left->addLayout(stateRow);

    m_url = new QLabel(header);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setAccessibleName(tr("Public URL"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_url->setFocusPolicy(Qt::StrongFocus);
    QFont big = m_url->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_url->setFont(big);
    left->addWidget(m_url);

    auto *buttons = new QHBoxLayout;
    const std::pair<QAction *, const char *> commands[] = {
            {m_actions->startStop(), "startStop"},
            {m_actions->copyUrl(), "copyUrl"},
            {m_actions->openUrl(), "openUrl"},
    };
    for (const auto &[action, name] : commands) {
        auto *button = new QPushButton(header);
        button->setObjectName(QLatin1StringView(name));
        TunnelActions::bind(button, action);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    left->addLayout(buttons);

    m_detail = new QLabel(header);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setAccessibleName(tr("Connection details"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_detail);
    left->addStretch();

    outer->addLayout(left, 1);
    m_qr = new QrCodeWidget(header);
    m_qr->setFixedSize(120, 120);
    outer->addWidget(m_qr);
    return header;
}

QWidget *TunnelView::createStats()
{
    auto *stats = new QWidget(this);
    auto *layout = new QHBoxLayout(stats);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *figures = new QVBoxLayout;
    m_percentiles = new QLabel(stats);
    m_percentiles->setObjectName(QStringLiteral("percentiles"));
    m_percentiles->setAccessibleName(tr("Response time percentiles"));
    m_rate = new QLabel(stats);
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setAccessibleName(tr("Requests per minute"));
    m_errors = new QLabel(stats);
    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setAccessibleName(tr("Errors"));
    m_errors->setToolTip(tr("Answers with a status of 500 or more, and requests that got no "
                            "answer. A 4xx is the visitor's error, not one."));
    // Requests held for a local service that is down (--hold): how many wait, while they do.
    m_waiting = new QLabel(stats);
    m_waiting->setObjectName(QStringLiteral("waiting"));
    m_waiting->setAccessibleName(tr("Requests waiting for the local service"));
    m_waiting->hide();
    connect(m_controller->log(), &RequestLog::waitingChanged, this, [this](int count) {
        m_waiting->setText(tr("%n request(s) waiting for %1 to come back", nullptr, count)
                                   .arg(m_controller->options().local.toString()));
        m_waiting->setVisible(count > 0);
    });
    figures->addWidget(m_percentiles);
    figures->addWidget(m_rate);
    figures->addWidget(m_errors);
    figures->addWidget(m_waiting);
    layout->addLayout(figures);
    m_chart = new ResponseTimeChart(stats);
    layout->addWidget(m_chart, 1);
    return stats;
}

QWidget *TunnelView::createLog()
{
    auto *log = new QWidget(this);
    auto *layout = new QVBoxLayout(log);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tools = new QHBoxLayout;
    m_filter = new QLineEdit(log);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter requests (path, method, status)"));
    m_filter->setAccessibleName(tr("Filter requests"));
    m_filter->setClearButtonEnabled(true);
    auto *exportButton = new QPushButton(tr("&Export HAR…"), log);
    exportButton->setObjectName(QStringLiteral("exportHar"));
    exportButton->setAccessibleName(tr("Export the request log as HAR"));
    connect(exportButton, &QPushButton::clicked, this, &TunnelView::chooseHarFile);
    auto *clear = new QPushButton(tr("C&lear"), log);
    clear->setObjectName(QStringLiteral("clearLog"));
    clear->setAccessibleName(tr("Clear the request log"));
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->clear(); // the model and the log
        m_controller->clearStats();
    });
    // Pause capture: the tunnel serves on and the figures count on; the log takes nothing in.
    m_pauseCapture = new QAction(this);
    m_pauseCapture->setObjectName(QStringLiteral("pauseCapture"));
    m_pauseCapture->setCheckable(true);
    m_pauseCapture->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E)); // as browsers' network tools
    connect(m_pauseCapture, &QAction::toggled, this, &TunnelView::setCapturePaused);
    auto *pause = new QPushButton(log);
    pause->setObjectName(QStringLiteral("pauseCaptureButton"));
    TunnelActions::bind(pause, m_pauseCapture);
    m_captureState = new QLabel(log);
    m_captureState->setObjectName(QStringLiteral("captureState"));
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_captureState);
    tools->addWidget(pause);
    tools->addWidget(exportButton);
    tools->addWidget(clear);
    layout->addLayout(tools);
    setCapturePaused(false);

    m_model = new RequestLogModel(m_controller->log(), this);
    connect(m_controller->log(), &RequestLog::recordsAdded, this, [this] {
        updateStats();
        updateCaptureState();
    });
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(RequestLogModel::Time); // any column has the FilterRole
    m_proxy->setFilterRole(RequestLogModel::FilterRole);
    m_proxy->setSortRole(RequestLogModel::SortRole);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView(log);
    m_table->setObjectName(QStringLiteral("requests"));
    m_table->setAccessibleName(tr("Requests"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RequestLogModel::Path, QHeaderView::Stretch);
    m_table->setSortingEnabled(true); // a click on a header sorts; newest first to begin with
    m_table->sortByColumn(RequestLogModel::Time, Qt::DescendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TunnelView::showDetails);
    layout->addWidget(m_table, 1);
    return log;
}

QWidget *TunnelView::createDetails()
{
    auto *details = new QWidget(this);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    m_detailsTabs = new QTabWidget(details);
    m_detailsTabs->setObjectName(QStringLiteral("requestAndResponse"));
    m_request = new MessageView(MessageView::Side::Request, details);
    m_response = new MessageView(MessageView::Side::Response, details);
    m_detailsTabs->addTab(m_request, tr("Re&quest"));
    m_detailsTabs->addTab(m_response, tr("Res&ponse"));
    m_detailsTabs->setCornerWidget(createBodySearch(details));
    for (MessageView *view : {m_request, m_response})
        connect(view, &MessageView::searchedTextChanged, this, [this] { searchBody(); });
    connect(m_detailsTabs, &QTabWidget::currentChanged, this, [this] { searchBody(); });
    layout->addWidget(m_detailsTabs, 1);

    auto *replayRow = new QHBoxLayout;
    m_replay = new QPushButton(tr("&Replay"), details);
    m_replay->setObjectName(QStringLiteral("replay"));
    m_replay->setAccessibleName(tr("Send this request to the local service again"));
    m_replay->setEnabled(false);
    connect(m_replay, &QPushButton::clicked, this, &TunnelView::replaySelected);
    m_editReplay = new QPushButton(tr("E&dit and replay…"), details);
    m_editReplay->setObjectName(QStringLiteral("editReplay"));
    m_editReplay->setAccessibleName(tr("Change this request, then send it to the local service"));
    m_editReplay->setEnabled(false);
    connect(m_editReplay, &QPushButton::clicked, this, &TunnelView::editAndReplaySelected);
    m_copyCurl = new QPushButton(tr("Copy as c&url"), details);
    m_copyCurl->setObjectName(QStringLiteral("copyCurl"));
    m_copyCurl->setAccessibleName(tr("Copy a curl command that sends this request again"));
    m_copyCurl->setEnabled(false);
    connect(m_copyCurl, &QPushButton::clicked, this, &TunnelView::copySelectedAsCurl);
    m_replayResult = new QLabel(details);
    m_replayResult->setObjectName(QStringLiteral("replayResult"));
    m_replayResult->setAccessibleName(tr("Replay result"));
    replayRow->addWidget(m_replay);
    replayRow->addWidget(m_editReplay);
    replayRow->addWidget(m_copyCurl);
    replayRow->addWidget(m_replayResult, 1);
    layout->addLayout(replayRow);
    return details;
}

QWidget *TunnelView::createBodySearch(QWidget *parent)
{
    auto *search = new QWidget(parent);
    auto *row = new QHBoxLayout(search);
    row->setContentsMargins(0, 0, 0, 2);
    m_bodySearch = new QLineEdit(search);
    m_bodySearch->setObjectName(QStringLiteral("bodySearch"));
    m_bodySearch->setPlaceholderText(tr("Find in this message"));
    m_bodySearch->setAccessibleName(tr("Find in the request or response shown"));
    m_bodySearch->setClearButtonEnabled(true);
    m_bodySearch->setMinimumWidth(200);
    m_bodyMatches = new QLabel(search);
    m_bodyMatches->setObjectName(QStringLiteral("bodyMatches"));
    row->addWidget(m_bodyMatches);
    row->addWidget(m_bodySearch);
    connect(m_bodySearch, &QLineEdit::textChanged, this, [this] { searchBody(true); });
    connect(m_bodySearch, &QLineEdit::returnPressed, this, [this] { findInBody(false); });
    auto *previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_bodySearch);
    previous->setContext(Qt::WidgetShortcut);
    connect(previous, &QShortcut::activated, this, [this] { findInBody(true); });

    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_bodySearch->setFocus(Qt::ShortcutFocusReason);
        m_bodySearch->selectAll();
    });
    auto *next = new QAction(tr("Find Next"), this);
    next->setShortcut(QKeySequence::FindNext);
    connect(next, &QAction::triggered, this, [this] { findInBody(false); });
    auto *back = new QAction(tr("Find Previous"), this);
    back->setShortcut(QKeySequence::FindPrevious);
    connect(back, &QAction::triggered, this, [this] { findInBody(true); });
    addActions({find, next, back});
    return search;
}

MessageView *TunnelView::shownMessage() const
{
    return m_detailsTabs->currentWidget() == m_request ? m_request : m_response;
}

void TunnelView::searchBody(bool showText)
{
    const QString needle = m_bodySearch->text();
    MessageView *hidden = shownMessage() == m_request ? m_response : m_request;
    hidden->highlight({}); // marks only where the user looks
    const int matches = shownMessage()->highlight(needle, showText);
    if (needle.isEmpty() || matches < 0)
        m_bodyMatches->clear();
    else
        m_bodyMatches->setText(matches == 0 ? tr("No matches")
                                            : tr("%n match(es)", nullptr, matches));
}

void TunnelView::findInBody(bool backward)
{
    shownMessage()->findNext(m_bodySearch->text(), backward);
}

QString TunnelView::whoReaches(const TunnelOptions &options)
{
    const QString local = options.local.toString();
    const bool login = !options.credentials.isEmpty();
    const bool addresses = !options.allowCidrs.isEmpty() || !options.denyCidrs.isEmpty();
    if (login && addresses)
        return tr("Protected: visitors from allowed addresses who log in as %1 reach %2.")
                .arg(QString::fromUtf8(options.credentials.constFirst().user), local);
    if (login)
        return tr("Protected: visitors who log in as %1 reach %2.")
                .arg(QString::fromUtf8(options.credentials.constFirst().user), local);
    if (addresses)
        return tr("Protected: only visitors from allowed addresses reach %1.").arg(local);
    return tr("Anyone with this URL reaches %1.").arg(local);
}

void TunnelView::updateState()
{
    const TunnelClient::State state = m_controller->state();
    const TunnelClient *client = m_controller->client();
    const QString url = m_controller->url();
    const StateLook look = StateLook::of(state);
    m_stateIcon->setPixmap(look.icon.pixmap(QSize(20, 20), devicePixelRatioF()));
    m_stateText->setText(look.text);
    m_local->setText(tr("→ %1").arg(m_controller->options().local.toString()));
    const bool online = state == TunnelClient::State::Online;
    m_url->setText(url.isEmpty() ? tr("No tunnel yet") : url);
    m_url->setEnabled(online);
    const bool scannable = online && anotherDeviceCanOpen(url);
    m_qr->setText(scannable ? url : QString());
    m_qr->setVisible(scannable);
    m_url->setToolTip(online && !scannable
                              ? tr("No QR code: this address opens on this computer only.")
                              : QString());

    QString detail;
    if (state == TunnelClient::State::Reconnecting && client) {
        const qint64 seconds = qMax<qint64>(
                0, (QDateTime::currentDateTime().msecsTo(client->nextRetry()) + 999) / 1000);
        detail = tr("%1. Retrying in %n s.", nullptr, int(seconds)).arg(client->lastError());
        if (!m_countdown.isActive())
            m_countdown.start();
    } else {
        m_countdown.stop();
        if (state == TunnelClient::State::Failed && client)
            detail = client->lastError();
        else if (state == TunnelClient::State::Stopped)
            detail = tr("Start the tunnel to get a public URL for %1.")
                             .arg(m_controller->options().local.toString());
        else if (state == TunnelClient::State::Connecting)
            detail = tr("Connecting to rok-server at %1…")
                             .arg(m_controller->options().server.toString());
        else if (online && client && !client->note().isEmpty())
            detail = client->note(); // HTTPS on its way: the server says when it is ready
        else if (online)
            detail = whoReaches(m_controller->options());
    }
    if (!detail.isEmpty() && !detail.endsWith(u'.') && !detail.endsWith(u'…'))
        detail += u'.';
    m_detail->setText(detail.isEmpty() ? detail : detail.left(1).toUpper() + detail.mid(1));
}

void TunnelView::setCapturePaused(bool paused)
{
    m_controller->log()->setCapturePaused(paused);
    m_pauseCapture->setText(paused ? tr("Re&sume Capture") : tr("Pau&se Capture"));
    m_pauseCapture->setToolTip(paused ? tr("Record requests in the log again")
                                      : tr("Stop recording requests in the log; the tunnel "
                                           "and its figures go on"));
    updateCaptureState();
}

void TunnelView::updateCaptureState()
{
    const RequestLog *log = m_controller->log();
    m_captureState->setVisible(log->isCapturePaused());
    m_captureState->setText(
            tr("Capture paused: %n request(s) not recorded", nullptr, log->missedWhilePaused()));
}

void TunnelView::updateStats()
{
    const RequestStats::Summary summary =
            m_controller->stats().summary(QDateTime::currentDateTime());
    m_percentiles->setText(
            tr("App: p50 %1 · p95 %2 · p99 %3 · Tunnel: p95 %4")
                    .arg(ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.tunnelP95)));
    m_rate->setText(tr("%n request(s) in the last minute", nullptr, summary.perMinute));
    m_errors->setText(tr("%n error(s)", nullptr, summary.errors));
    m_chart->setDurations(m_controller->stats().recentDurations(120));
}

const RequestRecord *TunnelView::selectedRecord() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return &m_model->record(m_proxy->mapToSource(current).row());
}

void TunnelView::showDetails()
{
    const RequestRecord *record = selectedRecord();
    const bool request = record && !record->requestHead.method.isEmpty();
    m_replay->setEnabled(request);
    m_editReplay->setEnabled(request);
    m_copyCurl->setEnabled(request);
    m_replayResult->clear();
    if (!record) {
        m_request->clear();
        m_response->clear();
        searchBody();
        return;
    }
    QStringList notes; // above the response: what went wrong, and where the time went
    if (!record->error.isEmpty())
        notes.append(record->error);
    if (record->heldMs > 0)
        notes.append(tr("Held for %1 while the local service was down.")
                             .arg(Units::duration(record->heldMs)));
    if (record->status != 0)
        notes.append(record->tunnelMs < 0 ? tr("App: %1.").arg(Units::duration(record->durationMs))
                                          : tr("App: %1. Tunnel: %2.")
                                                    .arg(Units::duration(record->durationMs),
                                                         Units::duration(record->tunnelMs)));
    QStringList dropped;
    if (record->previewsDropped)
        dropped.append(tr("The bodies of older requests are no longer kept, so the log stays "
                          "within %1.")
                               .arg(Units::bytes(RequestLog::PreviewBudget)));
    m_request->showMessage(record->requestHead, record->requestBody, record->requestBodyTruncated,
                           dropped);
    m_response->showMessage(record->responseHead, record->responseBody,
                            record->responseBodyTruncated, notes + dropped);
    searchBody();
}

void TunnelView::replaySelected()
{
    if (const RequestRecord *record = selectedRecord())
        replay(*record);
}

void TunnelView::editAndReplaySelected()
{
    const RequestRecord *record = selectedRecord();
    if (!record)
        return;
    auto *editor = new ReplayEditor(*record, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        if (const std::optional<RequestRecord> request = editor->request())
            replay(*request);
    });
    editor->open();
}

void TunnelView::copySelectedAsCurl()
{
    const RequestRecord *record = selectedRecord();
    if (!record)
        return;
    // Through the tunnel when it is up, as a visitor would send it; else to the service.
    const LocalTarget local = m_controller->options().local;
    const QString url = !m_controller->url().isEmpty() ? m_controller->url()
            : local.tls ? QStringLiteral("https://") + local.authority()
                        : QStringLiteral("http://") + local.authority();
    QGuiApplication::clipboard()->setText(RequestEditing::curlCommand(*record, url));
    Q_EMIT message(
            tr("Copied a curl command for %1 %2")
                    .arg(QString::fromLatin1(record->method), QString::fromLatin1(record->path)),
            3000);
}

void TunnelView::replay(const RequestRecord &request)
{
    const RequestRecord *record = &request;
    if (!m_replayer) {
        m_replayer = new Replayer(m_controller->options().local, this);
        connect(m_replayer, &Replayer::finished, this, &TunnelView::onReplayed);
    }
    const TunnelOptions options = m_controller->options(); // Settings may have changed it since
    m_replayer->setLocal(options.local, options.localInsecure);

    m_replayResult->setText(
            tr("Replaying %1 %2…")
                    .arg(QString::fromLatin1(record->method), QString::fromLatin1(record->path)));
    m_replayer->replay(*record);
}

void TunnelView::onReplayed(const RequestRecord &result)
{
    m_controller->log()->add(result); // a row of its own, marked as a replay
    if (result.status == 0) {
        m_replayResult->setText(tr("Replay failed: %1").arg(result.error));
        return;
    }
    m_replayResult->setText(
            tr("Replayed: %1 %2 in %3")
                    .arg(result.status)
                    .arg(QString::fromLatin1(result.responseHead.reason), ms(result.durationMs)));
    m_response->showMessage(result.responseHead, result.responseBody, result.responseBodyTruncated,
                            {tr("Replayed response:")});
    m_detailsTabs->setCurrentWidget(m_response);
}

void TunnelView::chooseHarFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export requests as HAR"),
                                                      folder + QStringLiteral("/rok.har"),
                                                      tr("HTTP Archive (*.har)"));
    if (!path.isEmpty())
        exportHar(path);
}

bool TunnelView::exportHar(const QString &path)
{
    // What the table shows, the filter applied, oldest first as a HAR log runs
    QList<RequestRecord> shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_model->record(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    std::sort(shown.begin(), shown.end(),
              [](const RequestRecord &a, const RequestRecord &b) { return a.id < b.id; });
    QString error;
    if (!HarExport::writeFile(path, shown, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return false;
    }
    Q_EMIT message(tr("Saved %n request(s) to %1", nullptr, int(shown.size())).arg(path), 5000);
    return true;
}
