#include "ui/common/wrappingcheckbox.h"

#include <QStyleOptionButton>
#include <QStyleOptionFocusRect>
#include <QStylePainter>

namespace {
constexpr int textFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap | Qt::TextShowMnemonic;
// The width it asks for: a paragraph of about this many characters per line.
constexpr int preferredChars = 60;
constexpr int minimumChars = 20;
} // namespace

WrappingCheckBox::WrappingCheckBox(const QString &text, QWidget *parent)
    : QCheckBox(text, parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QRect WrappingCheckBox::indicatorRect() const
{
    const int w = style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, this);
    const int h = style()->pixelMetric(QStyle::PM_IndicatorHeight, nullptr, this);
    return {0, qMax(0, (fontMetrics().height() - h) / 2), w, h};
}

int WrappingCheckBox::textLeft() const
{
    return indicatorRect().width()
        + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, this);
}

QRect WrappingCheckBox::textRect(int width) const
{
    const QRect room(textLeft(), 0, qMax(1, width - textLeft()), QWIDGETSIZE_MAX);
    return fontMetrics().boundingRect(room, textFlags, text());
}

int WrappingCheckBox::heightForWidth(int width) const
{
    return qMax(indicatorRect().bottom() + 1, textRect(width).height()) + 2; // the focus frame
}

QSize WrappingCheckBox::sizeHint() const
{
    const int oneLine = fontMetrics().horizontalAdvance(text()) + 4;
    const int width = textLeft() + qMin(oneLine, fontMetrics().averageCharWidth() * preferredChars);
    return {width, heightForWidth(width)};
}

QSize WrappingCheckBox::minimumSizeHint() const
{
    const int oneLine = fontMetrics().horizontalAdvance(text()) + 4;
    const int width = textLeft() + qMin(oneLine, fontMetrics().averageCharWidth() * minimumChars);
    return {width, indicatorRect().bottom() + 1};
}

bool WrappingCheckBox::hitButton(const QPoint &pos) const
{
    return rect().contains(pos);
}

void WrappingCheckBox::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QStyleOptionButton option;
    initStyleOption(&option);
    option.rect = indicatorRect();
    painter.drawPrimitive(QStyle::PE_IndicatorCheckBox, option);
    const QRect text = textRect(width());
    style()->drawItemText(
        &painter, text, textFlags, palette(), isEnabled(), this->text(), QPalette::WindowText);
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = text.adjusted(-1, 0, 1, 1);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
    }
}
