#include "ui/common/readableindicatorstyle.h"

#include <QApplication>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

ReadableIndicatorStyle::ReadableIndicatorStyle()
    : QProxyStyle(QStyleFactory::create(QApplication::style()->name()))
{ }

QColor ReadableIndicatorStyle::outlineFor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    if (window.lightnessF() >= 0.5)
        return {};
    // Two thirds of the way from the window to the text: about 5:1 on the usual dark schemes.
    const QColor text = palette.color(QPalette::WindowText);
    const auto mix = [](float a, float b) { return a + (b - a) * 2.0f / 3.0f; };
    return QColor::fromRgbF(mix(window.redF(), text.redF()), mix(window.greenF(), text.greenF()),
        mix(window.blueF(), text.blueF()));
}

void ReadableIndicatorStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
    QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
    if ((!box && element != PE_IndicatorRadioButton) || !option)
        return;
    const QColor outline = outlineFor(option->palette);
    if (!outline.isValid())
        return;
    QColor pen = outline;
    if (!(option->state & State_Enabled))
        pen.setAlphaF(0.5f);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(pen, 1));
    painter->setBrush(Qt::NoBrush);
    // Over the style's own outline, on the same pixels (Fusion's indicator fills its rect).
    const QRectF rect = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (box)
        painter->drawRoundedRect(rect, 1, 1);
    else
        painter->drawEllipse(rect);
    painter->restore();
}

void ReadableIndicatorStyle::install()
{
    QApplication::setStyle(new ReadableIndicatorStyle);
}
