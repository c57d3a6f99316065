#pragma once

#include <QFrame>
#include <QPointer>

class JobClient;
class QAction;
class QLabel;
class QTimer;
struct PauseState;

// Pause all (issue 17): a strip above the table while every job is paused, in every console
// (it learns the state from the change feed and a slow poll), and the action that pauses or
// resumes, with a confirmation.
class PauseBanner final : public QFrame {
    Q_OBJECT
public:
    explicit PauseBanner(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PauseBanner)

    void setClient(JobClient *client);
    QAction *toggleAction() const { return m_toggle; }
    bool isPaused() const { return m_paused; }
    QString text() const;

private:
    void show(const PauseState &state);
    void toggle();

    QPointer<JobClient> m_client;
    QLabel *m_label;
    QAction *m_toggle;
    QTimer *m_poll;
    bool m_paused = false;
};
