#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

// Every message the console shows goes through here, never blocking: the box opens window-
// modal and deletes itself. Tests switch to recording, so no box ever waits for a click.
class MessageBoxes final {
public:
    struct Shown {
        QMessageBox::Icon icon = QMessageBox::NoIcon;
        QString title;
        QString text;
    };

    MessageBoxes() = delete;

    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void critical(QWidget *parent, const QString &title, const QString &text);
    static void about(QWidget *parent, const QString &title, const QString &text);
    // A yes/no question; `onYes` runs (later, on this thread) only if the user agrees. `yesText`
    // names what agreeing does. While recording, the question is recorded and not answered.
    static void question(QWidget *parent, const QString &title, const QString &text,
        const QString &yesText, std::function<void()> onYes);

    // Tests: record instead of showing.
    static void setRecording(bool recording);
    static QList<Shown> recorded();
    static void clearRecorded();

private:
    static void show(
        QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);
};
