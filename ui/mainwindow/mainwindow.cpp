#include "mainwindow/mainwindow.h"

#include <QLabel>

MainWindow::MainWindow(const QString &databaseLabel, QWidget *parent)
    : QMainWindow(parent)
    , m_placeholder(new QLabel(this))
{
    setWindowTitle(tr("Cron Console — %1").arg(databaseLabel));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setText(tr("The job table is not built yet. Use cronctl meanwhile."));
    setCentralWidget(m_placeholder);
    resize(1000, 640);
}
