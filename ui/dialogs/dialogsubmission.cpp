#include "ui/dialogs/dialogsubmission.h"

#include "ui/common/scrollingform.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QBoxLayout>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

DialogSubmission::DialogSubmission(QDialog *dialog, QDialogButtonBox *buttons)
    : QObject(dialog)
    , m_dialog(dialog)
    , m_buttons(buttons)
    , m_error(new QLabel(dialog))
{
    m_error->setObjectName(QStringLiteral("submissionError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    // Just above the buttons, in whatever layout holds them.
    if (auto *box = qobject_cast<QBoxLayout *>(dialog->layout())) {
        const int at = box->indexOf(buttons);
        box->insertWidget(at < 0 ? box->count() : at, m_error);
    } else if (auto *form = qobject_cast<QFormLayout *>(dialog->layout())) {
        int row = -1;
        QFormLayout::ItemRole role;
        form->getWidgetPosition(buttons, &row, &role);
        form->insertRow(row < 0 ? form->rowCount() : row, m_error);
    }
    // The dialog's own "OK closes" goes; OK now sends and waits for the answer.
    QObject::disconnect(buttons, &QDialogButtonBox::accepted, dialog, nullptr);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
        if (m_pending || (ok && !ok->isEnabled()))
            return;
        setPending(true);
        emit submitted();
    });
}

void DialogSubmission::succeeded()
{
    setPending(false);
    m_dialog->accept();
}

void DialogSubmission::failed(const QString &message)
{
    setPending(false);
    m_error->setText(message);
    m_error->show();
    growToFit(m_dialog);
    watchEdits();
}

void DialogSubmission::watchEdits()
{
    // The message answers what was sent: once the admin changes the input it is stale ("the name
    // is taken" beside a name that is free). Connected once, at the first failure.
    if (m_watchingEdits)
        return;
    m_watchingEdits = true;
    const auto hide = [this] {
        if (!m_pending)
            m_error->hide();
    };
    for (QLineEdit *edit : m_dialog->findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textEdited, this, hide);
    for (QPlainTextEdit *edit : m_dialog->findChildren<QPlainTextEdit *>())
        connect(edit, &QPlainTextEdit::textChanged, this, hide);
    for (QComboBox *box : m_dialog->findChildren<QComboBox *>())
        connect(box, &QComboBox::activated, this, hide);
    for (QAbstractSpinBox *box : m_dialog->findChildren<QAbstractSpinBox *>())
        connect(box, &QAbstractSpinBox::editingFinished, this, hide);
    for (QAbstractButton *button : m_dialog->findChildren<QAbstractButton *>()) {
        if (button->isCheckable())
            connect(button, &QAbstractButton::clicked, this, hide);
    }
}

void DialogSubmission::growToFit(QWidget *dialog)
{
    QLayout *layout = dialog->layout();
    if (!layout)
        return;
    // A form's message changed its content's size; the area hears of it only later.
    for (ScrollingForm *form : dialog->findChildren<ScrollingForm *>())
        form->updateGeometry();
    layout->activate();
    // Held to the screen by ScreenFit's maximum: there the form scrolls instead.
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                                   : layout->totalSizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

void DialogSubmission::close()
{
    setPending(false);
    m_dialog->accept();
}

bool DialogSubmission::keepsInput(const Error &error, bool adding)
{
    switch (error.kind) {
    case Error::Kind::Connection:
    case Error::Kind::InvalidInput:
    case Error::Kind::PermissionDenied:
        return true;
    case Error::Kind::Conflict:
        return adding; // the name is taken; any other conflict is a stale row
    default:
        return false;
    }
}

void DialogSubmission::setPending(bool pending)
{
    // Disabling a focused OK moves the focus to Cancel: an Enter after the answer would throw
    // away what was typed. The focus goes back where it was (OK, or the field Enter came from).
    if (pending)
        m_focusBeforePending = m_dialog->focusWidget();
    m_pending = pending;
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (ok)
        ok->setEnabled(!pending);
    if (pending) {
        m_error->hide();
        return;
    }
    QWidget *back = m_focusBeforePending ? m_focusBeforePending.data() : ok;
    if (back && (!back->isEnabled() || !back->isVisible()))
        back = ok;
    if (back)
        back->setFocus(Qt::OtherFocusReason);
    m_focusBeforePending.clear();
}
