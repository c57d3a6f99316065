#pragma once

#include "core/client/durationpoints.h"

#include <QChartView>
#include <QList>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// Durations of one job's recent runs over time: a line through every execution, failed runs
// marked by a second series in the error colour (and a different shape, for colour-blind users).
class DurationChart final : public QChartView {
    Q_OBJECT
public:
    explicit DurationChart(QWidget *parent = nullptr);

    // The job's executions (DurationPoints), any order. Empty `job`: nothing selected.
    void setRuns(const QString &job, const QList<DurationPoint> &points);

    QLineSeries *durationSeries() const { return m_durations; }
    QScatterSeries *errorSeries() const { return m_errors; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void followPalette(); // a dark chart on a dark palette
    // The time axis' format, title and tick count for its range and width: whole labels.
    void fitTimeAxis();
    void fitSecondsLabels();
    // The chart height at which time labels of `labelLines` lines, the axis title and the
    // legend fit.
    double neededHeight(int labelLines) const;
    QLineSeries *m_durations;
    QScatterSeries *m_errors;
    QDateTimeAxis *m_time;
    QValueAxis *m_seconds;
    bool m_fitting = false;
};
