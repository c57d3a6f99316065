#include "ui/actions/actionicons.h"

#include "ui/common/readableicon.h"

#include <QAction>
#include <QEvent>
#include <QWidget>

ActionIcons::ActionIcons(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    window->installEventFilter(this);
}

void ActionIcons::set(QAction *action, const QString &themeName, QStyle::StandardPixmap fallback)
{
    m_entries.append({action, themeName, fallback});
    apply(m_entries.constLast());
}

void ActionIcons::apply(const Entry &entry) const
{
    if (!entry.action)
        return;
    // A theme's icons are its designer's choice for its palettes: kept as they are.
    if (QIcon::hasThemeIcon(entry.themeName)) {
        entry.action->setIcon(QIcon::fromTheme(entry.themeName));
        return;
    }
    const QIcon stock = m_window->style()->standardIcon(entry.fallback, nullptr, m_window);
    entry.action->setIcon(ReadableIcon::on(stock, m_window->palette()));
}

bool ActionIcons::eventFilter(QObject *watched, QEvent *event)
{
    // PaletteChange comes for the application's palette too (after ApplicationPaletteChange).
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
    case QEvent::ThemeChange:
        for (const Entry &entry : std::as_const(m_entries))
            apply(entry);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
