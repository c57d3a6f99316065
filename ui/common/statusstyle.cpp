#include "ui/common/statusstyle.h"

#include "core/domain/runlabels.h"
#include "core/domain/runstatus.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace StatusStyle {

namespace {

// This file's user-visible strings, in the "StatusStyle" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(StatusStyle)
};

// `onSelection`: on a white disc, for a selected row, where the selection colour swallowed the
// running ring (teal on blue).
QPixmap paint(JobState state, int size, bool onSelection = false)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (onSelection) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QRectF(0, 0, size, size));
    }
    const QColor fill = color(state);
    painter.setPen(QPen(fill.darker(130), size / 16.0));
    painter.setBrush(fill);
    const QRectF box(size * 0.1, size * 0.1, size * 0.8, size * 0.8);
    switch (state) {
    case JobState::Stuck:
    case JobState::Error: { // a warning triangle
        QPainterPath path;
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.bottomRight());
        path.lineTo(box.bottomLeft());
        path.closeSubpath();
        painter.drawPath(path);
        break;
    }
    case JobState::Running: // a ring with a dot: busy
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(fill, size / 6.0));
        painter.drawEllipse(box.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05));
        painter.setBrush(fill);
        painter.drawEllipse(box.center(), size * 0.12, size * 0.12);
        break;
    case JobState::Overdue: // a square: waiting too long
        painter.drawRect(box.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05));
        break;
    case JobState::DueNow: // a diamond
    {
        QPainterPath path;
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.right(), box.center().y());
        path.lineTo(box.center().x(), box.bottom());
        path.lineTo(box.left(), box.center().y());
        path.closeSubpath();
        painter.drawPath(path);
        break;
    }
    case JobState::Disabled:
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(fill, size / 8.0));
        painter.drawEllipse(box);
        break;
    case JobState::Pending:
    case JobState::Success:
        painter.drawEllipse(box);
        break;
    }
    return pixmap;
}

} // namespace

QString label(JobState state)
{
    switch (state) {
    case JobState::Disabled:
        return Text::tr("disabled");
    case JobState::Pending: // the words of a run's status, as in history and runs
        return RunLabels::status(RunStatus::Pending);
    case JobState::DueNow:
        return Text::tr("due now");
    case JobState::Running:
        return RunLabels::status(RunStatus::Running);
    case JobState::Stuck:
        return Text::tr("stuck");
    case JobState::Overdue:
        return Text::tr("overdue");
    case JobState::Success:
        return RunLabels::status(RunStatus::Success);
    case JobState::Error:
        return RunLabels::status(RunStatus::Error);
    }
    return {};
}

QColor color(JobState state)
{
    switch (state) {
    case JobState::Disabled:
        return QColor(0x8c, 0x8c, 0x8c);
    case JobState::Pending:
        return QColor(0x3d, 0x7e, 0xc9);
    case JobState::DueNow:
        return QColor(0xd0, 0x8a, 0x00);
    case JobState::Running:
        return QColor(0x17, 0x9c, 0xb0);
    case JobState::Stuck:
        return QColor(0xe0, 0x5a, 0x1e);
    case JobState::Overdue:
        return QColor(0x8e, 0x44, 0xad);
    case JobState::Success:
        return QColor(0x2f, 0x9e, 0x44);
    case JobState::Error:
        return QColor(0xd6, 0x33, 0x3a);
    }
    return {};
}

QIcon icon(JobState state)
{
    static QHash<int, QIcon> cache;
    const int key = int(state);
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;
    QIcon icon;
    for (const int size : {16, 24, 32}) {
        icon.addPixmap(paint(state, size));
        icon.addPixmap(paint(state, size, true), QIcon::Selected);
    }
    cache.insert(key, icon);
    return icon;
}

QColor errorText(const QColor &background)
{
    return background.lightness() < 128 ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

int severity(JobState state)
{
    switch (state) {
    case JobState::Stuck:
        return 0;
    case JobState::Error:
        return 1;
    case JobState::Overdue:
        return 2;
    case JobState::Running:
        return 2;
    case JobState::DueNow:
        return 3;
    case JobState::Pending:
        return 4;
    case JobState::Success:
        return 5;
    case JobState::Disabled:
        return 6;
    }
    return 7;
}

} // namespace StatusStyle
