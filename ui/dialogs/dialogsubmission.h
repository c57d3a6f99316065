#pragma once

#include "core/util/error.h"

#include <QObject>
#include <QPointer>

class QDialog;
class QDialogButtonBox;
class QLabel;
class QWidget;

// Keeps an action dialog open until the database has answered. OK (when enabled) emits
// submitted() instead of closing; then succeeded() closes the dialog, failed() keeps it open
// with what was typed and shows the message inline above the buttons until the input changes,
// and close() closes it after an error reported elsewhere (a message box).
class DialogSubmission final : public QObject {
    Q_OBJECT
public:
    // Becomes a child of `dialog`; takes over the OK of `buttons` from the dialog.
    DialogSubmission(QDialog *dialog, QDialogButtonBox *buttons);
    Q_DISABLE_COPY_MOVE(DialogSubmission)

    void succeeded();
    void failed(const QString &message);
    void close();

    bool isPending() const { return m_pending; }
    QLabel *errorLabel() const { return m_error; }

    // Errors the admin can act on in the dialog itself (an outage, a taken name, a bad
    // value): the input is worth keeping. A stale row or a refusal closes it (its snapshot of
    // the job is outdated) with a message box, as before.
    static bool keepsInput(const Error &error, bool adding);
    // Taller when a message appeared: word-wrapped labels are otherwise squeezed to a line.
    static void growToFit(QWidget *dialog);

signals:
    void submitted();

private:
    void setPending(bool pending);
    void watchEdits();

    QDialog *m_dialog;
    QDialogButtonBox *m_buttons;
    QLabel *m_error;
    bool m_pending = false;
    bool m_watchingEdits = false;
    QPointer<QWidget> m_focusBeforePending; // where the focus goes back after the answer
};
