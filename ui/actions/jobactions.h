#pragma once

#include "core/domain/job.h"

#include <QList>
#include <QObject>

class ActionIcons;
class QAction;
class QWidget;

// The console's job actions, shared by the toolbar, the menu bar and the context menu, and the
// one rule for when each applies.
class JobActions final : public QObject {
    Q_OBJECT
public:
    explicit JobActions(QWidget *parent);
    Q_DISABLE_COPY_MOVE(JobActions)

    QAction *enable() const { return m_enable; }
    QAction *disable() const { return m_disable; }
    QAction *runNow() const { return m_runNow; }
    QAction *changeSchedule() const { return m_changeSchedule; }
    QAction *reset() const { return m_reset; }
    QAction *newJob() const { return m_newJob; }
    QAction *deleteJob() const { return m_deleteJob; }
    QAction *editJob() const { return m_editJob; } // name and description
    QAction *refresh() const { return m_refresh; }
    QAction *runOnWorkstation() const { return m_runOnWorkstation; }

    // Actions that change the database.
    QList<QAction *> editActions() const;

    void update(const QList<Job> &selected, const QDateTime &now, bool connected, bool writable,
        const QString &readOnlyReason);

private:
    QAction *make(const QString &text, const QString &toolTip, const QKeySequence &shortcut,
        const QString &themeIcon, int fallbackIcon);

    ActionIcons *m_icons;
    QAction *m_enable;
    QAction *m_disable;
    QAction *m_runNow;
    QAction *m_changeSchedule;
    QAction *m_reset;
    QAction *m_newJob;
    QAction *m_deleteJob;
    QAction *m_editJob;
    QAction *m_refresh;
    QAction *m_runOnWorkstation;
};
