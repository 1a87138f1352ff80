// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QList>
#include <QWidget>

// A small bar chart of recent response times, oldest on the left, with a dashed p95 line.
// Painted with QPainter from the widget's palette, so it follows light and dark themes.
class ResponseTimeChart : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseTimeChart)

public:
    explicit ResponseTimeChart(QWidget *parent = nullptr);

    void setDurations(const QList<double> &ms); // oldest first
    QList<double> durations() const { return m_durations; }
    double p95() const { return m_p95; } // -1 without data

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout
    {
        QRectF plot; // where the bars go
        double yMax = 0; // the value at the top of the plot
        int bars = 0; // bars drawn: the durations, merged when there are more than fit
        double slot = 0; // horizontal space per bar
    };
    Layout layout() const;
    double barValue(const Layout &layout, int bar) const; // the slowest of the bar's durations
    void updateDescription();

    QList<double> m_durations;
    double m_p95 = -1;
    double m_max = 0;
};
