// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include "tunnelclient.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class MessageView;
class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTabWidget;
class QrCodeWidget;
class Replayer;
class RequestLogModel;
class ResponseTimeChart;
class TunnelActions;
class TunnelController;
struct RequestRecord;

// One tunnel in the window: its state and public URL with Copy and Open (and a QR code), the
// response-time figures, and its live request log with a details pane (the request and the
// response made readable, Replay, Edit and replay, Copy as curl). The buttons are the shared
// TunnelActions, which act on the tunnel the window shows: this one, while it is shown.
class TunnelView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelView)

public:
    TunnelView(TunnelController *controller, TunnelActions *actions, QWidget *parent = nullptr);
    ~TunnelView() override;

    TunnelController *controller() const { return m_controller; }
    RequestLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSplitter *splitter() const { return m_splitter; } // the log above the details
    QAction *pauseCapture() const { return m_pauseCapture; }
    bool exportHar(const QString &path); // false (and a message box) on failure
    void chooseHarFile();
    void updateState();

Q_SIGNALS:
    void message(const QString &text, int timeoutMs); // for the window's status bar

private:
    QWidget *createHeader();
    QWidget *createStats();
    QWidget *createLog();
    QWidget *createDetails();
    QWidget *createBodySearch(QWidget *parent);
    MessageView *shownMessage() const; // the request or the response, as the tab shows
    // Marks the search's matches in the message shown; showText: as the user types, a table
    // gives way to the raw message.
    void searchBody(bool showText = false);
    void findInBody(bool backward);
    static QString whoReaches(const TunnelOptions &options);
    void updateStats();
    void setCapturePaused(bool paused);
    void updateCaptureState(); // "Capture paused: N requests not recorded"
    void showDetails();
    void replaySelected();
    void editAndReplaySelected();
    void replay(const RequestRecord &request);
    void onReplayed(const RequestRecord &result);
    void copySelectedAsCurl();
    const RequestRecord *selectedRecord() const;

    TunnelController *m_controller;
    TunnelActions *m_actions;

    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateText = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_local = nullptr;
    QLabel *m_detail = nullptr;
    QrCodeWidget *m_qr = nullptr;
    QLabel *m_percentiles = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_waiting = nullptr;
    ResponseTimeChart *m_chart = nullptr;
    QLineEdit *m_filter = nullptr;
    QAction *m_pauseCapture = nullptr;
    QLabel *m_captureState = nullptr;
    RequestLogModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_detailsTabs = nullptr;
    QSplitter *m_splitter = nullptr;
    MessageView *m_request = nullptr;
    MessageView *m_response = nullptr;
    QLineEdit *m_bodySearch = nullptr;
    QLabel *m_bodyMatches = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_editReplay = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QLabel *m_replayResult = nullptr;
    QPointer<Replayer> m_replayer;
    QTimer m_countdown; // "retrying in N s" ticks while reconnecting
};
