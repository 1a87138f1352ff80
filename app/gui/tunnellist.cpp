// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "tunnellist.h"

#include "statelook.h"
#include "tunnelcontroller.h"
#include "tunnelset.h"

#include <QHeaderView>

#include <algorithm>

TunnelList::TunnelList(TunnelSet *tunnels, QWidget *parent)
    : QTreeWidget(parent)
    , m_tunnels(tunnels)
{
    setObjectName(QStringLiteral("tunnels"));
    setAccessibleName(tr("Saved tunnels"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Tunnel"), tr("Public address"), tr("Local service"), tr("State")});
    setRootIsDecorated(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(Address, QHeaderView::Stretch);
    for (const int column : {Name, Local, State})
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::itemChanged, this, &TunnelList::onItemChanged);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item) // a click; refresh() makes its changes with signals blocked
            m_tunnels->setCurrent(tunnelOf(item));
    });
    connect(tunnels, &TunnelSet::tunnelsChanged, this, &TunnelList::rebuild);
    connect(tunnels, &TunnelSet::stateChanged, this, &TunnelList::refresh);
    connect(tunnels, &TunnelSet::tunnelOpened, this, &TunnelList::refresh);
    connect(tunnels, &TunnelSet::currentChanged, this, &TunnelList::refresh);
    rebuild();
}

TunnelList::~TunnelList() = default;

TunnelController *TunnelList::tunnelOf(const QTreeWidgetItem *item) const
{
    return item ? m_tunnels->find(item->data(Name, Qt::UserRole).toString()) : nullptr;
}

QTreeWidgetItem *TunnelList::itemOf(const TunnelController *tunnel) const
{
    for (int row = 0; row < topLevelItemCount(); ++row) {
        if (tunnelOf(topLevelItem(row)) == tunnel)
            return topLevelItem(row);
    }
    return nullptr;
}

void TunnelList::rebuild()
{
    {
        const QSignalBlocker quiet(this);
        clear();
        for (TunnelController *tunnel : m_tunnels->tunnels()) {
            auto *item = new QTreeWidgetItem(this);
            item->setData(Name, Qt::UserRole, tunnel->name());
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        }
    }
    setVisible(m_tunnels->tunnels().size() > 1); // one tunnel needs no list
    refresh();
    setFixedHeight(sizeHint().height()); // every tunnel in sight, no scrolling
}

void TunnelList::refresh()
{
    const QSignalBlocker quiet(this); // the signals are the user's clicks only
    for (int row = 0; row < topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = topLevelItem(row);
        const TunnelController *tunnel = tunnelOf(item);
        if (!tunnel)
            continue;
        const AppSettings::Profile profile = tunnel->profile();
        const StateLook look = StateLook::of(tunnel->state());
        item->setText(Name,
                      tr("%1 (%2)", "a tunnel's name and its protocol, http or tcp")
                              .arg(tunnel->name(), profile.protocol));
        item->setCheckState(Name, tunnel->isRunning() ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(Name,
                         tunnel->isRunning() ? tr("Uncheck to stop this tunnel")
                                             : tr("Check to start this tunnel"));
        item->setText(Address, tunnel->url().isEmpty() ? QStringLiteral("–") : tunnel->url());
        item->setText(Local, tunnel->options().local.toString());
        item->setIcon(State, look.icon);
        item->setText(State, look.text);
        if (tunnel == m_tunnels->current())
            setCurrentItem(item);
    }
}

void TunnelList::onItemChanged(QTreeWidgetItem *item, int column)
{
    TunnelController *tunnel = tunnelOf(item);
    if (column != Name || !tunnel)
        return;
    const bool wanted = item->checkState(Name) == Qt::Checked;
    if (wanted && !tunnel->isRunning())
        tunnel->start();
    else if (!wanted && tunnel->isRunning())
        tunnel->stop();
}

QSize TunnelList::sizeHint() const
{
    const int rows = qMax(1, topLevelItemCount());
    // Before the first layout sizeHintForRow() may not know yet: the check box and the state
    // icon are the tallest things in a row.
    const int rowHeight = std::max(
            {sizeHintForRow(0), iconSize().height() + 4, fontMetrics().lineSpacing() + 6, 20});
    return {QTreeWidget::sizeHint().width(),
            header()->sizeHint().height() + rows * rowHeight + 2 * frameWidth() + 2};
}
