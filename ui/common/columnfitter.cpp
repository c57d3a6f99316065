#include "ui/common/columnfitter.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QHeaderView>

#include <algorithm>

ColumnFitter *ColumnFitter::attach(QAbstractScrollArea *view, QHeaderView *header)
{
    return new ColumnFitter(view, header);
}

ColumnFitter::ColumnFitter(QAbstractScrollArea *view, QHeaderView *header)
    : QObject(view)
    , m_view(view)
    , m_header(header)
{
    for (int section = 0; section < header->count(); ++section)
        m_preferred << header->sectionSize(section);
    header->setStretchLastSection(true);
    view->viewport()->installEventFilter(this);
    // A column added later (a model reset) keeps the width it is given then.
    connect(header, &QHeaderView::sectionCountChanged, this, [this](int, int count) {
        while (m_preferred.size() < count)
            m_preferred << m_header->defaultSectionSize();
        fit();
    });
    fit();
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    int last = -1;
    int total = 0;
    for (int section = 0; section < m_header->count() && section < m_preferred.size(); ++section) {
        if (m_header->isSectionHidden(section))
            continue;
        total += m_preferred.at(section);
    }
    for (int visual = m_header->count() - 1; visual >= 0 && last < 0; --visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            last = logical;
    }
    const int available = m_view->viewport()->width();
    // The stretched last section never gets narrower than the header's default size: the
    // others share what is left beside that.
    const int lastRoom = std::max(m_header->defaultSectionSize(), m_header->minimumSectionSize());
    const int others = last >= 0 ? total - m_preferred.at(last) : total;
    const int room = std::max(0, available - lastRoom);
    const double scale
        = others + lastRoom > available && others > 0 ? std::min(1.0, double(room) / others) : 1.0;
    for (int section = 0; section < m_header->count() && section < m_preferred.size(); ++section) {
        if (m_header->isSectionHidden(section) || section == last)
            continue;
        m_header->resizeSection(section,
            std::max(m_header->minimumSectionSize(), int(m_preferred.at(section) * scale)));
    }
    m_fitting = false;
}
