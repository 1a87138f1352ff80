// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "appsettings.h"
#include "autostart.h"
#include "controlmessages.h"
#include "settingsdialog.h"

using namespace Qt::StringLiterals;

// The settings dialog driven as a user would: typing, clicking, pressing OK. Settings live in a
// temporary directory, the keychain is off (tokens go to the settings file), and the autostart
// entry goes to a temporary $XDG_CONFIG_HOME.
class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void showsCurrentSettings();
    void everyInputHasAnAccessibleName();
    void labelsHaveBuddies();
    void fillAndAccept();
    void securityKeepsNoPassword();
    void invalidInputDisablesOk_data();
    void invalidInputDisablesOk();
    void subdomainIsLowercased();
    void cancelKeepsSettings();
    void unchangedTokenIsNotWritten();
    void addSwitchAndRemoveProfiles();
    void renameMovesToken();
    void startAtLoginOff();

private:
    template <typename T>
    static T *field(SettingsDialog &dialog, const char *name)
    {
        auto *widget = dialog.findChild<T *>(QLatin1StringView(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    static void type(QLineEdit *edit, const QString &text);
    static QPushButton *okButton(SettingsDialog &dialog);
    static QByteArray profileToken(AppSettings &settings, const QString &profile);
    static void writeToken(AppSettings &settings, const QString &profile, const QByteArray &token);

    QTemporaryDir m_dir;
};

void tst_SettingsDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QVERIFY(qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path())));
}

void tst_SettingsDialog::init()
{
    QSettings settings(QStringLiteral("rok"), QStringLiteral("rok"));
    settings.clear();
    settings.sync();
    QFile::remove(Autostart::desktopFilePath());
}

void tst_SettingsDialog::type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QPushButton *tst_SettingsDialog::okButton(SettingsDialog &dialog)
{
    return field<QDialogButtonBox>(dialog, "")->button(QDialogButtonBox::Ok);
}

QByteArray tst_SettingsDialog::profileToken(AppSettings &settings, const QString &profile)
{
    QSignalSpy read(settings.tokens(), &TokenStore::tokenRead);
    settings.tokens()->read(profile);
    if (!read.wait(5000))
        return "<no answer>";
    return read.at(0).at(1).toByteArray();
}

void tst_SettingsDialog::writeToken(AppSettings &settings, const QString &profile,
                                    const QByteArray &token)
{
    QSignalSpy written(settings.tokens(), &TokenStore::tokenWritten);
    settings.tokens()->write(profile, token);
    QVERIFY(written.wait(5000));
    QVERIFY(written.at(0).at(1).toBool());
}

void tst_SettingsDialog::showsCurrentSettings()
{
    {
        AppSettings settings;
        settings.tokens()->setKeychainEnabled(false);
        settings.setProfiles({{QStringLiteral("One"), QStringLiteral("one.example.org:7835"),
                               QStringLiteral("3001"), QStringLiteral("first")},
                              {QStringLiteral("Two"), QStringLiteral("two.example.org:7835"),
                               QStringLiteral("localhost:3002"), QStringLiteral("second")}});
        settings.setCurrentProfile(QStringLiteral("Two"));
        settings.setStartTunnelAtLaunch(true);
        settings.setLogSize(700);
        settings.save();
        writeToken(settings, QStringLiteral("Two"), "two-token");
    }
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    QCOMPARE(field<QComboBox>(dialog, "profile")->count(), 2);
    QCOMPARE(field<QComboBox>(dialog, "profile")->currentText(), QStringLiteral("Two"));
    QCOMPARE(field<QLineEdit>(dialog, "profileName")->text(), QStringLiteral("Two"));
    QCOMPARE(field<QLineEdit>(dialog, "server")->text(), QStringLiteral("two.example.org:7835"));
    QCOMPARE(field<QLineEdit>(dialog, "local")->text(), QStringLiteral("localhost:3002"));
    QCOMPARE(field<QLineEdit>(dialog, "subdomain")->text(), QStringLiteral("second"));
    QTRY_COMPARE(field<QLineEdit>(dialog, "token")->text(), QStringLiteral("two-token"));
    QCOMPARE(field<QLineEdit>(dialog, "token")->echoMode(), QLineEdit::Password);
    QCOMPARE(field<QCheckBox>(dialog, "startAtLaunch")->isChecked(), true);
    QCOMPARE(field<QCheckBox>(dialog, "startAtLogin")->isChecked(), false);
    QCOMPARE(field<QSpinBox>(dialog, "logSize")->value(), 700);
    QCOMPARE(field<QSpinBox>(dialog, "logSize")->minimum(), 100);
    QCOMPARE(field<QSpinBox>(dialog, "logSize")->maximum(), 100000);
    QVERIFY(okButton(dialog)->isEnabled());

    // No keyring: the dialog says where the token goes.
    auto *note = field<QLabel>(dialog, "tokenNote");
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(),
             QStringLiteral("No keyring found: the token is stored in rok's settings file."));
    QVERIFY(!field<QLabel>(dialog, "serverError")->isVisible());
}

void tst_SettingsDialog::everyInputHasAnAccessibleName()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    int inputs = 0;
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool input = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QAbstractButton *>(widget);
        if (!input || widget->objectName().startsWith(QStringLiteral("qt_"))
            || qobject_cast<QDialogButtonBox *>(widget->parentWidget()))
            continue; // Qt's own parts (the spin box's line edit), and OK/Cancel, named by their text
        ++inputs;
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
    }
    // profile, add, remove, name, server, token, local, subdomain; fingerprint, CA file, browse,
    // local insecure, host header, visitor login and password, allowed and blocked addresses;
    // 2 checks, log size
    QCOMPARE(inputs, 20);
}

void tst_SettingsDialog::labelsHaveBuddies()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int withMnemonic = 0;
    for (QLabel *label : labels) {
        if (!label->text().contains(u'&'))
            continue;
        ++withMnemonic;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
        QVERIFY2(!label->buddy()->accessibleName().isEmpty(), qPrintable(label->text()));
    }
    QCOMPARE(withMnemonic, 14);

    // The tab order goes down the form.
    const char *order[] = {"profile",     "addProfile",    "removeProfile",   "profileName",
                           "server",      "token",         "local",           "subdomain",
                           "fingerprint", "caFile",        "browseCa",        "localInsecure",
                           "hostHeader",  "visitorUser",   "visitorPassword", "allowCidrs",
                           "denyCidrs",   "startAtLaunch", "startAtLogin",    "logSize"};
    for (size_t i = 0; i + 1 < std::size(order); ++i) {
        QWidget *from = field<QWidget>(dialog, order[i]);
        QWidget *next = from->nextInFocusChain();
        while (next && !(next->focusPolicy() & Qt::TabFocus))
            next = next->nextInFocusChain();
        // A spin box's focus goes to its inner line edit.
        if (next && next->parentWidget() && next->objectName().startsWith(QStringLiteral("qt_")))
            next = next->parentWidget();
        QVERIFY2(next == field<QWidget>(dialog, order[i + 1]), order[i]);
    }
}

void tst_SettingsDialog::fillAndAccept()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    type(field<QLineEdit>(dialog, "server"), QStringLiteral("tunnel.example.org:9443"));
    type(field<QLineEdit>(dialog, "token"), QStringLiteral("s3cret"));
    type(field<QLineEdit>(dialog, "local"), QStringLiteral("8080"));
    type(field<QLineEdit>(dialog, "subdomain"), QStringLiteral("MyApp"));
    QTest::keyClick(field<QCheckBox>(dialog, "startAtLaunch"), Qt::Key_Space);
    QTest::keyClick(field<QCheckBox>(dialog, "startAtLogin"), Qt::Key_Space);
    auto *logSize = field<QSpinBox>(dialog, "logSize");
    logSize->setFocus();
    logSize->selectAll();
    QTest::keyClicks(logSize, QStringLiteral("2500"));
    QTest::keyClick(logSize, Qt::Key_Tab);
    QCOMPARE(logSize->value(), 2500);
    QCOMPARE(field<QLineEdit>(dialog, "subdomain")->text(), QStringLiteral("myapp"));
    QVERIFY(okButton(dialog)->isEnabled());

    QSignalSpy written(settings.tokens(), &TokenStore::tokenWritten);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(written.wait(5000));
    QCOMPARE(written.at(0).at(1).toBool(), true);

    // The same instance, and a new one reading the file: as after a restart of the app.
    for (AppSettings *check : {&settings, new AppSettings(this)}) {
        check->tokens()->setKeychainEnabled(false);
        QCOMPARE(check->server(), QStringLiteral("tunnel.example.org:9443"));
        QCOMPARE(check->local(), QStringLiteral("8080"));
        QCOMPARE(check->subdomain(), QStringLiteral("myapp"));
        QCOMPARE(check->startTunnelAtLaunch(), true);
        QCOMPARE(check->startAtLogin(), true);
        QCOMPARE(check->logSize(), 2500);
        QSignalSpy read(check->tokens(), &TokenStore::tokenRead);
        check->tokens()->read(check->currentProfile());
        QVERIFY(read.wait(5000));
        QCOMPARE(read.at(0).at(1).toByteArray(), "s3cret");
    }
    QVERIFY(Autostart::isEnabled());
}

void tst_SettingsDialog::securityKeepsNoPassword()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    type(field<QLineEdit>(dialog, "visitorUser"), QStringLiteral("alice"));
    QVERIFY(!okButton(dialog)->isEnabled()); // a login needs a password
    type(field<QLineEdit>(dialog, "visitorPassword"), QStringLiteral("open sesame"));
    type(field<QLineEdit>(dialog, "allowCidrs"), QStringLiteral("10.0.0.0/8, 192.0.2.7"));
    type(field<QLineEdit>(dialog, "hostHeader"), QStringLiteral("rewrite"));
    QTest::keyClick(field<QCheckBox>(dialog, "localInsecure"), Qt::Key_Space);
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const AppSettings::Profile profile = settings.profile(); // a copy: accept() replaces it
    QCOMPARE(profile.visitorUser, QStringLiteral("alice"));
    QCOMPARE(profile.visitorSalt.size(), Protocol::SaltSize);
    QCOMPARE(profile.visitorHash, Protocol::passwordHash(profile.visitorSalt, "open sesame"));
    QCOMPARE(profile.allowCidrs, (QStringList{u"10.0.0.0/8"_s, u"192.0.2.7"_s}));
    QCOMPARE(profile.hostHeader, QStringLiteral("rewrite"));
    QVERIFY(profile.localInsecure);
    QFile file(QSettings(u"rok"_s, u"rok"_s).fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("open sesame"));

    // Shown again: the password field is empty and says it is kept; OK needs no retyping.
    SettingsDialog again(&settings);
    QCOMPARE(field<QLineEdit>(again, "visitorPassword")->text(), QString());
    QCOMPARE(field<QLineEdit>(again, "visitorPassword")->placeholderText(), u"Unchanged"_s);
    QVERIFY(again.isInputValid());
    again.accept();
    QCOMPARE(settings.profile().visitorHash, profile.visitorHash);
}

void tst_SettingsDialog::invalidInputDisablesOk_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("server ok") << "server"_ba << QStringLiteral("tunnel.example.org:7835") << true;
    QTest::newRow("server port only") << "server"_ba << QStringLiteral("7835") << true;
    QTest::newRow("server v6") << "server"_ba << QStringLiteral("[::1]:7835") << true;
    QTest::newRow("server no port") << "server"_ba << QStringLiteral("tunnel.example.org") << false;
    QTest::newRow("server port 0") << "server"_ba << QStringLiteral("example.org:0") << false;
    QTest::newRow("server port too big")
            << "server"_ba << QStringLiteral("example.org:70000") << false;
    QTest::newRow("server empty") << "server"_ba << QString() << false;
    QTest::newRow("local ok") << "local"_ba << QStringLiteral("localhost:5173") << true;
    QTest::newRow("local port") << "local"_ba << QStringLiteral("5173") << true;
    QTest::newRow("local words") << "local"_ba << QStringLiteral("my laptop") << false;
    QTest::newRow("subdomain empty") << "subdomain"_ba << QString() << true;
    QTest::newRow("subdomain ok") << "subdomain"_ba << QStringLiteral("api-v2") << true;
    QTest::newRow("subdomain dash") << "subdomain"_ba << QStringLiteral("-api") << false;
    QTest::newRow("subdomain dot") << "subdomain"_ba << QStringLiteral("a.b") << false;
    QTest::newRow("subdomain long") << "subdomain"_ba << QString(64, u'a') << false;
    QTest::newRow("name empty") << "profileName"_ba << QString() << false;
    QTest::newRow("server tls://")
            << "server"_ba << QStringLiteral("tls://example.org:7835") << true;
    QTest::newRow("local https") << "local"_ba << QStringLiteral("https://localhost:8443") << true;
    QTest::newRow("local https path")
            << "local"_ba << QStringLiteral("https://localhost:8443/app") << false;
    QTest::newRow("fingerprint ok") << "fingerprint"_ba << u"sha256:"_s + QString(64, u'a') << true;
    QTest::newRow("fingerprint short")
            << "fingerprint"_ba << QStringLiteral("sha256:abcd") << false;
    QTest::newRow("CA file missing") << "caFile"_ba << QStringLiteral("/no/such/ca.pem") << false;
    QTest::newRow("host header rewrite") << "hostHeader"_ba << QStringLiteral("rewrite") << true;
    QTest::newRow("host header spaces") << "hostHeader"_ba << QStringLiteral("a b") << false;
    QTest::newRow("login without password") << "visitorUser"_ba << QStringLiteral("alice") << false;
    QTest::newRow("allowed ranges")
            << "allowCidrs"_ba << QStringLiteral("10.0.0.0/8, 2001:db8::/32") << true;
    QTest::newRow("allowed words") << "allowCidrs"_ba << QStringLiteral("office") << false;
    QTest::newRow("blocked range bad") << "denyCidrs"_ba << QStringLiteral("10.0.0.0/33") << false;
}

void tst_SettingsDialog::invalidInputDisablesOk()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = field<QLineEdit>(dialog, name.constData());
    type(edit, text);

    QCOMPARE(okButton(dialog)->isEnabled(), valid);
    QCOMPARE(dialog.isInputValid(), valid);
    // The tunnel's fields have an error line each; the security box one for all its fields.
    const QByteArray errorName = name + "Error";
    auto *error = dialog.findChild<QLabel *>(QString::fromLatin1(errorName))
            ?: field<QLabel>(dialog, "securityError");
    QCOMPARE(error->isVisible(), !valid);
    QCOMPARE(error->text().isEmpty(), valid);
    QCOMPARE(edit->accessibleDescription(), error->text()); // a screen reader hears why
    QCOMPARE(field<QComboBox>(dialog, "profile")->isEnabled(), valid);

    // Enter in the form, or accept() from code, does not get past invalid input.
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(dialog.isVisible(), !valid);
    if (!valid) {
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(AppSettings().server(), QStringLiteral("localhost:7835"));
    }
}

void tst_SettingsDialog::subdomainIsLowercased()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    auto *subdomain = field<QLineEdit>(dialog, "subdomain");
    type(subdomain, QStringLiteral("Brave"));
    QCOMPARE(subdomain->text(), QStringLiteral("brave"));
    QTest::keyClick(subdomain, Qt::Key_Home);
    QTest::keyClicks(subdomain, QStringLiteral("X"));
    QCOMPARE(subdomain->text(), QStringLiteral("xbrave"));
    QCOMPARE(subdomain->cursorPosition(), 1); // typing goes on where it was
}

void tst_SettingsDialog::cancelKeepsSettings()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    type(field<QLineEdit>(dialog, "server"), QStringLiteral("elsewhere:1"));
    type(field<QLineEdit>(dialog, "token"), QStringLiteral("never-stored"));
    QSignalSpy written(settings.tokens(), &TokenStore::tokenWritten);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(settings.server(), QStringLiteral("localhost:7835"));
    QCOMPARE(AppSettings().server(), QStringLiteral("localhost:7835"));
    QTest::qWait(100); // nothing is written, not even later
    QCOMPARE(written.size(), 0);
    QCOMPARE(profileToken(settings, settings.currentProfile()), QByteArray());
}

void tst_SettingsDialog::unchangedTokenIsNotWritten()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    writeToken(settings, settings.currentProfile(), "kept");
    SettingsDialog dialog(&settings);
    dialog.show();
    QTRY_COMPARE(field<QLineEdit>(dialog, "token")->text(), QStringLiteral("kept"));
    type(field<QLineEdit>(dialog, "local"), QStringLiteral("4000"));
    QSignalSpy written(settings.tokens(), &TokenStore::tokenWritten);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTest::qWait(100);
    QCOMPARE(written.size(), 0);
    QCOMPARE(AppSettings().local(), QStringLiteral("4000"));
    QCOMPARE(profileToken(settings, settings.currentProfile()), "kept");
}

void tst_SettingsDialog::addSwitchAndRemoveProfiles()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    writeToken(settings, QStringLiteral("Default"), "default-token");
    {
        SettingsDialog dialog(&settings);
        dialog.show();
        auto *profile = field<QComboBox>(dialog, "profile");
        auto *remove = field<QPushButton>(dialog, "removeProfile");
        QVERIFY(!remove->isEnabled()); // the last profile stays
        QTRY_COMPARE(field<QLineEdit>(dialog, "token")->text(), QStringLiteral("default-token"));

        QTest::mouseClick(field<QPushButton>(dialog, "addProfile"), Qt::LeftButton);
        QCOMPARE(profile->count(), 2);
        QCOMPARE(profile->currentIndex(), 1);
        QVERIFY(remove->isEnabled());
        auto *name = field<QLineEdit>(dialog, "profileName");
        QCOMPARE(name->text(), QStringLiteral("Tunnel 2"));
        QCOMPARE(field<QLineEdit>(dialog, "token")->text(), QStringLiteral("default-token"));
        type(name, QStringLiteral("Staging"));
        QCOMPARE(profile->itemText(1), QStringLiteral("Staging"));
        type(field<QLineEdit>(dialog, "server"), QStringLiteral("staging.example.org:7835"));
        type(field<QLineEdit>(dialog, "token"), QStringLiteral("staging-token"));
        type(field<QLineEdit>(dialog, "local"), QStringLiteral("9000"));

        // A duplicate name is an error.
        type(name, QStringLiteral("Default"));
        QVERIFY(!okButton(dialog)->isEnabled());
        type(name, QStringLiteral("Staging"));
        QVERIFY(okButton(dialog)->isEnabled());

        // Back to the first: its own values, and the second's edits are kept.
        profile->setCurrentIndex(0);
        QCOMPARE(field<QLineEdit>(dialog, "server")->text(), QStringLiteral("localhost:7835"));
        QCOMPARE(field<QLineEdit>(dialog, "token")->text(), QStringLiteral("default-token"));
        profile->setCurrentIndex(1);
        QCOMPARE(field<QLineEdit>(dialog, "server")->text(),
                 QStringLiteral("staging.example.org:7835"));
        QCOMPARE(field<QLineEdit>(dialog, "local")->text(), QStringLiteral("9000"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    AppSettings saved;
    saved.tokens()->setKeychainEnabled(false);
    QCOMPARE(saved.profiles().size(), 2);
    QCOMPARE(saved.profiles().at(1).name, QStringLiteral("Staging"));
    QCOMPARE(saved.currentProfile(), QStringLiteral("Staging")); // the one shown at OK
    QCOMPARE(saved.server(), QStringLiteral("staging.example.org:7835"));
    QCOMPARE(profileToken(saved, QStringLiteral("Staging")), "staging-token");
    QCOMPARE(profileToken(saved, QStringLiteral("Default")), "default-token");

    // Removing a profile removes its token too.
    {
        SettingsDialog dialog(&saved);
        dialog.show();
        QCOMPARE(field<QComboBox>(dialog, "profile")->currentText(), QStringLiteral("Staging"));
        QTest::mouseClick(field<QPushButton>(dialog, "removeProfile"), Qt::LeftButton);
        QCOMPARE(field<QComboBox>(dialog, "profile")->count(), 1);
        QCOMPARE(field<QLineEdit>(dialog, "profileName")->text(), QStringLiteral("Default"));
        QSignalSpy written(saved.tokens(), &TokenStore::tokenWritten);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE(written.size(), 1);
    }
    QCOMPARE(saved.profiles().size(), 1);
    QCOMPARE(saved.currentProfile(), QStringLiteral("Default"));
    QVERIFY(!QSettings(QStringLiteral("rok"), QStringLiteral("rok"))
                     .contains(QStringLiteral("token/Staging")));
    QCOMPARE(profileToken(saved, QStringLiteral("Default")), "default-token");
}

void tst_SettingsDialog::renameMovesToken()
{
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    writeToken(settings, QStringLiteral("Default"), "the-token");
    SettingsDialog dialog(&settings);
    dialog.show();
    QTRY_COMPARE(field<QLineEdit>(dialog, "token")->text(), QStringLiteral("the-token"));
    type(field<QLineEdit>(dialog, "profileName"), QStringLiteral("Home"));
    QSignalSpy written(settings.tokens(), &TokenStore::tokenWritten);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(written.size(), 2); // written under the new name, removed under the old
    QCOMPARE(settings.currentProfile(), QStringLiteral("Home"));
    QCOMPARE(profileToken(settings, QStringLiteral("Home")), "the-token");
    QVERIFY(!QSettings(QStringLiteral("rok"), QStringLiteral("rok"))
                     .contains(QStringLiteral("token/Default")));
}

void tst_SettingsDialog::startAtLoginOff()
{
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/rok"), nullptr));
    AppSettings settings;
    settings.tokens()->setKeychainEnabled(false);
    SettingsDialog dialog(&settings);
    dialog.show();
    auto *startAtLogin = field<QCheckBox>(dialog, "startAtLogin");
    QVERIFY(startAtLogin->isChecked()); // the entry on disk is the truth
    QTest::keyClick(startAtLogin, Qt::Key_Space);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(!QFile::exists(Autostart::desktopFilePath()));
    QCOMPARE(AppSettings().startAtLogin(), false);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
