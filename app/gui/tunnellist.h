// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#pragma once

#include <QTreeWidget>

class TunnelController;
class TunnelSet;

// The saved tunnels at the top of the window, shown when there are several: each with its
// name, public address (or where it will be) and state, and a check box that starts or stops
// that tunnel alone. Selecting one shows it below.
class TunnelList : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelList)

public:
    enum Column { Name, Address, Local, State, ColumnCount };

    explicit TunnelList(TunnelSet *tunnels, QWidget *parent = nullptr);
    ~TunnelList() override;

    QTreeWidgetItem *itemOf(const TunnelController *tunnel) const;
    QSize sizeHint() const override; // as tall as its rows, no taller

private:
    void rebuild(); // the tunnels changed
    void refresh(); // their states changed
    void onItemChanged(QTreeWidgetItem *item, int column);
    TunnelController *tunnelOf(const QTreeWidgetItem *item) const;

    TunnelSet *m_tunnels;
};
