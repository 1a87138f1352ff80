// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

// The German and French translations are embedded, load for their locale, and translate the
// window's and the tray menu's strings.

#include "appsettings.h"
#include "translations.h"
#include "trayapp.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loads_data();
    void loads();
    void windowFollowsLocale_data();
    void windowFollowsLocale();
    void everyTextIsTranslated_data();
    void everyTextIsTranslated();
    void errorsFromTheProtocolAreTranslated();
    void qtsOwnTextsFollowTheLocale();

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
    settings.tokens()->setKeychainEnabled(false);
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

void tst_Translations::everyTextIsTranslated_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("atLeast"); // messages: a file lupdate did not fill is caught too
    QTest::newRow("German") << QStringLiteral(ROK_SOURCE_DIR "/translations/rok_de.ts") << 250;
    QTest::newRow("French") << QStringLiteral(ROK_SOURCE_DIR "/translations/rok_fr.ts") << 250;
    // English has only the plural forms ("1 request", "2 requests")
    QTest::newRow("English") << QStringLiteral(ROK_SOURCE_DIR "/translations/rok_en.ts") << 8;
}

// A new text without its German and French shows in English in a German window: lupdate marks
// it unfinished, and this fails until it is translated.
void tst_Translations::everyTextIsTranslated()
{
    QFETCH(QString, file);
    QFETCH(int, atLeast);
    QFile ts(file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    QStringList untranslated;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const auto type = xml.attributes().value(QStringLiteral("type"));
            if (type == u"unfinished" || type == u"vanished" || type == u"obsolete"
                || xml.readElementText(QXmlStreamReader::IncludeChildElements).isEmpty())
                untranslated.append(context + u": "_s + source.left(60));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages >= atLeast, qPrintable(QString::number(messages)));
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
}

// MuxSession's, ControlChannel's and HttpParser's errors reach the window: they are in the
// catalogue too.
void tst_Translations::errorsFromTheProtocolAreTranslated()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral("rok_de"), QStringLiteral(":/i18n")));
    for (const auto &[context, text] : {std::pair{"MuxSession", "connection lost"},
                                        std::pair{"ControlChannel", "malformed control message"},
                                        std::pair{"TcpConnection", "no address to connect to"}}) {
        const QString translated = german.translate(context, text);
        QVERIFY2(!translated.isEmpty() && translated != QLatin1StringView(text), text);
    }
}

// Qt's own buttons and dialogs in the user's language: Translations::install() loads qtbase's
// catalogue next to rok's.
void tst_Translations::qtsOwnTextsFollowTheLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Translations::install();
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    const QString cancel = buttons.button(QDialogButtonBox::Cancel)->text();
    QCOMPARE(QCoreApplication::translate("StateLook", "Stopped"), u"Gestoppt"_s);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(cancel, u"Abbrechen"_s);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
