#include "ui/common/messageboxes.h"

#include <QPushButton>

namespace {

bool recording = false;
QList<MessageBoxes::Shown> shownBoxes;

} // namespace

void MessageBoxes::show(
    QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    if (recording) {
        shownBoxes.append({icon, title, text});
        return;
    }
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void MessageBoxes::information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Information, title, text);
}

void MessageBoxes::warning(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Warning, title, text);
}

void MessageBoxes::critical(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Critical, title, text);
}

void MessageBoxes::about(QWidget *parent, const QString &title, const QString &text)
{
    if (recording) {
        shownBoxes.append({QMessageBox::NoIcon, title, text});
        return;
    }
    auto *box = new QMessageBox(QMessageBox::NoIcon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(parent ? parent->windowIcon().pixmap(64) : QPixmap());
    box->setTextFormat(Qt::RichText);
    box->open();
}

void MessageBoxes::question(QWidget *parent, const QString &title, const QString &text,
    const QString &yesText, std::function<void()> onYes)
{
    if (recording) {
        shownBoxes.append({QMessageBox::Question, title, text});
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(yesText, QMessageBox::AcceptRole);
    box->setDefaultButton(yes);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
        [yes, onYes = std::move(onYes)](QAbstractButton *clicked) {
            if (clicked == yes && onYes)
                onYes();
        });
    box->open();
}

void MessageBoxes::setRecording(bool value)
{
    recording = value;
}

QList<MessageBoxes::Shown> MessageBoxes::recorded()
{
    return shownBoxes;
}

void MessageBoxes::clearRecorded()
{
    shownBoxes.clear();
}
