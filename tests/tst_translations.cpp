// The German and French translations are embedded, load for their locale, and translate the
// window's and the tray menu's strings.

#include "appsettings.h"
#include "trayapp.h"

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loads_data();
    void loads();
    void windowFollowsLocale_data();
    void windowFollowsLocale();

private:
    QTemporaryDir m_config;
};

void tst_Translations::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
}

void tst_Translations::loads_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::France);
    QTest::newRow("Swiss German falls back to German")
            << QLocale(QLocale::German, QLocale::Switzerland);
}

void tst_Translations::loads()
{
    QFETCH(QLocale, locale);
    QTranslator translator;
    QVERIFY(translator.load(locale, QStringLiteral("rok"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(!translator.isEmpty());
    const QString stopped = translator.translate("StateLook", "Stopped");
    QVERIFY(!stopped.isEmpty());
    QVERIFY(stopped != QStringLiteral("Stopped"));
}

void tst_Translations::windowFollowsLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::France);
}

void tst_Translations::windowFollowsLocale()
{
    QFETCH(QLocale, locale);
    QLocale::setDefault(locale); // as the system locale would be
    QTranslator translator;
    QVERIFY(translator.load(QLocale(), QStringLiteral("rok"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);

    AppSettings settings;
    settings.setKeychainEnabled(false);
    TrayApp app(&settings);
    MainWindow &window = *app.window();
    TrayIcon &tray = *app.tray();
    auto *copy = window.findChild<QPushButton *>(QStringLiteral("copyUrl"));
    QVERIFY(copy);
    QVERIFY2(copy->text() != QStringLiteral("&Copy URL"), qPrintable(copy->text()));
    const QList<QAction *> actions = tray.menu()->actions();
    QVERIFY(!actions.isEmpty());
    QVERIFY2(actions.constFirst()->text() != QStringLiteral("&Start tunnel"),
             qPrintable(actions.constFirst()->text()));
    QVERIFY(window.menuBar()->actions().constFirst()->text() != QStringLiteral("&File"));

    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
