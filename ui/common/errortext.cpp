#include "ui/common/errortext.h"

#include "ui/common/statusstyle.h"

#include <QEvent>
#include <QObject>
#include <QPalette>
#include <QWidget>

namespace ErrorText {

namespace {

const char errorProperty[] = "cronConsoleErrorText";
const char followedProperty[] = "cronConsoleErrorTextFollowed";

void follow(QWidget *widget)
{
    QPalette palette = widget->palette();
    const QColor wanted = StatusStyle::errorText(palette.color(QPalette::Window));
    // Equal: nothing to set, so the PaletteChange this causes ends here.
    if (palette.color(QPalette::WindowText) == wanted
        && palette.resolveMask() & (quint64(1) << QPalette::WindowText))
        return;
    palette.setColor(QPalette::WindowText, wanted);
    widget->setPalette(palette);
}

// Sets the red again after each palette change of the widget (the application's included).
class Follower final : public QObject {
public:
    explicit Follower(QWidget *widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = static_cast<QWidget *>(watched);
        if (event->type() == QEvent::PaletteChange && widget->property(errorProperty).toBool())
            follow(widget);
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void apply(QWidget *widget, bool error)
{
    // A property, not findChild: without Q_OBJECT, qobject_cast would match any child.
    if (!widget->property(followedProperty).toBool()) {
        widget->setProperty(followedProperty, true);
        new Follower(widget);
    }
    widget->setProperty(errorProperty, error);
    if (error) {
        follow(widget);
        return;
    }
    // The ordinary colour: WindowText resolved from the parent again.
    QPalette palette = widget->palette();
    palette.setResolveMask(palette.resolveMask() & ~(quint64(1) << QPalette::WindowText));
    widget->setPalette(palette);
}

} // namespace ErrorText
