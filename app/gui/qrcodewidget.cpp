// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "qrcodewidget.h"

#include <QPainter>

#include <qrencode.h>

QrCodeWidget::QrCodeWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("QR code of the public URL"));
}

void QrCodeWidget::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_width = 0;
    m_modules.clear();
    if (!text.isEmpty()) {
        // Version 0: the smallest that holds the text. NULL when it does not fit any version.
        if (QRcode *code = QRcode_encodeString8bit(text.toUtf8().constData(), 0, QR_ECLEVEL_M)) {
            m_width = code->width;
            m_modules.resize(m_width * m_width);
            for (int i = 0; i < m_width * m_width; ++i)
                m_modules.setBit(i, code->data[i] & 1); // bit 0: dark module
            QRcode_free(code);
        }
    }
    setAccessibleDescription(m_width ? text : QString());
    setToolTip(m_width ? tr("Scan to open %1 on another device").arg(text) : QString());
    updateGeometry();
    update();
}

bool QrCodeWidget::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_width)
        return false;
    return m_modules.testBit(y * m_width + x);
}

QSize QrCodeWidget::sizeHint() const
{
    return {160, 160};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int total = m_width ? m_width + 2 * QuietZone : 0;
    return {total, total}; // one pixel per module
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    if (m_width == 0)
        return;
    const int total = m_width + 2 * QuietZone;

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    // Work in device pixels, so that a module is a whole number of them at any scale factor.
    // The painter knows the scale (the window's, or that of the image render() paints into).
    const qreal ratio = painter.deviceTransform().m11() > 0 ? painter.deviceTransform().m11() : 1;
    painter.scale(1 / ratio, 1 / ratio);
    const QSize device = (QSizeF(size()) * ratio).toSize();
    const int side = qMin(device.width(), device.height());

    if (side >= total) {
        const int module = side / total;
        const int extent = module * total;
        const QPoint origin((device.width() - extent) / 2, (device.height() - extent) / 2);
        painter.fillRect(QRect(origin, QSize(extent, extent)), Qt::white);
        for (int y = 0; y < m_width; ++y) {
            for (int x = 0; x < m_width;) { // one rectangle per run of dark modules
                if (!isDark(x, y)) {
                    ++x;
                    continue;
                }
                const int start = x;
                while (x < m_width && isDark(x, y))
                    ++x;
                painter.fillRect(QRect(origin.x() + (QuietZone + start) * module,
                                       origin.y() + (QuietZone + y) * module, (x - start) * module,
                                       module),
                                 Qt::black);
            }
        }
        return;
    }

    // Smaller than a pixel per module: it will hardly scan, but show its shape.
    const qreal module = qreal(side) / total;
    const QPointF origin((device.width() - side) / 2.0, (device.height() - side) / 2.0);
    painter.fillRect(QRectF(origin, QSizeF(side, side)), Qt::white);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (isDark(x, y))
                painter.fillRect(QRectF(origin.x() + (QuietZone + x) * module,
                                        origin.y() + (QuietZone + y) * module, module, module),
                                 Qt::black);
        }
    }
}
