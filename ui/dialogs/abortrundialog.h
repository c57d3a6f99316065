#pragma once

#include <QDialog>

struct RunRecord;
class QDialogButtonBox;
class QLineEdit;

// Abort run's confirmation: which run, on which runner, for how long, and an optional reason
// for the audit log. Its buttons say what they do: Abort run / Keep it running.
class AbortRunDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AbortRunDialog(const RunRecord &run, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AbortRunDialog)

    QString reason() const;
    QLineEdit *reasonField() const { return m_reason; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};
