#pragma once

#include "core/util/result.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class Schedule;
struct Job;

// The schedule part of the schedule and new-job dialogs: every N whole hours, or a cron
// expression in a time zone, validated on every edit with Schedule's own message and a preview
// of the next runs in the chosen zone (and in the admin's own, when it differs). An interval
// job that never ran is previewed as the seed runs it: at once.
class ScheduleEditor final : public QWidget {
    Q_OBJECT
public:
    // `now`: the session clock's, so the preview agrees with the countdowns.
    explicit ScheduleEditor(const QDateTime &now, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ScheduleEditor)

    static constexpr int previewCount = 5;

    // Also whether the job ran before: the seed runs an interval job that never ran at once.
    void setJob(const Job &job);
    // The preview counts from here (the table's clock, so it agrees with the countdowns).
    void setNow(const QDateTime &now);
    void setHours(int hours);
    void setCron(const QString &expression, const QString &zone);

    bool isCron() const;
    int hours() const;
    QString expression() const;
    QString zoneId() const;
    Result<Schedule> schedule() const;
    bool isValid() const { return m_valid; }
    // What validation said: empty when valid.
    QString errorText() const;
    QStringList previewLines() const { return m_previewLines; }

    QRadioButton *intervalChoice() const { return m_intervalChoice; }
    QRadioButton *cronChoice() const { return m_cronChoice; }
    QSpinBox *hoursField() const { return m_hours; }
    QLineEdit *expressionField() const { return m_expression; }
    QComboBox *zoneField() const { return m_zone; }

signals:
    void validityChanged(bool valid);

private:
    void validate();
    void showError(const QString &message);

    QDateTime m_now;
    QRadioButton *m_intervalChoice;
    QRadioButton *m_cronChoice;
    QSpinBox *m_hours;
    QLineEdit *m_expression;
    QComboBox *m_zone;
    QLabel *m_error;
    QLabel *m_preview;
    QStringList m_previewLines;
    bool m_valid = false;
    bool m_neverRan = true; // a new job, until setJob() says otherwise
};
