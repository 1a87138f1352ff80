// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QImage>
#include <QTest>

#include "qrcodewidget.h"

// The QR code of the public URL: the encoding (through libqrencode) and the painting.
class tst_QrCodeWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void encodesUrl();
    void rendersCrispBlackOnWhite_data();
    void rendersCrispBlackOnWhite();
    void emptyTextPaintsNothing();
    void textTooLongForAnyVersion();
    void sizeHints();

private:
    static QImage render(QrCodeWidget &widget, qreal ratio, QColor fill);
};

QImage tst_QrCodeWidget::render(QrCodeWidget &widget, qreal ratio, QColor fill)
{
    QImage image((QSizeF(widget.size()) * ratio).toSize(), QImage::Format_ARGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(fill);
    widget.render(&image, {}, {}, QWidget::DrawChildren); // no window background
    return image;
}

void tst_QrCodeWidget::startsEmpty()
{
    QrCodeWidget widget;
    QCOMPARE(widget.moduleCount(), 0);
    QCOMPARE(widget.text(), QString());
    QCOMPARE(widget.accessibleName(), QStringLiteral("QR code of the public URL"));
}

void tst_QrCodeWidget::encodesUrl()
{
    QrCodeWidget widget;
    const QString url = QStringLiteral("http://brave-otter.tunnels.example.com");
    widget.setText(url);
    QCOMPARE(widget.text(), url);
    const int n = widget.moduleCount();
    QVERIFY2(n >= 21, QByteArray::number(n).constData());
    QCOMPARE((n - 17) % 4, 0); // a version's size: 17 + 4 * version
    QCOMPARE(widget.accessibleDescription(), url);

    // The three finder patterns: a dark 7x7 ring, a light ring, a dark 3x3 centre.
    for (const QPoint corner : {QPoint(0, 0), QPoint(n - 7, 0), QPoint(0, n - 7)}) {
        QVERIFY(widget.isDark(corner.x(), corner.y()));
        QVERIFY(widget.isDark(corner.x() + 6, corner.y() + 6));
        QVERIFY(!widget.isDark(corner.x() + 1, corner.y() + 1));
        QVERIFY(widget.isDark(corner.x() + 3, corner.y() + 3));
    }
    QVERIFY(!widget.isDark(7, 7)); // the separator
    QVERIFY(!widget.isDark(-1, 0));
    QVERIFY(!widget.isDark(n, 0));

    // A longer text needs a larger version.
    QrCodeWidget longer;
    longer.setText(url + QStringLiteral("/a/much/longer/path/that/needs/more/modules/to/encode"));
    QVERIFY(longer.moduleCount() > n);
}

void tst_QrCodeWidget::rendersCrispBlackOnWhite_data()
{
    QTest::addColumn<int>("side");
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("160 at 1x") << 160 << 1.0;
    QTest::newRow("120 at 2x") << 120 << 2.0;
    QTest::newRow("120 at 1.25x") << 120 << 1.25;
    QTest::newRow("wide 300x140") << 300 << 1.0;
}

void tst_QrCodeWidget::rendersCrispBlackOnWhite()
{
    QFETCH(int, side);
    QFETCH(qreal, ratio);
    QrCodeWidget widget;
    widget.setText(QStringLiteral("http://brave-otter.localhost:8080"));
    widget.resize(side, side == 300 ? 140 : side);
    const QImage image = render(widget, ratio, Qt::red);

    const int total = widget.moduleCount() + 2 * QrCodeWidget::QuietZone;
    const int device = qMin(image.width(), image.height());
    const int module = device / total;
    QVERIFY(module >= 1);
    const int extent = module * total;
    const QPoint origin((image.width() - extent) / 2, (image.height() - extent) / 2);
    const QRgb black = qRgb(0, 0, 0);
    const QRgb white = qRgb(255, 255, 255);

    // The quiet zone's corner is white; the finder pattern's corner module is black.
    QCOMPARE(image.pixel(origin), white);
    QCOMPARE(image.pixel(origin + QPoint(extent - 1, extent - 1)), white);
    const int finder = QrCodeWidget::QuietZone * module;
    QCOMPARE(image.pixel(origin + QPoint(finder + module / 2, finder + module / 2)), black);
    QCOMPARE(image.pixel(origin
                         + QPoint(finder + module + module / 2, finder + module + module / 2)),
             white);

    // Every pixel of the code is pure black or pure white (no blurred edges), each module is
    // uniform, and both colours occur. Outside it the widget paints nothing.
    int blacks = 0;
    int whites = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            const QPoint p = QPoint(x, y) - origin;
            if (p.x() < 0 || p.y() < 0 || p.x() >= extent || p.y() >= extent) {
                QCOMPARE(pixel, qRgb(255, 0, 0));
                continue;
            }
            const int mx = p.x() / module - QrCodeWidget::QuietZone;
            const int my = p.y() / module - QrCodeWidget::QuietZone;
            const QRgb expected = widget.isDark(mx, my) ? black : white;
            if (pixel != expected)
                QFAIL(qPrintable(
                        QStringLiteral("pixel %1,%2 is %3").arg(x).arg(y).arg(pixel, 0, 16)));
            ++(pixel == black ? blacks : whites);
        }
    }
    QVERIFY(blacks > 0);
    QVERIFY(whites > 0);
}

void tst_QrCodeWidget::emptyTextPaintsNothing()
{
    QrCodeWidget widget;
    widget.resize(100, 100);
    widget.setText(QStringLiteral("http://a.localhost:8080"));
    widget.show();
    widget.setText(QString());
    QCOMPARE(widget.moduleCount(), 0);
    QVERIFY(widget.isVisible()); // it hides nothing: showing it is the window's call
    const QImage image = render(widget, 1.0, Qt::red);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            QCOMPARE(image.pixel(x, y), qRgb(255, 0, 0));
    }
}

void tst_QrCodeWidget::textTooLongForAnyVersion()
{
    QrCodeWidget widget;
    widget.setText(QString(8000, u'x')); // version 40 at level M holds 2331 bytes
    QCOMPARE(widget.moduleCount(), 0);
    widget.setText(QStringLiteral("http://ok.localhost"));
    QVERIFY(widget.moduleCount() >= 21);
}

void tst_QrCodeWidget::sizeHints()
{
    QrCodeWidget widget;
    QCOMPARE(widget.sizeHint(), QSize(160, 160));
    widget.setText(QStringLiteral("http://brave-otter.localhost:8080"));
    const int total = widget.moduleCount() + 2 * QrCodeWidget::QuietZone;
    QCOMPARE(widget.minimumSizeHint(), QSize(total, total));
}

QTEST_MAIN(tst_QrCodeWidget)
#include "tst_qrcodewidget.moc"
