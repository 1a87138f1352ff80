// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include <QAccessible>
#include <QImage>
#include <QTest>

#include <QSet>

#include "responsetimechart.h"
#include "units.h"

using namespace Qt::StringLiterals;

class tst_ResponseTimeChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sizeHints();
    void accessibleName();
    void emptyState();
    void drawsBarsWhenThereIsData();
    void newestIsOnTheRight();
    void descriptionMentionsP95();
    void followsTheDarkPalette();
    void manyMoreDurationsThanPixels();
    void outlierDoesNotFlattenTheRest();
    void highDpi();
    void backToEmpty();
    void everyGridLabelFitsItsGutter();
};

namespace {

const QColor SlowLight(0xe6, 0x51, 0x00); // bars above p95 on a light background

QImage render(QWidget &widget, qreal dpr = 1)
{
    QImage image(widget.size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    widget.render(&image);
    return image;
}

int countPixels(const QImage &image, const QColor &colour, const QRect &area = {})
{
    const QRect rect = area.isNull() ? image.rect() : area;
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += image.pixel(x, y) == colour.rgba();
    }
    return n;
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

QList<double> oneToHundred()
{
    QList<double> values;
    for (int n = 1; n <= 100; ++n)
        values.append(n);
    return values;
}

} // namespace

void tst_ResponseTimeChart::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_ResponseTimeChart::sizeHints()
{
    ResponseTimeChart chart;
    QCOMPARE(chart.sizeHint(), QSize(320, 90));
    QCOMPARE(chart.minimumSizeHint(), QSize(160, 60));
}

void tst_ResponseTimeChart::accessibleName()
{
    ResponseTimeChart chart;
    QCOMPARE(chart.accessibleName(), u"Response time chart"_s);
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&chart);
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Name), u"Response time chart"_s);
}

void tst_ResponseTimeChart::emptyState()
{
    ResponseTimeChart chart;
    chart.resize(chart.sizeHint());
    QCOMPARE(chart.p95(), -1.0);
    QCOMPARE(chart.accessibleDescription(), u"No requests yet"_s);
    const QImage image = render(chart);
    // the frame is drawn in the Base colour, but no bars
    QVERIFY(countPixels(image, chart.palette().color(QPalette::Base)) > image.width());
    QCOMPARE(countPixels(image, chart.palette().color(QPalette::Highlight)), 0);
}

void tst_ResponseTimeChart::drawsBarsWhenThereIsData()
{
    ResponseTimeChart chart;
    chart.resize(chart.sizeHint());
    const QImage empty = render(chart);
    chart.setDurations({12, 30, 18, 25, 40, 22});
    QCOMPARE(chart.durations().size(), 6);
    const QImage image = render(chart);
    QVERIFY(image != empty);
    QVERIFY(distinctColours(image) > 3);
    const int bars = countPixels(image, chart.palette().color(QPalette::Highlight));
    QVERIFY2(bars > 50, qPrintable(QString::number(bars)));
}

void tst_ResponseTimeChart::newestIsOnTheRight()
{
    ResponseTimeChart chart;
    chart.resize(chart.sizeHint());
    chart.setDurations(QList<double>(10, 10.0));
    const QColor bar = chart.palette().color(QPalette::Highlight);
    const QImage image = render(chart);
    const QRect left(0, 0, chart.width() / 2, chart.height());
    const QRect right(chart.width() / 2, 0, chart.width() - chart.width() / 2, chart.height());
    // few bars sit at the right edge, like a strip chart
    QCOMPARE(countPixels(image, bar, left), 0);
    QVERIFY(countPixels(image, bar, right) > 0);
}

void tst_ResponseTimeChart::descriptionMentionsP95()
{
    ResponseTimeChart chart;
    chart.setDurations(oneToHundred());
    QCOMPARE(chart.p95(), 95.0);
    const QString description = chart.accessibleDescription();
    QVERIFY2(description.contains(Units::duration(95)), qPrintable(description));
    QVERIFY2(description.contains(u"95 ms"_s), qPrintable(description));
    QVERIFY2(description.contains(u"100 requests"_s) || description.contains(u"100 recent"_s),
             qPrintable(description));
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&chart);
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Description), description);

    chart.setDurations({2.5, 800, 1200});
    QVERIFY2(chart.accessibleDescription().contains(u"1.20 s"_s),
             qPrintable(chart.accessibleDescription()));
}

void tst_ResponseTimeChart::followsTheDarkPalette()
{
    ResponseTimeChart chart;
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    chart.setPalette(dark);
    chart.resize(chart.sizeHint());
    chart.setDurations(oneToHundred());
    const QImage image = render(chart);
    QVERIFY(countPixels(image, dark.color(QPalette::Base)) > image.width() * 10);
    QVERIFY(countPixels(image, dark.color(QPalette::Highlight)) > 0);
    QCOMPARE(countPixels(image, Qt::white), 0);
}

void tst_ResponseTimeChart::manyMoreDurationsThanPixels()
{
    ResponseTimeChart chart;
    chart.resize(chart.minimumSizeHint());
    QList<double> values;
    for (int n = 0; n < 20'000; ++n)
        values.append(n % 97);
    chart.setDurations(values);
    QCOMPARE(chart.p95(), 92.0);
    const QImage image = render(chart);
    // each bar shows the slowest of the durations it merges: 96 ms, above p95, so all are slow
    QCOMPARE(countPixels(image, chart.palette().color(QPalette::Highlight)), 0);
    QVERIFY(countPixels(image, SlowLight) > 100);
    QVERIFY(distinctColours(image) > 3);
}

void tst_ResponseTimeChart::outlierDoesNotFlattenTheRest()
{
    ResponseTimeChart chart;
    chart.resize(chart.sizeHint());
    QList<double> values(30, 10.0);
    values.append(100'000); // one 100 s request
    chart.setDurations(values);
    const QImage image = render(chart);
    // the 10 ms bars are still tall enough to see: more than a few pixels each
    const int pixels = countPixels(image, chart.palette().color(QPalette::Highlight));
    QVERIFY2(pixels > 30 * 5 * 10, qPrintable(QString::number(pixels)));
}

void tst_ResponseTimeChart::highDpi()
{
    ResponseTimeChart chart;
    chart.resize(chart.sizeHint());
    chart.setDurations(oneToHundred());
    const QImage image = render(chart, 2);
    QCOMPARE(image.size(), chart.size() * 2);
    QVERIFY(countPixels(image, chart.palette().color(QPalette::Highlight)) > 0);
    QVERIFY(distinctColours(image) > 3);
}

void tst_ResponseTimeChart::backToEmpty()
{
    ResponseTimeChart chart;
    chart.resize(chart.sizeHint());
    chart.setDurations(oneToHundred());
    chart.setDurations({});
    QCOMPARE(chart.p95(), -1.0);
    QCOMPARE(chart.accessibleDescription(), u"No requests yet"_s);
    QCOMPARE(countPixels(render(chart), chart.palette().color(QPalette::Highlight)), 0);
}

// The labels are right-aligned in a gutter as wide as the widest one: "5.00 ms" under a top
// of "15 ms" must not run out past the left edge (it did: ".00 ms"). The strip between the
// frame and where labels may start stays as empty as with no data at all.
void tst_ResponseTimeChart::everyGridLabelFitsItsGutter()
{
    ResponseTimeChart chart;
    chart.resize(320, 240); // tall enough for a label at every grid line
    chart.setDurations({}); // the frame alone, for reference
    chart.setDurations({1.0});
    const QImage reference = render(chart);
    chart.setDurations({1, 2, 3, 14, 15});
    const QImage image = render(chart);
    const int middle = chart.height() / 2;
    for (int y = middle - chart.height() / 3; y < middle + chart.height() / 3; ++y) {
        for (int x = 2; x < 5; ++x)
            QVERIFY2(image.pixel(x, y) == reference.pixel(x, y),
                     qPrintable(u"a label's pixel at %1,%2"_s.arg(x).arg(y)));
    }
}

QTEST_MAIN(tst_ResponseTimeChart)
#include "tst_responsetimechart.moc"
