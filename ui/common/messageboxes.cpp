#include "common/messageboxes.h"

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
