#pragma once

#include "core/domain/historyentry.h"
#include "core/domain/job.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class ElidingLabel;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;

// The selected job in full: state, runner and lease, the last error, the last result JSON
// pretty-printed, and its recent history.
class JobDetailsView final : public QWidget {
    Q_OBJECT
public:
    explicit JobDetailsView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(JobDetailsView)

    void setJob(const std::optional<Job> &job, const QDateTime &now);
    // `now`: the session clock's, for the "ago" column.
    void setHistory(const QList<HistoryEntry> &entries, const QDateTime &now);
    void setHistoryError(const QString &message);

    // What is shown, for tests.
    QString resultText() const;
    QString errorText() const;
    QString runnerText() const;

    // The last error a result carries ("error", "erro", "message", …), or empty.
    static QString errorFromResult(const QByteArray &json);
    static QString prettyJson(const QByteArray &json);

private:
    void refreshHistoryTimes(const QDateTime &now);

    QLabel *m_title;
    ElidingLabel *m_state;
    ElidingLabel *m_schedule;
    ElidingLabel *m_lastRun;
    ElidingLabel *m_nextRun;
    ElidingLabel *m_runner;
    ElidingLabel *m_lease;
    ElidingLabel *m_error;
    QPlainTextEdit *m_result;
    QTreeWidget *m_history;
};
