#pragma once

#include "tunnelclient.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class AppSettings;
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

// The tray app's window: the public URL with Copy and Open, the tunnel's state, response-time
// figures, and the live request log with a details pane.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(TunnelController *controller, TunnelActions *actions, AppSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void setHideOnClose(bool hide) { m_hideOnClose = hide; } // when a tray icon can bring it back
    bool exportHar(const QString &path); // false (and a message box) on failure
    void showSettings();
    // The first start, with nothing set up: the settings, saying why, and the tunnel starts
    // once they are accepted.
    void showFirstStartSettings();

    RequestLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override; // saves the layout

private:
    void saveLayout(); // size, place and splitter, for the next start
    void openSettings(const QString &prompt, bool startWhenAccepted);
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
    void createMenus();

    void updateState();
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
    void chooseHarFile();
    void showAbout();
    const RequestRecord *selectedRecord() const;

    TunnelController *m_controller;
    TunnelActions *m_actions;
    AppSettings *m_settings;
    bool m_hideOnClose = false;

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
    QSplitter *m_splitter = nullptr; // the request log above the details
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
