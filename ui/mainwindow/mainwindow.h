#pragma once

#include <QMainWindow>

class QLabel;

// Wires actions and panels; holds no SQL and does no database work itself.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &databaseLabel, QWidget *parent = nullptr);

private:
    QLabel *m_placeholder = nullptr;
};
