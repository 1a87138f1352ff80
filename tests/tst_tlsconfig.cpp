// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "testcertificates.h"
#include "tls/tls.h"

#include <QFile>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using CertificateIssuer::Identity;
using TestCertificates::issue;
Q_DECLARE_METATYPE(CertificateIssuer::Identity)

// The TLS helpers both programs share (common/tls) and the server's certificate issuer.
class tst_TlsConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseFingerprint_data();
    void parseFingerprint();
    void fingerprintRoundTrip();
    void loadCertificates();
    void serverConfigurationFromFiles();
    void serverConfigurationErrors_data();
    void serverConfigurationErrors();
    void issuedChainVerifies();
    void describe_data();
    void describe();
    void pinMatchesOnlyThatCertificate();
    void channelBinding();

private:
    QString write(const QString &name, const QByteArray &data);

    QTemporaryDir m_dir;
    Identity m_ca;
    Identity m_leaf;
};

void tst_TlsConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ca = TestCertificates::issueCa(u"test CA"_s);
    QVERIFY(!m_ca.isNull());
    m_leaf = issue(u"tunnel.example"_s, &m_ca);
    QVERIFY(!m_leaf.isNull());
}

QString tst_TlsConfig::write(const QString &name, const QByteArray &data)
{
    return TestCertificates::writeFile(QDir(m_dir.path()), name, data);
}

void tst_TlsConfig::parseFingerprint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    const QString hex = u"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"_s;
    QTest::newRow("plain hex") << u"sha256:"_s + hex << true;
    QTest::newRow("upper case") << u"SHA256:"_s + hex.toUpper() << true;
    QString colons = hex;
    for (int i = int(colons.size()) - 2; i > 0; i -= 2)
        colons.insert(i, u':');
    QTest::newRow("with colons, as openssl prints it") << u"sha256:"_s + colons << true;
    QTest::newRow("no prefix") << hex << false;
    QTest::newRow("sha1") << u"sha1:"_s + hex.left(40) << false;
    QTest::newRow("short") << u"sha256:"_s + hex.left(62) << false;
    QTest::newRow("not hex") << u"sha256:"_s + hex.left(63) + u'g' << false;
}

void tst_TlsConfig::parseFingerprint()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const auto parsed = Tls::parseFingerprint(text, &error);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(parsed->toHex(),
                 "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    else
        QVERIFY(!error.isEmpty());
}

void tst_TlsConfig::fingerprintRoundTrip()
{
    const QByteArray fingerprint = Tls::fingerprint(m_leaf.certificate);
    QCOMPARE(fingerprint.size(), 32);
    QString error;
    QCOMPARE(Tls::parseFingerprint(Tls::formatFingerprint(fingerprint), &error), fingerprint);
}

void tst_TlsConfig::loadCertificates()
{
    QString error;
    const QString both =
            write(u"both.pem"_s, m_leaf.certificate.toPem() + m_ca.certificate.toPem());
    QCOMPARE(Tls::loadCertificates(both, &error),
             (QList<QSslCertificate>{m_leaf.certificate, m_ca.certificate}));
    QVERIFY(Tls::loadCertificates(m_dir.filePath(u"missing.pem"_s), &error).isEmpty());
    QVERIFY2(error.contains(u"missing.pem"_s), qPrintable(error));
    error.clear();
    QVERIFY(Tls::loadCertificates(write(u"text.pem"_s, "not a certificate\n"), &error).isEmpty());
    QVERIFY2(error.contains(u"no PEM certificate"_s), qPrintable(error));
}

void tst_TlsConfig::serverConfigurationFromFiles()
{
    QString error;
    const auto configuration = Tls::serverConfiguration(
            write(u"chain.pem"_s, m_leaf.certificate.toPem() + m_ca.certificate.toPem()),
            write(u"leaf.key"_s, m_leaf.key.toPem()), &error);
    QVERIFY2(configuration, qPrintable(error));
    QCOMPARE(configuration->localCertificate(), m_leaf.certificate);
    QCOMPARE(configuration->localCertificateChain().size(), 2);
    QCOMPARE(configuration->privateKey(), m_leaf.key);
    QCOMPARE(configuration->protocol(), QSsl::TlsV1_2OrLater);
}

void tst_TlsConfig::serverConfigurationErrors_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");

    QTest::newRow("no certificate file") << u"missing.pem"_s << u"leaf.key"_s << u"missing.pem"_s;
    QTest::newRow("no key file") << u"leaf.pem"_s << u"missing.key"_s << u"missing.key"_s;
    QTest::newRow("the key file holds a certificate")
            << u"leaf.pem"_s << u"leaf.pem"_s << u"no PEM private key"_s;
}

void tst_TlsConfig::serverConfigurationErrors()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, message);
    write(u"leaf.pem"_s, m_leaf.certificate.toPem());
    write(u"leaf.key"_s, m_leaf.key.toPem());
    QString error;
    QVERIFY(!Tls::serverConfiguration(m_dir.filePath(certificate), m_dir.filePath(key), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_TlsConfig::issuedChainVerifies()
{
    // The only complaint: the test CA is not in the system store.
    const QList<QSslError> errors =
            QSslCertificate::verify({m_leaf.certificate, m_ca.certificate}, u"tunnel.example"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().error(), QSslError::SelfSignedCertificateInChain);
    QVERIFY(m_ca.certificate.isSelfSigned());
    QVERIFY(!m_leaf.certificate.isSelfSigned());
    QCOMPARE(m_leaf.certificate.subjectAlternativeNames().values(QSsl::DnsEntry),
             QStringList{u"tunnel.example"_s});
    // Each issue() makes a new key.
    QVERIFY(issue(u"tunnel.example"_s, &m_ca).key != m_leaf.key);
}

void tst_TlsConfig::describe_data()
{
    QTest::addColumn<Identity>("identity");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");

    QTest::newRow("expired") << issue(u"a.example"_s, &m_ca, -30, -2) << u"a.example"_s
                             << u"the server's certificate expired on "_s;
    QTest::newRow("not yet valid")
            << issue(u"a.example"_s, &m_ca, 2, 30) << u"a.example"_s << u"not valid before"_s;
    QTest::newRow("wrong name") << issue(u"a.example"_s, &m_ca) << u"b.example"_s
                                << u"the server's certificate is for a.example, not"_s;
    QTest::newRow("self-signed") << issue(u"a.example"_s, nullptr) << u"a.example"_s
                                 << u"unknown issuer (a.example); trust it with --ca FILE or "
                                    u"--fingerprint sha256:"_s;
}

void tst_TlsConfig::describe()
{
    QFETCH(Identity, identity);
    QFETCH(QString, name);
    QFETCH(QString, message);
    // verify() runs the checks a TLS client makes; describe() turns them into one line.
    const QList<QSslError> errors =
            QSslCertificate::verify({identity.certificate, m_ca.certificate}, name);
    QVERIFY(!errors.isEmpty());
    const QString text = Tls::describe(errors, identity.certificate);
    QVERIFY2(text.contains(message), qPrintable(text));
}

void tst_TlsConfig::pinMatchesOnlyThatCertificate()
{
    Tls::Trust trust;
    QVERIFY(!Tls::pinMatches(trust, m_leaf.certificate)); // nothing pinned
    trust.pinnedSha256 = Tls::fingerprint(m_leaf.certificate);
    QVERIFY(Tls::pinMatches(trust, m_leaf.certificate));
    QVERIFY(!Tls::pinMatches(trust, m_ca.certificate));
    QVERIFY(!Tls::pinMatches(trust, QSslCertificate()));
}

void tst_TlsConfig::channelBinding()
{
    QCOMPARE(Tls::channelBinding(QSslCertificate()), QByteArray());
    QCOMPARE(Tls::channelBinding(m_leaf.certificate), Tls::fingerprint(m_leaf.certificate));
}

QTEST_GUILESS_MAIN(tst_TlsConfig)
#include "tst_tlsconfig.moc"
