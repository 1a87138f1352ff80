// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include "autostart.h"

// The XDG autostart entry, written under a temporary $XDG_CONFIG_HOME.
class tst_Autostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void pathFollowsXdgConfigHome();
    void relativeXdgConfigHomeIsIgnored();
    void enableWritesEntry();
    void disableRemovesEntry();
    void hiddenEntryIsDisabled();
    void execValue_data();
    void execValue();
    void quotedExecIsWritten();
    void reportsFailure();

private:
    static QHash<QByteArray, QByteArray> readEntry(const QString &path, QByteArray *group);
    QTemporaryDir m_dir;
};

void tst_Autostart::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_Autostart::init()
{
    QVERIFY(qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path())));
    QFile::remove(Autostart::desktopFilePath());
}

QHash<QByteArray, QByteArray> tst_Autostart::readEntry(const QString &path, QByteArray *group)
{
    QHash<QByteArray, QByteArray> keys;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return keys;
    *group = file.readLine().trimmed();
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        const qsizetype equals = line.indexOf('=');
        if (line.isEmpty() || line.startsWith('#') || equals < 0)
            continue;
        keys.insert(line.left(equals), line.mid(equals + 1));
    }
    return keys;
}

void tst_Autostart::pathFollowsXdgConfigHome()
{
    QCOMPARE(Autostart::desktopFilePath(), m_dir.path() + QStringLiteral("/autostart/rok.desktop"));
}

void tst_Autostart::relativeXdgConfigHomeIsIgnored()
{
    QVERIFY(qputenv("XDG_CONFIG_HOME", "relative/config"));
    QCOMPARE(Autostart::desktopFilePath(),
             QDir::homePath() + QStringLiteral("/.config/autostart/rok.desktop"));
    QVERIFY(qunsetenv("XDG_CONFIG_HOME"));
    QCOMPARE(Autostart::desktopFilePath(),
             QDir::homePath() + QStringLiteral("/.config/autostart/rok.desktop"));
}

void tst_Autostart::enableWritesEntry()
{
    QVERIFY(!Autostart::isEnabled());
    QString error;
    QVERIFY2(Autostart::setEnabled(true, QStringLiteral("/usr/bin/rok"), &error),
             qPrintable(error));
    QVERIFY(Autostart::isEnabled());

    QByteArray group;
    const QHash<QByteArray, QByteArray> entry = readEntry(Autostart::desktopFilePath(), &group);
    QCOMPARE(group, "[Desktop Entry]");
    QCOMPARE(entry.value("Type"), "Application");
    QCOMPARE(entry.value("Name"), "rok");
    QCOMPARE(entry.value("Exec"), "/usr/bin/rok");
    QCOMPARE(entry.value("Icon"), "rok");
    QCOMPARE(entry.value("Terminal"), "false");
    QCOMPARE(entry.value("X-GNOME-Autostart-enabled"), "true");
    QVERIFY(!entry.value("Comment").isEmpty());
    QVERIFY(!entry.contains("Hidden"));

    // Enabling again replaces the entry.
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/opt/rok/rok"), nullptr));
    QCOMPARE(readEntry(Autostart::desktopFilePath(), &group).value("Exec"), "/opt/rok/rok");
}

void tst_Autostart::disableRemovesEntry()
{
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/rok"), nullptr));
    QVERIFY(QFile::exists(Autostart::desktopFilePath()));
    QString error;
    QVERIFY(Autostart::setEnabled(false, QString(), &error));
    QVERIFY(!QFile::exists(Autostart::desktopFilePath()));
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(Autostart::setEnabled(false, QString(), &error)); // already off
    QCOMPARE(error, QString());
}

void tst_Autostart::hiddenEntryIsDisabled()
{
    QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/autostart")));
    QFile file(Autostart::desktopFilePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[Desktop Entry]\nType=Application\nName=rok\nExec=rok\nHidden=true\n");
    file.close();
    QVERIFY(!Autostart::isEnabled());
}

void tst_Autostart::execValue_data()
{
    QTest::addColumn<QString>("executable");
    QTest::addColumn<QString>("exec");
    QTest::newRow("plain") << QStringLiteral("/usr/bin/rok") << QStringLiteral("/usr/bin/rok");
    QTest::newRow("space") << QStringLiteral("/opt/my apps/rok")
                           << QStringLiteral("\"/opt/my apps/rok\"");
    QTest::newRow("dollar") << QStringLiteral("/opt/a$b/rok")
                            << QStringLiteral("\"/opt/a\\\\$b/rok\"");
    QTest::newRow("quote") << QStringLiteral("/opt/a\"b/rok")
                           << QStringLiteral("\"/opt/a\\\\\"b/rok\"");
    QTest::newRow("backslash") << QStringLiteral("/opt/a\\b/rok")
                               << QStringLiteral("\"/opt/a\\\\\\\\b/rok\"");
    QTest::newRow("percent") << QStringLiteral("/opt/100%/rok") << QStringLiteral("/opt/100%%/rok");
}

void tst_Autostart::execValue()
{
    QFETCH(QString, executable);
    QFETCH(QString, exec);
    QCOMPARE(Autostart::execValue(executable), exec);
}

void tst_Autostart::quotedExecIsWritten()
{
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/home/me/My Apps/rok"), nullptr));
    QByteArray group;
    QCOMPARE(readEntry(Autostart::desktopFilePath(), &group).value("Exec"),
             "\"/home/me/My Apps/rok\"");
}

void tst_Autostart::reportsFailure()
{
    // XDG_CONFIG_HOME is a file: the autostart folder cannot be made.
    const QString notADirectory = m_dir.filePath(QStringLiteral("file"));
    QFile file(notADirectory);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(qputenv("XDG_CONFIG_HOME", QFile::encodeName(notADirectory)));
    QString error;
    QVERIFY(!Autostart::setEnabled(true, QStringLiteral("/usr/bin/rok"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!Autostart::isEnabled());
}

QTEST_APPLESS_MAIN(tst_Autostart)
#include "tst_autostart.moc"
