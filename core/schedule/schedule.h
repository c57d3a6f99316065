#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

struct Job;

// When a job runs: every N whole hours (the seed's intervalo_horas), or a cron expression in an
// IANA time zone (Cron Console's addition). A value type; validated when made.
class Schedule final {
    Q_DECLARE_TR_FUNCTIONS(Schedule)
public:
    static Result<Schedule> interval(qint64 hours);
    // `zone` empty means UTC. Errors name the field, token and range, or the unknown zone.
    static Result<Schedule> cron(const QString &expression, const QString &zone);
    // The schedule a stored job follows (a broken stored expression falls back to its interval).
    static Schedule of(const Job &job);

    bool isCron() const { return !m_expression.isEmpty(); }
    int intervalHours() const { return m_intervalHours; }
    QString expression() const { return m_expression; }
    QString zoneId() const { return m_zoneId; } // empty for interval schedules
    QTimeZone zone() const;

    // The first run strictly after `after`: the next fire time, or `after` plus the interval.
    QDateTime nextAfter(const QDateTime &after) const;
    QList<QDateTime> nextRuns(const QDateTime &after, int count) const;
    // "every 12 h" or "0 3 * * 1-5 (America/Sao_Paulo)", for tables and logs.
    QString describe() const;

private:
    Schedule() = default;

    int m_intervalHours = 12;
    QString m_expression;
    QString m_zoneId;
};
