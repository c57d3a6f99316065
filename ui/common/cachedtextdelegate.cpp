#include "ui/common/cachedtextdelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

// Texts kept: a screen of cells several times over (countdowns add new ones every second).
constexpr qsizetype cacheLimit = 4096;

CachedTextDelegate::CachedTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

const QStaticText &CachedTextDelegate::laidOut(const Key &key) const
{
    if (const auto found = m_cache.constFind(key); found != m_cache.cend())
        return *found;
    if (m_cache.size() >= cacheLimit)
        m_cache.clear();
    QStaticText text(QFontMetrics(key.font).elidedText(key.text, key.elide, key.width));
    text.setTextFormat(Qt::PlainText);
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), key.font);
    return *m_cache.insert(key, text);
}

void CachedTextDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    constexpr auto others = QStyleOptionViewItem::HasDecoration
        | QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::WrapText;
    if ((opt.features & others) || opt.text.contains(QChar::LineSeparator)
        || opt.text.contains(QLatin1Char('\n'))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    painter->save();
    painter->setClipRect(opt.rect);
    // Background, alternate row and selection, as the style draws them (CE_ItemViewItem).
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    // The text rectangle and colour of QCommonStyle's item view text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (!opt.text.isEmpty() && textRect.width() > 0) {
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
            : (opt.state & QStyle::State_Active)                                ? QPalette::Normal
                                                 : QPalette::Inactive;
        painter->setPen(opt.palette.color(group,
            (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        painter->setFont(opt.font);
        const QStaticText &text
            = laidOut({opt.text, opt.font, textRect.width(), opt.textElideMode});
        // As QCommonStyle places its text layout: vertically by whole pixels, horizontally at
        // the text's exact width (a right-aligned countdown ends where the style ends it).
        const QSizeF size = text.size();
        const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
        const QRect lines = QStyle::alignedRect(opt.direction, align & Qt::AlignVertical_Mask,
            QSize(textRect.width(), int(size.height())), textRect);
        const qreal spare = textRect.width() - size.width();
        const qreal x = lines.left()
            + ((align & Qt::AlignRight)          ? spare
                    : (align & Qt::AlignHCenter) ? spare / 2
                                                 : 0.0);
        painter->drawStaticText(QPointF(x, lines.top()), text);
    }
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = opt.palette.color(
            (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled,
            (opt.state & QStyle::State_Selected) ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
}
