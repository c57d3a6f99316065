#include "ui/common/columnfitter.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QHeaderView>

#include <algorithm>
#include <utility>

ColumnFitter *ColumnFitter::attach(
    QAbstractScrollArea *view, QHeaderView *header, const Rules &rules)
{
    return new ColumnFitter(view, header, rules);
}

ColumnFitter::ColumnFitter(QAbstractScrollArea *view, QHeaderView *header, const Rules &rules)
    : QObject(view)
    , m_view(view)
    , m_header(header)
    , m_rules(rules)
{
    for (int section = 0; section < header->count(); ++section) {
        if (!header->isSectionHidden(section))
            m_preferred.insert(section, header->sectionSize(section));
    }
    // The fitter sizes the last column itself: a stretched one would hide a shortfall.
    header->setStretchLastSection(false);
    view->viewport()->installEventFilter(this);
    // A width set from outside (resizeColumnToContents, a drag) is the column's new preference.
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (m_fitting)
            return;
        if (size > 0) // 0: hidden, which keeps the preference for when it is shown again
            m_preferred.insert(logical, size);
        fitLater();
    });
    connect(header, &QHeaderView::sectionCountChanged, this, &ColumnFitter::fitLater);
    fit();
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::fitLater()
{
    // Not inside the header's own change: resizing other sections while it hides one left the
    // hidden section's width in the layout (Qt 6.4), a blank column that pushed the last out.
    if (std::exchange(m_fitPending, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_fitPending = false;
            fit();
        },
        Qt::QueuedConnection);
}

void ColumnFitter::grow(int logical, int width)
{
    if (width > preferred(logical))
        prefer(logical, width);
}

void ColumnFitter::prefer(int logical, int width)
{
    if (width <= 0 || m_preferred.value(logical) == width)
        return;
    m_preferred.insert(logical, width);
    fitLater();
}

int ColumnFitter::preferred(int logical) const
{
    return m_preferred.value(logical, m_header->defaultSectionSize());
}

int ColumnFitter::floorOf(int logical) const
{
    return std::min(preferred(logical), std::max(m_rules.floor, m_header->minimumSectionSize()));
}

int ColumnFitter::comfortableOf(int logical) const
{
    return std::min(preferred(logical), std::max(floorOf(logical), m_rules.comfortable));
}

void ColumnFitter::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    const int available = m_view->viewport()->width();
    // The columns in play: shown ones, and those this fitter hid (hidden by anyone else: out).
    QList<int> columns;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical) || m_hidden.contains(logical))
            columns << logical;
    }
    const auto narrowest = [&](const QSet<int> &hidden) {
        int sum = 0;
        for (const int logical : std::as_const(columns)) {
            if (!hidden.contains(logical))
                sum += m_rules.flexible.contains(logical) ? comfortableOf(logical)
                                                          : preferred(logical);
        }
        return sum;
    };
    QSet<int> hidden;
    for (const int logical : std::as_const(m_rules.optional)) {
        if (narrowest(hidden) <= available)
            break;
        if (columns.contains(logical))
            hidden.insert(logical);
    }
    for (const int logical : std::as_const(columns))
        m_header->setSectionHidden(logical, hidden.contains(logical));
    m_hidden = hidden;

    QHash<int, int> widths;
    int total = 0;
    for (const int logical : std::as_const(columns)) {
        if (!hidden.contains(logical)) {
            widths.insert(logical, preferred(logical));
            total += preferred(logical);
        }
    }
    int over = total - available;
    for (const int logical : std::as_const(m_rules.flexible)) {
        if (over <= 0)
            break;
        if (!widths.contains(logical))
            continue;
        const int give = std::clamp(widths.value(logical) - floorOf(logical), 0, over);
        widths[logical] -= give;
        over -= give;
    }
    int last = -1;
    for (const int logical : std::as_const(columns)) {
        if (widths.contains(logical))
            last = logical;
    }
    if (last >= 0 && over < 0)
        widths[last] -= over; // the room left over
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        m_header->resizeSection(it.key(), it.value());
    m_fitting = false;
}
