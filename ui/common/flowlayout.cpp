#include "ui/common/flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{ }

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addWidget(QWidget *widget, int stretch)
{
    addChildWidget(widget);
    m_entries.append({new QWidgetItem(widget), stretch});
    invalidate();
}

void FlowLayout::addLayout(QLayout *layout, int stretch)
{
    addChildLayout(layout);
    m_entries.append({layout, stretch});
    invalidate();
}

void FlowLayout::addLineBreak()
{
    if (!m_entries.isEmpty())
        m_entries.last().breakAfter = true;
    invalidate();
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_entries.append({item});
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_entries.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries.at(index).item : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_entries.size())
        return nullptr;
    const Entry entry = m_entries.takeAt(index);
    if (entry.breakAfter && index > 0) // the line still breaks where it did
        m_entries[index - 1].breakAfter = true;
    invalidate();
    return entry.item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

int FlowLayout::heightFor(int width) const
{
    if (width != m_cachedWidth) {
        int lines = 0;
        m_cachedHeight = arrange(QRect(0, 0, width, 0), false, &lines);
        m_cachedWidth = width;
    }
    return m_cachedHeight;
}

int FlowLayout::naturalWidth() const
{
    int widest = 0;
    int line = -1; // -1: no item on the line yet
    for (const Entry &entry : m_entries) {
        if (!entry.item->isEmpty()) {
            const int width = itemSize(entry.item).width();
            line = line < 0 ? width : line + horizontalSpacing() + width;
            widest = std::max(widest, line);
        }
        if (entry.breakAfter)
            line = -1;
    }
    const QMargins margins = contentsMargins();
    return widest + margins.left() + margins.right();
}

int FlowLayout::currentHeight() const
{
    return heightFor(m_width >= 0 ? m_width : naturalWidth());
}

QSize FlowLayout::minimumSize() const
{
    int widest = 0;
    for (const Entry &entry : m_entries) {
        if (!entry.item->isEmpty())
            widest = std::max(widest, itemSize(entry.item).width());
    }
    const QMargins margins = contentsMargins();
    return {widest + margins.left() + margins.right(), currentHeight()};
}

QSize FlowLayout::sizeHint() const
{
    return {naturalWidth(), currentHeight()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    const int before = currentHeight();
    m_width = rect.width();
    arrange(rect, true, &m_lineCount);
    // Another number of lines: the parent lays out again with the new minimum height (posted,
    // so not from inside its own pass).
    if (currentHeight() != before)
        invalidate();
}

void FlowLayout::invalidate()
{
    m_cachedWidth = -1;
    QLayout::invalidate();
}

QSize FlowLayout::itemSize(const QLayoutItem *item)
{
    return item->sizeHint().expandedTo(item->minimumSize()).boundedTo(item->maximumSize());
}

int FlowLayout::horizontalSpacing() const
{
    const int spacing = QLayout::spacing(); // set, or the style's (-1: per control pair)
    if (spacing >= 0)
        return spacing;
    const QWidget *widget = parentWidget();
    return widget ? widget->style()->layoutSpacing(
               QSizePolicy::DefaultType, QSizePolicy::DefaultType, Qt::Horizontal, nullptr, widget)
                  : 6;
}

int FlowLayout::verticalSpacing() const
{
    const QWidget *widget = parentWidget();
    if (!widget)
        return std::max(QLayout::spacing(), 0);
    const int spacing
        = widget->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, widget);
    return spacing >= 0 ? spacing
                        : widget->style()->layoutSpacing(QSizePolicy::DefaultType,
                            QSizePolicy::DefaultType, Qt::Vertical, nullptr, widget);
}

int FlowLayout::arrange(const QRect &rect, bool apply, int *lines) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int across = horizontalSpacing();
    const int down = verticalSpacing();
    const bool mirrored = parentWidget() && parentWidget()->isRightToLeft();
    QList<int> line; // indexes into m_entries
    int used = 0;
    int lineHeight = 0;
    int y = area.y();
    *lines = 0;

    const auto place = [&] {
        int stretches = 0;
        for (const int index : std::as_const(line))
            stretches += m_entries.at(index).stretch;
        int spare = std::max(area.width() - used, 0);
        int x = area.x();
        for (const int index : std::as_const(line)) {
            const Entry &entry = m_entries.at(index);
            int width = itemSize(entry.item).width();
            if (stretches > 0 && entry.stretch > 0) {
                // The last stretching item takes what rounding left.
                const int extra
                    = entry.stretch == stretches ? spare : spare * entry.stretch / stretches;
                width = std::min(width + extra, entry.item->maximumSize().width());
                spare -= extra;
                stretches -= entry.stretch;
            }
            QRect cell(x, y, width, lineHeight);
            if (mirrored)
                cell.moveLeft(area.left() + area.right() - cell.right());
            if (apply)
                entry.item->setGeometry(cell);
            x += width + across;
        }
    };
    const auto endLine = [&] {
        if (line.isEmpty())
            return;
        place();
        y += lineHeight + down;
        ++*lines;
        line.clear();
        used = 0;
        lineHeight = 0;
    };

    bool breakPending = false;
    for (int index = 0; index < m_entries.size(); ++index) {
        const Entry &entry = m_entries.at(index);
        if (!entry.item->isEmpty()) {
            const QSize size = itemSize(entry.item);
            // An item wider than the whole line still gets a line (minimumSize prevents it).
            if (!line.isEmpty() && (breakPending || used + across + size.width() > area.width()))
                endLine();
            breakPending = false;
            used = line.isEmpty() ? size.width() : used + across + size.width();
            lineHeight = std::max(lineHeight, size.height());
            line.append(index);
        }
        if (entry.breakAfter)
            breakPending = true;
    }
    endLine();
    const QMargins margins = contentsMargins();
    const int height = *lines > 0 ? y - down - area.y() : 0;
    return height + margins.top() + margins.bottom();
}
