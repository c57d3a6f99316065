#pragma once

#include "core/client/jobaction.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class DialogSubmission;
class JobActions;
class JobClient;
class JobTableModel;
class JobsView;
class QWidget;

// What each job action does: opens its dialog (never blocking), sends the action to the
// client with the version of the row the user saw, and reports the server's answer.
class JobActionController final : public QObject {
    Q_OBJECT
public:
    JobActionController(JobActions *actions, JobsView *view, JobTableModel *model, QWidget *window);
    Q_DISABLE_COPY_MOVE(JobActionController)

    void setClient(JobClient *client);

signals:
    void statusMessage(const QString &message);
    // An action finished (successfully or not); tests wait on it.
    void actionFinished(bool ok, const QString &message);

private:
    void setActiveOnSelection(bool active);
    void runNow();
    void changeSchedule();
    void reset();
    void newJob();
    void deleteJob();
    void editJob();
    // From a dialog (`from`): it stays open until the answer, and keeps its input on an error
    // the admin can act on there (DialogSubmission).
    // `then`, when given, runs on success instead of closing `from` (a second action follows).
    void perform(const JobAction &action, const QString &what, const QString &done,
        DialogSubmission *from = nullptr,
        std::function<void(const ActionOutcome &)> then = nullptr);
    // The policy group's change (issue 17) after the dialog's own action; a message box on error.
    void performPolicy(const QString &name, const PolicyChange &policy);
    // One action per job of a multi-selection, and one message naming them all when the last
    // answer is in. `what` names the action for a list of jobs ("Resetting a and b"): all of
    // them, or on failure only those that failed. `done` says it of the names that changed (a
    // list in the UI language) and their count (for the plural).
    using WhatText = std::function<QString(const QString &names)>;
    using DoneText = std::function<QString(const QString &names, int count)>;
    void performAll(const QList<JobAction> &actions, const WhatText &what, const DoneText &done);

    JobActions *m_actions;
    JobsView *m_view;
    JobTableModel *m_model;
    QWidget *m_window;
    QPointer<JobClient> m_client;
    std::optional<QSet<QString>> m_runnerJobs; // jobs of the runners that are up, once known
};
