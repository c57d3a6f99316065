#include "ui/common/scrollingform.h"

#include <QApplication>
#include <QEvent>
#include <QLayout>
#include <QStyle>

namespace {
// Short enough for any screen, tall enough that a scrolled form still shows a few rows.
constexpr int minimumLines = 5;
} // namespace

ScrollingForm::ScrollingForm(QWidget *content, QWidget *parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("scrollingForm"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setWidgetResizable(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setFocusPolicy(Qt::NoFocus); // Tab goes from field to field, not to the area
    // Painted as the dialog, not as a view: the form looks the same scrolled or not.
    setBackgroundRole(QPalette::Window);
    viewport()->setAutoFillBackground(false);
    Q_ASSERT(content->layout());
    content->layout()->setContentsMargins(0, 0, 0, 0);
    setWidget(content);
    content->setAutoFillBackground(false); // setWidget() turned it on
    // A message shown or hidden in the form changes what the dialog should be given.
    content->installEventFilter(this);
    // A field reached by its mnemonic or by a click on its label comes into view too (Tab
    // already scrolls to it).
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && widget() && widget()->isAncestorOf(now))
            ensureWidgetVisible(now);
    });
}

QSize ScrollingForm::sizeHint() const
{
    const QWidget *content = widget();
    if (!content)
        return QScrollArea::sizeHint();
    const int frame = 2 * frameWidth();
    QSize hint = content->sizeHint();
    // Word-wrapped labels: the height at the width the form has once laid out.
    if (content->hasHeightForWidth()) {
        const int formWidth
            = testAttribute(Qt::WA_Resized) || isVisible() ? viewport()->width() : hint.width();
        hint.setHeight(
            content->heightForWidth(qMax(formWidth, content->minimumSizeHint().width())));
    }
    return hint + QSize(frame, frame);
}

QSize ScrollingForm::minimumSizeHint() const
{
    const QWidget *content = widget();
    if (!content)
        return QScrollArea::minimumSizeHint();
    const int frame = 2 * frameWidth();
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const int minWidth = content->minimumSizeHint().width() + bar + frame;
    const int minHeight
        = qMin(content->minimumSizeHint().height(), fontMetrics().lineSpacing() * minimumLines)
        + frame;
    return {minWidth, minHeight};
}

bool ScrollingForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}
