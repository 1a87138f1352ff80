// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "responsetimechart.h"

#include "units.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "requestlogmodel.h"
#include "requeststats.h"

namespace {

constexpr double MaxBarWidth = 8; // device-independent pixels
constexpr double MinBarWidth = 2;
constexpr double Padding = 6;

// 1, 2 or 5 times a power of ten, at least `value`
double niceStep(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= value)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

QFont smallFont(const QWidget *widget)
{
    QFont font = widget->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qMax(1, qRound(font.pixelSize() * 0.85)));
    return font;
}

QColor mixed(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

} // namespace

ResponseTimeChart::ResponseTimeChart(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Response time chart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    updateDescription();
}

void ResponseTimeChart::setDurations(const QList<double> &ms)
{
    m_durations = ms;
    for (double &value : m_durations) {
        if (!std::isfinite(value) || value < 0)
            value = 0;
    }
    QList<double> sorted = m_durations;
    m_p95 = RequestStats::percentile(sorted, 95);
    m_max = m_durations.isEmpty() ? 0 : *std::max_element(m_durations.begin(), m_durations.end());
    updateDescription();
    update();
}

QSize ResponseTimeChart::sizeHint() const
{
    return {320, 90};
}

QSize ResponseTimeChart::minimumSizeHint() const
{
    return {160, 60};
}

void ResponseTimeChart::updateDescription()
{
    if (m_durations.isEmpty()) {
        setAccessibleDescription(tr("No requests yet"));
        return;
    }
    QList<double> sorted = m_durations;
    const double p50 = RequestStats::percentile(sorted, 50);
    const QString description =
            tr("%n recent response(s): median %1, 95th percentile %2, slowest %3", "",
               int(m_durations.size()))
                    .arg(Units::duration(p50), Units::duration(m_p95), Units::duration(m_max));
    setAccessibleDescription(description);
}

ResponseTimeChart::Layout ResponseTimeChart::layout() const
{
    Layout layout;
    const QFontMetricsF metrics(smallFont(this));
    QRectF plot =
            QRectF(rect()).adjusted(Padding, Padding + metrics.height() / 2, -Padding, -Padding);
    if (m_durations.isEmpty() || plot.width() <= 0 || plot.height() <= 0)
        return layout;

    // An outlier should not flatten everything else: above 4 x p95, scale to 2 x p95 and let
    // the slow bars run off the top.
    double top = m_max;
    if (m_p95 > 0 && m_max > 4 * m_p95)
        top = 2 * m_p95;
    const double step = niceStep(qMax(top, 0.001) / 3);
    layout.yMax = step * qMax(1.0, std::ceil(top / step));

    // Room for the widest grid label: "5.00 ms" is wider than the top's "15 ms".
    const double labelStep = niceStep(layout.yMax / 3);
    double widest = 0;
    for (int i = 1; i <= qMax(1, qRound(layout.yMax / labelStep)); ++i)
        widest = qMax(widest, metrics.horizontalAdvance(Units::duration(labelStep * i)));
    const double gutter = widest + Padding;
    plot.setLeft(plot.left() + gutter);
    layout.plot = plot;

    const auto count = int(m_durations.size());
    const int fit = qMax(1, int(plot.width() / MinBarWidth));
    layout.bars = qMin(count, fit);
    layout.slot = qMin(MaxBarWidth, plot.width() / layout.bars);
    return layout;
}

double ResponseTimeChart::barValue(const Layout &layout, int bar) const
{
    const qsizetype count = m_durations.size();
    const qsizetype from = count * bar / layout.bars;
    const qsizetype to = qMax(from + 1, count * (bar + 1) / layout.bars);
    return *std::max_element(m_durations.begin() + from, m_durations.begin() + to);
}

void ResponseTimeChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const bool dark = isDark(pal);

    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(frame, 4, 4);

    const QFont labelFont = smallFont(this);
    painter.setFont(labelFont);
    const Layout layout = this->layout();
    if (layout.bars == 0) {
        QColor placeholder = pal.color(QPalette::Text); // PlaceholderText is often unset
        placeholder.setAlphaF(0.55f);
        painter.setPen(placeholder);
        painter.setFont(font());
        painter.drawText(frame, Qt::AlignCenter | Qt::TextWordWrap, tr("No requests yet"));
        return;
    }
    const QRectF plot = layout.plot;
    const QFontMetricsF metrics(labelFont);
    const auto yOf = [&](double value) {
        return plot.bottom() - plot.height() * qMin(value, layout.yMax) / layout.yMax;
    };

    // Grid: a light line per step, labelled where there is room.
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.12f);
    QColor muted = text;
    muted.setAlphaF(0.6f);
    const double step = niceStep(layout.yMax / 3);
    const int lines = qMax(1, qRound(layout.yMax / step));
    const bool labelEvery = plot.height() / lines >= metrics.height();
    for (int i = 0; i <= lines; ++i) {
        const double value = step * i;
        const double y = yOf(value);
        painter.setPen(QPen(grid, 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        if (i == lines || (labelEvery && i > 0)) {
            painter.setPen(muted);
            const QRectF label(Padding, y - metrics.height() / 2, plot.left() - 2 * Padding + 2,
                               metrics.height());
            // unclipped: a gutter too narrow shows (and fails a test), not a cut-off label
            painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter | Qt::TextDontClip,
                             Units::duration(value));
        }
    }

    // Bars, newest on the right; the ones slower than p95 in a warm tone.
    const QColor normal = pal.color(QPalette::Highlight);
    const QColor slow = dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xe6, 0x51, 0x00);
    const double gap = layout.slot >= 4 ? 1 : 0;
    painter.setPen(Qt::NoPen);
    for (int bar = 0; bar < layout.bars; ++bar) {
        const double value = barValue(layout, bar);
        const double x = plot.right() - (layout.bars - bar) * layout.slot;
        const double y = yOf(value);
        const double height = qMax(1.0, plot.bottom() - y);
        painter.setBrush(value > m_p95 ? slow : normal);
        painter.drawRect(QRectF(x, plot.bottom() - height, layout.slot - gap, height));
        if (value > layout.yMax) { // off the scale: a lighter cap says "more above"
            painter.setBrush(mixed(slow, pal.color(QPalette::Base), 0.5));
            painter.drawRect(QRectF(x, plot.top(), layout.slot - gap, 2));
        }
    }

    // The p95 line with its label on the right.
    if (m_p95 >= 0) {
        const double y = yOf(m_p95);
        QPen dashed(text, 1, Qt::DashLine);
        dashed.setCosmetic(true);
        painter.setPen(dashed);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));

        const QString label =
                tr("p95 %1", "95th percentile of the response times").arg(Units::duration(m_p95));
        const double width = metrics.horizontalAdvance(label) + 6;
        QRectF box(plot.right() - width, y - metrics.height() - 1, width, metrics.height());
        if (box.top() < frame.top() + 1)
            box.moveTop(y + 1);
        QColor backing = pal.color(QPalette::Base);
        backing.setAlphaF(0.85f);
        painter.setPen(Qt::NoPen);
        painter.setBrush(backing);
        painter.drawRoundedRect(box, 2, 2);
        painter.setPen(text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
}

bool ResponseTimeChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Layout layout = this->layout();
        const double fromRight = layout.plot.right() - help->pos().x();
        const int bar = layout.bars - 1 - int(std::floor(fromRight / qMax(layout.slot, 1.0)));
        if (layout.bars > 0 && fromRight >= 0 && bar >= 0 && bar < layout.bars) {
            QToolTip::showText(help->globalPos(), Units::duration(barValue(layout, bar)), this);
        } else {
            QToolTip::showText(help->globalPos(), accessibleDescription(), this);
        }
        return true;
    }
    return QWidget::event(event);
}
