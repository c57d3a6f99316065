#include "ui/mainwindow/elidingstatusbar.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOption>

ElidingStatusBar::ElidingStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    connect(this, &QStatusBar::messageChanged, this, [this](const QString &message) {
        setToolTip(message); // whole, however narrow the window is
    });
}

QRect ElidingStatusBar::messageRect() const
{
    // As QStatusBar lays it out: from 6 px to the first permanent widget in sight.
    int right = width() - 12;
    for (const QWidget *child : findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (child->isVisible() && child->x() > 6)
            right = std::min(right, child->x() - 1);
    }
    return QRect(6, 0, std::max(0, right - 6), height());
}

QString ElidingStatusBar::shownMessage() const
{
    return fontMetrics().elidedText(currentMessage(), Qt::ElideRight, messageRect().width());
}

void ElidingStatusBar::paintEvent(QPaintEvent *event)
{
    const QString message = currentMessage();
    if (message.isEmpty()) {
        QStatusBar::paintEvent(event);
        return;
    }
    // QStatusBar's own painting with an elided message; the permanent items' frames as it
    // draws them.
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &option, &painter, this);
    painter.setPen(palette().windowText().color());
    painter.drawText(
        messageRect(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine, shownMessage());
}
