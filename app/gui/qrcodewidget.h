// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QBitArray>
#include <QWidget>

// A QR code of a text (the public URL), so a phone can open it. Encoded with libqrencode at error
// correction level M and painted as crisp squares: whole device pixels per module whenever the
// widget is large enough, black on white whatever the theme (scanners need the contrast), with
// the 4-module quiet zone the standard asks for. An empty text paints nothing.
class QrCodeWidget : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrCodeWidget)

public:
    static constexpr int QuietZone = 4; // modules of white on each side

    explicit QrCodeWidget(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }

    int moduleCount() const { return m_width; } // modules per side without the quiet zone; 0: none
    bool isDark(int x, int y) const; // module (x, y), 0 ≤ x, y < moduleCount()

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    int m_width = 0;
    QBitArray m_modules; // row by row, true: dark
};
