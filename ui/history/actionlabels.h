#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// The friendly names of tenant_logs actions, one list for the History filter and the Action
// column (which showed "cron_job_success" in both languages). The stored code stays in tooltips
// and in the CSV export.
class ActionLabels final {
    Q_DECLARE_TR_FUNCTIONS(ActionLabels)
public:
    struct Choice {
        QString label;
        QString action;
    };

    ActionLabels() = delete;

    // Every action the console and its runners write, in the filter's order.
    static QList<Choice> choices();
    // The friendly name of one row's `action` (a run in the singular); an action nobody here
    // writes (the platform's own) as is.
    static QString label(const QString &action);
};
