// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// Widget tests of the tray app against a real rok-server core and a real local service, all in
// this process (QT_QPA_PLATFORM=offscreen).

#include "appsettings.h"
#include "controlmessages.h"
#include "httpvisit.h"
#include "mainwindow.h"
#include "qrcodewidget.h"
#include "replayeditor.h"
#include "requestlogmodel.h"
#include "scratchsettings.h"
#include "server.h"
#include "settingsdialog.h"
#include "statelook.h"
#include "testhttpservice.h"
#include "trayapp.h"
#include "tunnellist.h"
#include "tunnelset.h"
#include "tunnelview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

class tst_TrayApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void trayClickStartsTunnelAndShowsUrl();
    void copyPutsExactlyTheUrlOnTheClipboard();
    void requestsAppearAsRowsWithStatusAndDuration();
    void detailsShowTheDecodedBodyTheHeadersAndTheQuery();
    void headerSaysWhereTheTunnelIsAndCountsDownToTheRetry();
    void headerSaysWhichServerItIsConnectingTo();
    void pausedCaptureStopsTheLogButNotTheFigures();
    void statsUpdate();
    void ringBoundHolds();
    void replayReachesTheLocalService();
    void replayFollowsTheLocalServiceChosenInSettings();
    void harExportIsValidJson();
    void filterMatchesMethodPathAndStatusOnly();
    void headersSortAndExportFollowsTheFilter();
    void settingsPersistAcrossRestart();
    void protectionFromSettingsReachesTheEdge();
    void withoutTrayTheWindowStaysAWindow();
    void severalTunnelsEachStartAndStopAlone();
    void aTunnelRemovedInTheSettingsStopsAndLeaves();
    void qrCodeOnlyForAddressesAPhoneCanOpen();
    void trayTooltipSaysTheStateInTheUsersLanguage();
    void windowSizeAndSplitterAreRemembered();
    void clickOnARunningTunnelTogglesTheWindow();
    void firstStartAsksForTheServerInsteadOfFailing();
    void windowAndTrayShareOneSetOfActions();
    void requestsHeldForARestartingAppShowAsWaiting();
    void replaysAreRowsAndRequestsCanBeEditedOrCopiedAsCurl();

private:
    void startApp();
    void goOnline();
    // count visitors to path at once, each answered with status
    void visitMany(int count, const QByteArray &path = "/", int status = 200);
    // a local service and a server for `domain`, saved as the settings' target and server
    void startServiceAndServer(const QString &domain = QStringLiteral("localhost"));

    ScratchSettings m_scratch;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<TestHttpService> m_local;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TrayApp> m_app;
    TunnelController *m_controller = nullptr; // m_app's parts
    MainWindow *m_window = nullptr;
    TrayIcon *m_tray = nullptr;
};

void tst_TrayApp::initTestCase()
{
    QVERIFY(m_scratch.isValid());
}

void tst_TrayApp::init()
{
    ScratchSettings::clear();
    startServiceAndServer();
}

void tst_TrayApp::startServiceAndServer(const QString &domain)
{
    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, 0));
    ServerConfig config;
    config.bind = QHostAddress::LocalHost;
    config.httpPort = 0;
    config.controlPort = 0;
    config.domain = domain;
    m_server = std::make_unique<Server>(config);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));

    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    settings.setServer(QStringLiteral("127.0.0.1:%1").arg(m_server->controlPort()));
    settings.setLocal(QStringLiteral("127.0.0.1:%1").arg(m_local->serverPort()));
    settings.save();
}

void tst_TrayApp::cleanup()
{
    m_app.reset();
    m_settings.reset();
    m_server.reset();
    m_local.reset();
}

void tst_TrayApp::startApp()
{
    m_settings = std::make_unique<AppSettings>();
    m_settings->tokens()->setKeychainEnabled(false);
    m_app = std::make_unique<TrayApp>(m_settings.get());
    m_controller = m_app->controller();
    m_window = m_app->window();
    m_tray = m_app->tray();
    m_controller->log()->setBatchInterval(std::chrono::milliseconds(10));
}

void tst_TrayApp::goOnline()
{
    startApp();
    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger);
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
}

void tst_TrayApp::visitMany(int count, const QByteArray &path, int status)
{
    const QUrl url(m_controller->url());
    const QByteArray host = url.host().toLatin1() + ':' + QByteArray::number(url.port());
    std::vector<std::unique_ptr<HttpVisit>> visits;
    for (int i = 0; i < count; ++i) {
        visits.push_back(std::make_unique<HttpVisit>(m_server->httpPort(), host, "GET", path));
        visits.back()->start();
    }
    QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(visits.begin(), visits.end(), [](const auto &v) { return v->isDone(); }),
            30000);
    for (const auto &visit : visits)
        QCOMPARE(visit->status(), status);
}

void tst_TrayApp::protectionFromSettingsReachesTheEdge()
{
    {
        AppSettings settings;
        settings.tokens()->setKeychainEnabled(false);
        QList<AppSettings::Profile> profiles = settings.profiles();
        const Protocol::Credential login = Protocol::Credential::make("alice", "open sesame");
        profiles[0].visitorUser = u"alice"_s;
        profiles[0].visitorSalt = login.salt;
        profiles[0].visitorHash = login.hash;
        profiles[0].allowCidrs = {u"127.0.0.0/8"_s};
        profiles[0].hostHeader = u"rewrite"_s;
        settings.setProfiles(profiles);
        settings.save();
    }
    goOnline();
    auto *detail = m_window->findChild<QLabel *>(u"detail"_s);
    QVERIFY2(detail->text().startsWith(
                     u"Protected: visitors from allowed addresses who log in as alice"_s),
             qPrintable(detail->text()));

    const QUrl url(m_controller->url());
    const QByteArray host = url.host().toLatin1() + ':' + QByteArray::number(url.port());
    HttpVisit anonymous(m_server->httpPort(), host, "GET", "/headers");
    anonymous.start();
    QTRY_VERIFY(anonymous.isDone());
    QCOMPARE(anonymous.status(), 401);
    HttpVisit alice(m_server->httpPort(), host, "GET", "/headers");
    alice.setExtraHeaders("Authorization: Basic " + "alice:open sesame"_ba.toBase64() + "\r\n");
    alice.start();
    QTRY_VERIFY(alice.isDone());
    QCOMPARE(alice.status(), 200);
    // --host-header rewrite: the service sees its own address as Host.
    QVERIFY2(alice.body().contains(
                     "\r\nHost: 127.0.0.1:" + QByteArray::number(m_local->serverPort()) + "\r\n"),
             alice.body().constData());
}

void tst_TrayApp::trayClickStartsTunnelAndShowsUrl()
{
    startApp();
    QCOMPARE(m_controller->state(), TunnelClient::State::Stopped);
    QVERIFY(!m_window->isVisible());
    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger); // a left click
    QVERIFY(m_window->isVisible());
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
    auto *url = m_window->findChild<QLabel *>(QStringLiteral("url"));
    QVERIFY(url);
    QTRY_COMPARE(url->text(), m_controller->url());
    QVERIFY(url->text().startsWith(u"http://"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("state"))->text(),
             TunnelView::tr("Online"));
    QCOMPARE(m_tray->icon()->toolTip(), QStringLiteral("rok: %1").arg(m_controller->url()));
}

void tst_TrayApp::copyPutsExactlyTheUrlOnTheClipboard()
{
    goOnline();
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    auto *copy = m_window->findChild<QPushButton *>(QStringLiteral("copyUrl"));
    QVERIFY(copy && copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), m_controller->url());
}

void tst_TrayApp::requestsAppearAsRowsWithStatusAndDuration()
{
    goOnline();
    visitMany(3, "/delay/20");
    RequestLogModel *model = m_window->model();
    QTRY_COMPARE(model->rowCount(), 3);
    QTableView *table = m_window->table();
    QCOMPARE(table->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(model->index(row, RequestLogModel::Status).data().toString(),
                 QStringLiteral("200"));
        QCOMPARE(model->index(row, RequestLogModel::Path).data().toString(),
                 QStringLiteral("/delay/20"));
        const double ms = model->index(row, RequestLogModel::Duration)
                                  .data(RequestLogModel::SortRole)
                                  .toDouble();
        QVERIFY2(ms >= 20, qPrintable(QString::number(ms)));
        QVERIFY(model->index(row, RequestLogModel::Duration).data().toString().endsWith(u"ms"));
    }
}

// The header through a tunnel's life: stopped, online, and reconnecting once the server is gone,
// with a countdown to the next try that ticks each second.
void tst_TrayApp::headerSaysWhereTheTunnelIsAndCountsDownToTheRetry()
{
    startApp();
    const auto label = [this](const QString &name) {
        auto *widget = m_window->findChild<QLabel *>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    };
    const QString local = u"127.0.0.1:%1"_s.arg(m_local->serverPort());
    QCOMPARE(label(u"state"_s)->text(), StateLook::of(TunnelClient::State::Stopped).text);
    QCOMPARE(label(u"url"_s)->text(), TunnelView::tr("No tunnel yet"));
    QCOMPARE(label(u"local"_s)->text(), TunnelView::tr("→ %1").arg(local));
    QCOMPARE(label(u"detail"_s)->text(),
             TunnelView::tr("Start the tunnel to get a public URL for %1.").arg(local));

    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger);
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
    QCOMPARE(label(u"state"_s)->text(), StateLook::of(TunnelClient::State::Online).text);
    QCOMPARE(label(u"url"_s)->text(), m_controller->url());
    QCOMPARE(label(u"detail"_s)->text(),
             TunnelView::tr("Anyone with this URL reaches %1.").arg(local));

    const quint16 controlPort = m_server->controlPort();
    m_server.reset();
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Reconnecting);
    QCOMPARE(label(u"state"_s)->text(), StateLook::of(TunnelClient::State::Reconnecting).text);
    // "Cannot reach rok-server at 127.0.0.1:P: Connection refused. Retrying in N s.": N counts
    // down, a tick a second, between the tries (1 s, then 2 s, 4 s... apart, with jitter).
    const QRegularExpression retrying(u"^Cannot reach rok-server at 127\\.0\\.0\\.1:%1: .+\\. "
                                      "Retrying in (\\d+) s\\.$"_s.arg(controlPort));
    int last = -1;
    bool ticked = false;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QRegularExpressionMatch match = retrying.match(label(u"detail"_s)->text());
                if (!match.hasMatch())
                    return false;
                const int seconds = match.captured(1).toInt();
                ticked = ticked || seconds == last - 1;
                last = seconds;
                return ticked;
            }(),
            15000);
}

// Connecting to a server that has not answered yet says which server.
void tst_TrayApp::headerSaysWhichServerItIsConnectingTo()
{
    QTcpServer silent; // takes the connection and never says hello
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    {
        AppSettings settings;
        settings.tokens()->setKeychainEnabled(false);
        settings.setServer(u"127.0.0.1:%1"_s.arg(silent.serverPort()));
        settings.save();
    }
    startApp();
    m_controller->start();
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Connecting);
    QTRY_VERIFY(silent.hasPendingConnections());
    QCOMPARE(m_window->findChild<QLabel *>(u"detail"_s)->text(),
             TunnelView::tr("Connecting to rok-server at %1…")
                     .arg(u"127.0.0.1:%1"_s.arg(silent.serverPort())));
}

// Pause capture: the tunnel serves, the figures count, the log takes nothing in and says how
// much it missed; resume, and rows come again.
void tst_TrayApp::pausedCaptureStopsTheLogButNotTheFigures()
{
    goOnline();
    visitMany(1);
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    auto *pause = m_window->findChild<QPushButton *>(u"pauseCaptureButton"_s);
    auto *state = m_window->findChild<QLabel *>(u"captureState"_s);
    QVERIFY(state->isHidden());
    QCOMPARE(pause->text(), TunnelView::tr("Pau&se Capture"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(pause->text(), TunnelView::tr("Re&sume Capture"));
    QVERIFY(!state->isHidden());

    visitMany(2);
    QTRY_COMPARE(m_controller->stats().summary(QDateTime::currentDateTime()).total, 3);
    QTRY_COMPARE(state->text(),
                 TunnelView::tr("Capture paused: %n request(s) not recorded", nullptr, 2));
    QCOMPARE(m_window->model()->rowCount(), 1);

    auto *action = m_window->findChild<QAction *>(u"pauseCapture"_s);
    QVERIFY(m_window->menuBar()->actions().at(1)->menu()->actions().contains(action));
    action->trigger(); // from the Tunnel menu
    QVERIFY(state->isHidden());
    visitMany(1);
    QTRY_COMPARE(m_window->model()->rowCount(), 2);
}

// The details pane: the request's query and headers as tables, the response's gzip body
// decoded and indented under where its time went, and a search that counts its matches.
void tst_TrayApp::detailsShowTheDecodedBodyTheHeadersAndTheQuery()
{
    goOnline();
    visitMany(1, "/gzip-json?pet=otter");
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    m_window->table()->selectRow(0);
    const auto find = [this](const QString &name) {
        QWidget *widget = m_window->findChild<QWidget *>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    };
    auto *query = qobject_cast<QTableWidget *>(find(u"requestFields"_s));
    QCOMPARE(query->rowCount(), 1);
    QCOMPARE(query->item(0, 0)->text(), u"pet"_s);
    QCOMPARE(query->item(0, 1)->text(), u"otter"_s);
    auto *headers = qobject_cast<QTableWidget *>(find(u"requestHeaders"_s));
    QVERIFY(!headers->findItems(u"X-Forwarded-For"_s, Qt::MatchExactly).isEmpty());

    auto *tabs = qobject_cast<QTabWidget *>(find(u"requestAndResponse"_s));
    tabs->setCurrentWidget(find(u"responseDetails"_s));
    QCOMPARE(qobject_cast<QLabel *>(find(u"responseBodyNotes"_s))->text(), u"Decoded from gzip."_s);
    QCOMPARE(qobject_cast<QPlainTextEdit *>(find(u"responseBodyText"_s))->toPlainText(),
             u"{\n  \"name\": \"otter\",\n  \"legs\": 4\n}"_s);
    QTRY_VERIFY(qobject_cast<QLabel *>(find(u"responseNotes"_s))->text().startsWith(u"App: "_s));

    auto *search = qobject_cast<QLineEdit *>(find(u"bodySearch"_s));
    auto *matches = qobject_cast<QLabel *>(find(u"bodyMatches"_s));
    search->setText(u"otter"_s);
    QCOMPARE(matches->text(), TunnelView::tr("%n match(es)", nullptr, 1));
    search->setText(u"beaver"_s);
    QCOMPARE(matches->text(), u"No matches"_s);
    tabs->setCurrentWidget(find(u"requestDetails"_s)); // on its headers: no text to search
    QCOMPARE(matches->text(), QString());
    search->setText(u"pet=otter"_s); // typed: the raw request, which has it
    QCOMPARE(matches->text(), TunnelView::tr("%n match(es)", nullptr, 1));
}

void tst_TrayApp::statsUpdate()
{
    goOnline();
    auto *percentiles = m_window->findChild<QLabel *>(QStringLiteral("percentiles"));
    auto *rate = m_window->findChild<QLabel *>(QStringLiteral("rate"));
    const QString before = percentiles->text();
    visitMany(5, "/delay/10");
    QTRY_VERIFY(percentiles->text() != before);
    QVERIFY2(percentiles->text().contains(u"ms"), qPrintable(percentiles->text()));
    QTRY_VERIFY2(rate->text().startsWith(u"5 "), qPrintable(rate->text()));
    QCOMPARE(m_controller->stats().summary(QDateTime::currentDateTime()).total, 5);
}

void tst_TrayApp::ringBoundHolds()
{
    AppSettings settings;
    settings.setLogSize(100); // the smallest ring
    settings.save();
    goOnline();
    visitMany(130);
    QTRY_COMPARE(m_controller->log()->records().size(), 100);
    QTRY_COMPARE(m_window->model()->rowCount(), 100);
    // The newest request is on top, the oldest were dropped.
    QTRY_COMPARE(m_window->model()->record(0).id, m_controller->log()->records().constLast().id);
    QCOMPARE(m_window->model()->rowCount(), 100);
}

void tst_TrayApp::replayReachesTheLocalService()
{
    goOnline();
    visitMany(1, "/headers");
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    const int before = m_local->connectionsAccepted();
    m_window->table()->selectRow(0);
    auto *replay = m_window->findChild<QPushButton *>(QStringLiteral("replay"));
    QVERIFY(replay && replay->isEnabled());
    QTest::mouseClick(replay, Qt::LeftButton);
    QTRY_COMPARE(m_local->connectionsAccepted(), before + 1);
    auto *result = m_window->findChild<QLabel *>(QStringLiteral("replayResult"));
    QTRY_VERIFY2(result->text().contains(u"200"), qPrintable(result->text()));
}

// The local service changed in Settings after the window opened: a replay goes to the new one.
void tst_TrayApp::replayFollowsTheLocalServiceChosenInSettings()
{
    goOnline();
    visitMany(1, "/headers");
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    m_window->table()->selectRow(0);
    auto *replay = m_window->findChild<QPushButton *>(QStringLiteral("replay"));
    auto *result = m_window->findChild<QLabel *>(QStringLiteral("replayResult"));
    QVERIFY(replay && result);
    QTest::mouseClick(replay, Qt::LeftButton); // the first replay makes the Replayer
    QTRY_VERIFY2(result->text().contains(u"200"), qPrintable(result->text()));

    TestHttpService other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    m_settings->setLocal(QStringLiteral("127.0.0.1:%1").arg(other.serverPort()));
    const int before = m_local->connectionsAccepted();
    result->clear();
    QTest::mouseClick(replay, Qt::LeftButton);
    QTRY_COMPARE(other.connectionsAccepted(), 1);
    QTRY_VERIFY2(result->text().contains(u"200"), qPrintable(result->text()));
    QCOMPARE(m_local->connectionsAccepted(), before);
}

void tst_TrayApp::harExportIsValidJson()
{
    goOnline();
    visitMany(4, "/");
    QTRY_COMPARE(m_window->model()->rowCount(), 4); // what the table shows is what is exported
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rok.har"));
    QVERIFY(m_window->exportHar(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument har = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject log = har.object().value(QStringLiteral("log")).toObject();
    QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
    const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 4);
    for (const QJsonValue &entry : entries) {
        QCOMPARE(entry[QStringLiteral("response")][QStringLiteral("status")].toInt(), 200);
        QCOMPARE(entry[QStringLiteral("request")][QStringLiteral("method")].toString(),
                 QStringLiteral("GET"));
    }
}

// /bytes/338's answer is 404 bytes long: "404 B" under Received must not match a search for 404s.
void tst_TrayApp::filterMatchesMethodPathAndStatusOnly()
{
    goOnline();
    visitMany(1, "/");
    visitMany(1, "/bytes/338");
    visitMany(1, "/missing", 404);
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
    const auto visiblePaths = [this] {
        QStringList paths;
        const QAbstractItemModel *shown = m_window->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row)
            paths.append(shown->index(row, RequestLogModel::Path).data().toString());
        paths.sort();
        return paths;
    };
    QVERIFY2(visiblePaths().contains(u"/bytes/338"_s), qPrintable(visiblePaths().join(u' ')));
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, u"404"_s);
    QCOMPARE(visiblePaths(), QStringList{u"/missing"_s});
    filter->clear();
    QTest::keyClicks(filter, u"get /bytes"_s); // method and path, any case
    QCOMPARE(visiblePaths(), QStringList{u"/bytes/338"_s});
    filter->clear();
    QTest::keyClicks(filter, u"KiB"_s); // sizes and durations are not searched
    QCOMPARE(visiblePaths(), QStringList());
}

void tst_TrayApp::headersSortAndExportFollowsTheFilter()
{
    goOnline();
    visitMany(1, "/");
    visitMany(1, "/missing", 404);
    visitMany(1, "/headers");
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
    const QAbstractItemModel *shown = m_window->table()->model();
    // newest first to begin with
    QCOMPARE(shown->index(0, RequestLogModel::Path).data().toString(), u"/headers"_s);
    QCOMPARE(shown->index(2, RequestLogModel::Path).data().toString(), u"/"_s);
    // a click on Status sorts by it (the 404 last, ascending)
    QHeaderView *header = m_window->table()->horizontalHeader();
    const QPoint statusHeader(header->sectionViewportPosition(RequestLogModel::Status) + 5,
                              header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, statusHeader);
    const Qt::SortOrder order = header->sortIndicatorOrder();
    QCOMPARE(header->sortIndicatorSection(), int(RequestLogModel::Status));
    QCOMPARE(shown->index(order == Qt::AscendingOrder ? 2 : 0, RequestLogModel::Status)
                     .data()
                     .toString(),
             u"404"_s);

    // Export HAR takes what the filter shows
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filter"));
    QTest::keyClicks(filter, u"missing"_s);
    QCOMPARE(shown->rowCount(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("filtered.har"));
    QVERIFY(m_window->exportHar(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll())
                                       .object()
                                       .value(u"log"_s)
                                       .toObject()
                                       .value(u"entries"_s)
                                       .toArray();
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.at(0)
                    .toObject()
                    .value(u"request"_s)
                    .toObject()
                    .value(u"url"_s)
                    .toString()
                    .endsWith(u"/missing"_s));
}

void tst_TrayApp::settingsPersistAcrossRestart()
{
    {
        AppSettings settings;
        settings.tokens()->setKeychainEnabled(false);
        settings.setSubdomain(QStringLiteral("persisted-name"));
        settings.setLogSize(2500);
        settings.setStartTunnelAtLaunch(true);
        settings.save();
    }
    startApp(); // a new app instance reads them back
    QCOMPARE(m_settings->subdomain(), QStringLiteral("persisted-name"));
    QCOMPARE(m_settings->logSize(), 2500);
    QVERIFY(m_settings->startTunnelAtLaunch());
    m_controller->start();
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
    QCOMPARE(m_controller->url(), m_server->publicUrl(QStringLiteral("persisted-name")));
    QCOMPARE(m_controller->log()->capacity(), 2500);
}

void tst_TrayApp::withoutTrayTheWindowStaysAWindow()
{
    startApp();
    // The offscreen platform has no system tray, like some desktops.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    QVERIFY(!m_tray->isVisible());
    QVERIFY(QApplication::quitOnLastWindowClosed()); // closing the window quits, it never hides
}

// Several saved tunnels, HTTP and TCP: the window lists them, each one's check box starts or
// stops it alone while the others run on, the one selected is the one shown (and the one the
// commands act on), and the tray menu has a check box for each.
void tst_TrayApp::severalTunnelsEachStartAndStopAlone()
{
    TestHttpService other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    {
        AppSettings settings;
        settings.tokens()->setKeychainEnabled(false);
        AppSettings::Profile second = settings.profile();
        second.name = u"second"_s;
        second.local = u"127.0.0.1:%1"_s.arg(other.serverPort());
        second.subdomain = u"second-site"_s;
        AppSettings::Profile ssh = settings.profile();
        ssh.name = u"ssh"_s;
        ssh.protocol = u"tcp"_s;
        settings.setProfiles({settings.profile(), second, ssh});
        settings.save();
    }
    startApp();
    TunnelSet *tunnels = m_app->tunnels();
    TunnelController *first = tunnels->find(u"Default"_s);
    TunnelController *second = tunnels->find(u"second"_s);
    TunnelController *ssh = tunnels->find(u"ssh"_s);
    QVERIFY(first && second && ssh);
    auto *list = m_window->findChild<TunnelList *>(u"tunnels"_s);
    QVERIFY(list && !list->isHidden());
    QCOMPARE(list->topLevelItemCount(), 3);
    const auto check = [list](TunnelController *tunnel, bool on) {
        list->itemOf(tunnel)->setCheckState(TunnelList::Name, on ? Qt::Checked : Qt::Unchecked);
    };

    check(second, true);
    QTRY_COMPARE(second->state(), TunnelClient::State::Online);
    QCOMPARE(second->url(), m_server->publicUrl(u"second-site"_s));
    QVERIFY(!first->isRunning());
    check(first, true);
    check(ssh, true);
    QTRY_COMPARE(first->state(), TunnelClient::State::Online);
    QTRY_COMPARE(ssh->state(), TunnelClient::State::Online);
    QCOMPARE(second->state(), TunnelClient::State::Online);
    QVERIFY2(ssh->url().startsWith(u"tcp://"_s), qPrintable(ssh->url()));
    QCOMPARE(list->itemOf(second)->text(TunnelList::Address), second->url());
    QCOMPARE(list->itemOf(ssh)->text(TunnelList::State),
             StateLook::of(TunnelClient::State::Online).text);

    // Selecting one shows it, its requests only, and makes it the current one.
    list->setCurrentItem(list->itemOf(second));
    QCOMPARE(tunnels->current(), second);
    QCOMPARE(AppSettings().currentProfile(), u"second"_s);
    TunnelView *view = m_window->currentView();
    QCOMPARE(view->controller(), second);
    QCOMPARE(view->findChild<QLabel *>(u"url"_s)->text(), second->url());
    const QUrl url(second->url());
    HttpVisit visit(m_server->httpPort(),
                    url.host().toLatin1() + ':' + QByteArray::number(url.port()), "GET", "/");
    visit.start();
    QTRY_VERIFY(visit.isDone());
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(first->log()->records().size(), 0);
    QCOMPARE(other.connectionsAccepted(), 1);

    // The tray menu: a check box each; one stops alone.
    Q_EMIT m_tray->menu()->aboutToShow();
    QAction *secondInMenu = nullptr;
    int checked = 0;
    for (QAction *action : m_tray->menu()->actions()) {
        if (action->text() == u"second (http, 127.0.0.1:%1)"_s.arg(other.serverPort()))
            secondInMenu = action;
        checked += action->isCheckable() && action->isChecked();
    }
    QVERIFY(secondInMenu);
    QCOMPARE(checked, 3);
    secondInMenu->trigger();
    QTRY_COMPARE(second->state(), TunnelClient::State::Stopped);
    QCOMPARE(first->state(), TunnelClient::State::Online);
    QCOMPARE(ssh->state(), TunnelClient::State::Online);
    check(first, false);
    QTRY_COMPARE(first->state(), TunnelClient::State::Stopped);
    QCOMPARE(ssh->state(), TunnelClient::State::Online);

    // A TCP tunnel has no request log, and says so.
    list->setCurrentItem(list->itemOf(ssh));
    QCOMPARE(m_window->currentView()->controller(), ssh);
    QVERIFY(!m_window->currentView()->findChild<QLabel *>(u"tcpNote"_s)->isHidden());
}

// Removed in the settings: its tunnel stops and leaves the list; with one left, the list goes.
void tst_TrayApp::aTunnelRemovedInTheSettingsStopsAndLeaves()
{
    {
        AppSettings settings;
        settings.tokens()->setKeychainEnabled(false);
        AppSettings::Profile second = settings.profile();
        second.name = u"second"_s;
        second.subdomain = u"second-site"_s;
        settings.setProfiles({settings.profile(), second});
        settings.save();
    }
    startApp();
    TunnelSet *tunnels = m_app->tunnels();
    TunnelController *second = tunnels->find(u"second"_s);
    second->start();
    QTRY_COMPARE(second->state(), TunnelClient::State::Online);
    QSignalSpy changed(tunnels, &TunnelSet::tunnelsChanged);
    m_settings->setProfiles({m_settings->profiles().constFirst()});
    m_settings->save();
    tunnels->applySettings();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(tunnels->tunnels().size(), 1);
    QVERIFY(!tunnels->find(u"second"_s));
    QVERIFY(m_window->findChild<TunnelList *>(u"tunnels"_s)->isHidden());
    QVERIFY(m_window->currentView());
    QTRY_COMPARE(m_server->sessionCount(), 0); // its connection closed: it stopped
}

// A *.localhost URL opens on this computer only: no QR code, and the URL's tooltip says why.
// A server with a real domain: the code shows.
void tst_TrayApp::qrCodeOnlyForAddressesAPhoneCanOpen()
{
    goOnline();
    auto *qr = m_window->findChild<QrCodeWidget *>();
    QVERIFY(qr);
    QVERIFY(m_controller->url().contains(u".localhost:"_s));
    QVERIFY(qr->isHidden());
    auto *url = m_window->findChild<QLabel *>(QStringLiteral("url"));
    QVERIFY(url);
    QVERIFY(url->toolTip().contains(u"QR"_s));
    cleanup();

    startServiceAndServer(QStringLiteral("tunnels.example"));
    goOnline();
    QVERIFY2(m_controller->url().contains(u".tunnels.example:"_s), qPrintable(m_controller->url()));
    qr = m_window->findChild<QrCodeWidget *>();
    QVERIFY(!qr->isHidden());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("url"))->toolTip().isEmpty());
}

// The tooltip of a tunnel that is not online names its state as the window does, translated,
// not as the --json events spell it ("stopped").
void tst_TrayApp::trayTooltipSaysTheStateInTheUsersLanguage()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral("rok_de"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    startApp();
    const QString tooltip = m_tray->icon()->toolTip();
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(tooltip, u"rok: Gestoppt"_s);
    QCOMPARE(StateLook::of(TunnelClient::State::Reconnecting).text, u"Reconnecting…"_s);
}

// Closed to the tray, or quit: the next start opens the window as the user left it.
void tst_TrayApp::windowSizeAndSplitterAreRemembered()
{
    startApp();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->resize(720, 530);
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("logAndDetails"));
    QVERIFY(splitter);
    splitter->setSizes({150, 250});
    const QList<int> sizes = splitter->sizes();
    m_window->close(); // hidden (to the tray, or for good): the layout is saved
    QVERIFY(m_window->isHidden());
    cleanup();
    startServiceAndServer(); // the settings stay, as after a quit

    startApp();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->size(), QSize(720, 530));
    QCOMPARE(m_window->findChild<QSplitter *>(QStringLiteral("logAndDetails"))->sizes(), sizes);
}

// The first click starts the tunnel and shows the window; later ones put it away and back.
void tst_TrayApp::clickOnARunningTunnelTogglesTheWindow()
{
    goOnline();
    QVERIFY(m_window->isVisible());
    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger);
    QVERIFY(m_window->isHidden());
    QCOMPARE(m_controller->state(), TunnelClient::State::Online); // the tunnel stays
    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger);
    QVERIFY(m_window->isVisible());
    // and the error count says what it counts
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("errors"))->toolTip().contains(u"500"_s));
}

// Nothing set up yet: a click does not try localhost:7835 and fail, it opens the settings
// saying what they need, and OK starts the tunnel with them.
void tst_TrayApp::firstStartAsksForTheServerInsteadOfFailing()
{
    const QString server = u"127.0.0.1:%1"_s.arg(m_server->controlPort());
    const QString local = u"127.0.0.1:%1"_s.arg(m_local->serverPort());
    ScratchSettings::clear(); // a first start
    startApp();
    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger);
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog *>()) && dialog->isVisible());
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_controller->state(), TunnelClient::State::Stopped); // nothing was tried
    auto *prompt = dialog->findChild<QLabel *>(u"prompt"_s);
    QVERIFY(prompt && prompt->isVisible());
    QVERIFY2(prompt->text().contains(u"rok-server"_s), qPrintable(prompt->text()));

    dialog->findChild<QLineEdit *>(u"server"_s)->setText(server);
    dialog->findChild<QLineEdit *>(u"local"_s)->setText(local);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
    QCOMPARE(m_controller->options().server.toString(), server);
    QVERIFY(m_settings->isSaved());

    // Set up now: the next start goes straight to the tunnel.
    cleanup();
    startServiceAndServer();
    startApp();
    Q_EMIT m_tray->icon()->activated(QSystemTrayIcon::Trigger);
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
    QVERIFY(!m_window->findChild<SettingsDialog *>());
}

// One QAction per command, in the window's menu, its buttons and the tray menu alike: the
// menu says what a click does ("Stop tunnel", not "Start or stop"), and no shortcut takes
// Ctrl+R (reload) or Ctrl+O (open a file).
void tst_TrayApp::windowAndTrayShareOneSetOfActions()
{
    startApp();
    QMenu *tunnelMenu = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->text() == MainWindow::tr("&Tunnel"))
            tunnelMenu = action->menu();
    }
    QVERIFY(tunnelMenu);
    const QList<QAction *> trayActions = m_tray->menu()->actions();
    QAction *startStop = m_app->actions()->startStop();
    QCOMPARE(tunnelMenu->actions().constFirst(), startStop);
    QCOMPARE(trayActions.constFirst(), startStop);
    QVERIFY(trayActions.contains(m_app->actions()->copyUrl()));
    QVERIFY(tunnelMenu->actions().contains(m_app->actions()->copyUrl()));
    auto *button = m_window->findChild<QPushButton *>(u"startStop"_s);
    QCOMPARE(startStop->text(), TunnelActions::tr("&Start tunnel"));
    QCOMPARE(button->text(), startStop->text());
    QVERIFY(!m_app->actions()->copyUrl()->isEnabled());

    startStop->trigger(); // from either menu
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Online);
    QCOMPARE(startStop->text(), TunnelActions::tr("&Stop tunnel"));
    QCOMPARE(button->text(), startStop->text());
    QVERIFY(m_window->findChild<QPushButton *>(u"copyUrl"_s)->isEnabled());

    for (const QAction *action :
         m_window->findChildren<QAction *>() + m_app->actions()->findChildren<QAction *>()) {
        QVERIFY2(action->shortcut() != QKeySequence(Qt::CTRL | Qt::Key_R),
                 qPrintable(action->text()));
        QVERIFY2(action->shortcut() != QKeySequence(Qt::CTRL | Qt::Key_O),
                 qPrintable(action->text()));
    }
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(m_controller->state(), TunnelClient::State::Stopped);
}

// The local app restarts: the window says how many requests wait for it, and the details of
// each say how long it was held.
void tst_TrayApp::requestsHeldForARestartingAppShowAsWaiting()
{
    const quint16 port = m_local->serverPort();
    m_local.reset(); // the app is down
    goOnline();
    auto *waiting = m_window->findChild<QLabel *>(u"waiting"_s);
    QVERIFY(waiting && waiting->isHidden());
    const QUrl url(m_controller->url());
    HttpVisit visit(m_server->httpPort(),
                    url.host().toLatin1() + ':' + QByteArray::number(url.port()), "GET", "/");
    visit.start();
    QTRY_VERIFY(!waiting->isHidden());
    QCOMPARE(waiting->text(),
             TunnelView::tr("%n request(s) waiting for %1 to come back", nullptr, 1)
                     .arg(u"127.0.0.1:%1"_s.arg(port)));

    m_local = std::make_unique<TestHttpService>();
    QVERIFY(m_local->listen(QHostAddress::LocalHost, port)); // back
    QTRY_VERIFY(visit.isDone());
    QCOMPARE(visit.status(), 200);
    QTRY_VERIFY(waiting->isHidden());
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    m_window->table()->selectRow(0);
    const QString notes = m_window->findChild<QLabel *>(u"responseNotes"_s)->text();
    QVERIFY2(notes.startsWith(u"Held for "_s), qPrintable(notes));
}

// A replay becomes a row of its own, marked as one and left out of the figures; Edit and replay
// sends a changed request (and will not send one the tunnel would refuse); Copy as curl puts a
// command for the public URL on the clipboard.
void tst_TrayApp::replaysAreRowsAndRequestsCanBeEditedOrCopiedAsCurl()
{
    goOnline();
    visitMany(1, "/headers");
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    const quint64 originalId = m_window->model()->record(0).id;
    m_window->table()->selectRow(0);
    QTest::mouseClick(m_window->findChild<QPushButton *>(u"replay"_s), Qt::LeftButton);
    QTRY_COMPARE(m_window->model()->rowCount(), 2);
    QCOMPARE(m_controller->stats().summary(QDateTime::currentDateTime()).total, 1);
    const auto rowOf = [this](auto matches) {
        for (int row = 0; row < m_window->model()->rowCount(); ++row) {
            if (matches(m_window->model()->record(row)))
                return row;
        }
        return -1;
    };
    const int replayed = rowOf([](const RequestRecord &r) { return r.replayOf != 0; });
    QVERIFY(replayed >= 0);
    QCOMPARE(m_window->model()->record(replayed).replayOf, originalId);
    QCOMPARE(m_window->model()->record(replayed).status, 200);
    QVERIFY(m_window->model()
                    ->index(replayed, RequestLogModel::Method)
                    .data()
                    .toString()
                    .startsWith(QChar(0x21bb))); // ↻

    // Edit and replay the original: another path, and a path the tunnel would refuse
    const auto selectOriginal = [&] { // the table shows the model through a sorting proxy
        QAbstractItemModel *shown = m_window->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(Qt::UserRole).toULongLong() == originalId)
                m_window->table()->setCurrentIndex(shown->index(row, 0));
        }
    };
    selectOriginal();
    QTest::mouseClick(m_window->findChild<QPushButton *>(u"editReplay"_s), Qt::LeftButton);
    ReplayEditor *editor = nullptr;
    QTRY_VERIFY((editor = m_window->findChild<ReplayEditor *>()) && editor->isVisible());
    auto *path = editor->findChild<QLineEdit *>(u"path"_s);
    QCOMPARE(path->text(), u"/headers"_s);
    auto *send = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    path->setText(u"no-slash"_s);
    QVERIFY(!send->isEnabled());
    QVERIFY(!editor->findChild<QLabel *>(u"error"_s)->text().isEmpty());
    path->setText(u"/"_s);
    QVERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
    const int edited =
            rowOf([](const RequestRecord &r) { return r.replayOf != 0 && r.path == "/"; });
    QVERIFY(edited >= 0);
    QCOMPARE(m_window->model()->record(edited).status, 200);
    QCOMPARE(m_window->model()->record(edited).responseBody, QByteArray(TestHttpService::Page));

    selectOriginal();
    QTest::mouseClick(m_window->findChild<QPushButton *>(u"copyCurl"_s), Qt::LeftButton);
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(u"curl '"_s + m_controller->url() + u"/headers'"_s), qPrintable(curl));
}

QTEST_MAIN(tst_TrayApp)
#include "tst_trayapp.moc"
