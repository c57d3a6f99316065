#pragma once

#include "core/domain/historyentry.h"

#include <QWidget>

class FlowLayout;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QHBoxLayout;
class QLineEdit;
class QTimer;

// The pane's filters: a date range (each end optional), an action (the success and error
// actions stand for the status), and free text. The job comes from the job table, not from here.
class HistoryFilterBar final : public QWidget {
    Q_OBJECT
public:
    explicit HistoryFilterBar(QWidget *parent = nullptr);

    // job stays empty: the panel fills it in.
    HistoryFilter filter() const;

    QCheckBox *sinceEnabled() const { return m_sinceEnabled; }
    QDateTimeEdit *sinceEdit() const { return m_since; }
    QCheckBox *untilEnabled() const { return m_untilEnabled; }
    QDateTimeEdit *untilEdit() const { return m_until; }
    QComboBox *actionCombo() const { return m_action; }
    QLineEdit *textField() const { return m_text; }
    // After the action and text fields, on their row while it has room (the pane's buttons).
    void addToSecondRow(QWidget *widget);

signals:
    void filterChanged();

private:
    QCheckBox *m_sinceEnabled;
    QDateTimeEdit *m_since;
    QCheckBox *m_untilEnabled;
    QDateTimeEdit *m_until;
    QComboBox *m_action;
    QLineEdit *m_text;
    QTimer *m_textDelay; // one query per pause in typing, not per key
    FlowLayout *m_layout;
    QHBoxLayout *m_buttons; // the pane's, kept together
};
