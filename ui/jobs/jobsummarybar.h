#pragma once

#include "core/domain/job.h"

#include <QHash>
#include <QWidget>

#include <optional>

class JobTableModel;
class QTimer;
class QToolButton;

// What needs attention, in one line above the job table: how many jobs are failing, stuck,
// overdue, running, due and disabled. A click shows only those jobs; a second click shows all
// again.
class JobSummaryBar final : public QWidget {
    Q_OBJECT
public:
    explicit JobSummaryBar(JobTableModel *model, QWidget *parent = nullptr);

    // The states the bar counts, in its order.
    static QList<JobState> states();
    int count(JobState state) const { return m_counts.value(int(state)); }
    QToolButton *button(JobState state) const { return m_buttons.value(int(state)); }
    std::optional<JobState> selected() const { return m_selected; }
    void clearSelection();

signals:
    // The state to show alone, or none: every job.
    void stateFilterChanged(std::optional<JobState> state);

private:
    void recount();
    void updateButtons();

    JobTableModel *m_model;
    QHash<int, QToolButton *> m_buttons;
    QHash<int, int> m_counts;
    std::optional<JobState> m_selected;
    QTimer *m_recount; // coalesces the model's changes (ticks, loads) into one count
};
