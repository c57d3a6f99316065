#include "ui/common/screenfit.h"

#include "ui/common/scrollingform.h"

#include <QEvent>
#include <QLayout>
#include <QScreen>
#include <QStyle>
#include <QWidget>
#include <QWindow>

namespace {

// The frame's thickness on each side: the window's own once it is mapped; before that the
// frame of the window it belongs to (as QDialog::adjustPosition estimates it), else a title
// bar and a thin border.
QMargins frameOf(const QWidget *window)
{
    const auto frame = [](const QWidget *w) {
        const QRect outer = w->frameGeometry();
        const QRect inner = w->geometry();
        return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
            outer.right() - inner.right(), outer.bottom() - inner.bottom());
    };
    if (window->isVisible() && window->frameGeometry() != window->geometry())
        return frame(window);
    if (const QWidget *parent = window->parentWidget()) {
        const QWidget *top = parent->window();
        if (top->isVisible() && top->frameGeometry() != top->geometry())
            return frame(top);
    }
    const int border = 4;
    const int title = qMax(window->style()->pixelMetric(QStyle::PM_TitleBarHeight),
        window->fontMetrics().height() + 2 * border);
    return {border, title + border, border, border};
}

} // namespace

ScreenFit::ScreenFit(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    window->installEventFilter(this);
}

void ScreenFit::keep(QWidget *window)
{
    if (!window->findChild<ScreenFit *>(QString(), Qt::FindDirectChildrenOnly))
        new ScreenFit(window);
}

QRect ScreenFit::availableFor(const QWidget *window)
{
    QScreen *screen = nullptr;
    if (window->windowHandle())
        screen = window->windowHandle()->screen();
    if (!screen && window->parentWidget())
        screen = window->parentWidget()->window()->screen();
    if (!screen)
        screen = window->screen();
    return screen ? screen->availableGeometry() : QRect();
}

QSize ScreenFit::roomFor(const QWidget *window)
{
    const QRect available = availableFor(window);
    return available.isValid() ? available.marginsRemoved(frameOf(window)).size() : QSize();
}

void ScreenFit::fitInto(QWidget *window, const QRect &available)
{
    if (!available.isValid())
        return;
    const QMargins frame = frameOf(window);
    const QSize room = available.marginsRemoved(frame).size();
    // Never below what the layout needs: a window that cannot fit still shows its form.
    window->setMaximumSize(room.expandedTo(window->minimumSize()));
    // As tall as its form wants at the width it has, where there is room: sized before the
    // width was known, a form with wrapped lines scrolled on an empty screen.
    if (QLayout *layout = window->layout()) {
        for (ScrollingForm *form : window->findChildren<ScrollingForm *>())
            form->updateGeometry();
        layout->activate();
        const int wanted = layout->hasHeightForWidth()
            ? layout->totalHeightForWidth(window->width())
            : layout->totalSizeHint().height();
        if (wanted > window->height())
            window->resize(window->width(), qMin(wanted, room.height()));
    }
    if (window->width() > room.width() || window->height() > room.height())
        window->resize(window->size().boundedTo(room));
    // Not on screen yet (this is its Show event): QDialog centres it within the screen next.
    // Moved here, it would keep the position a hidden window has.
    if (!window->isVisible() || !window->testAttribute(Qt::WA_Mapped))
        return;
    QRect outer = window->geometry().marginsAdded(frame);
    if (available.contains(outer))
        return;
    outer.moveRight(qMin(outer.right(), available.right()));
    outer.moveBottom(qMin(outer.bottom(), available.bottom()));
    outer.moveLeft(qMax(outer.left(), available.left()));
    outer.moveTop(qMax(outer.top(), available.top()));
    window->move(outer.topLeft()); // move() places the frame's top-left corner
}

void ScreenFit::fit()
{
    fitInto(m_window, availableFor(m_window));
}

void ScreenFit::watchScreen()
{
    QWindow *handle = m_window->windowHandle();
    if (m_watching || !handle)
        return;
    m_watching = true;
    const auto follow = [this](QScreen *screen) {
        if (screen)
            connect(screen, &QScreen::availableGeometryChanged, this, &ScreenFit::fit,
                Qt::UniqueConnection);
        fit();
    };
    connect(handle, &QWindow::screenChanged, this, follow);
    if (handle->screen())
        connect(handle->screen(), &QScreen::availableGeometryChanged, this, &ScreenFit::fit,
            Qt::UniqueConnection);
}

bool ScreenFit::eventFilter(QObject *watched, QEvent *event)
{
    // Before QDialog::showEvent, which centres the window on its parent within the screen.
    if (watched == m_window && event->type() == QEvent::Show) {
        fit();
        watchScreen();
    }
    return QObject::eventFilter(watched, event);
}
