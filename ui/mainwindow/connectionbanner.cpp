#include "ui/mainwindow/connectionbanner.h"

#include <QHBoxLayout>
#include <QLabel>

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A fixed amber with dark text: the pair reads the same on light and dark palettes.
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xf6, 0xc3, 0x44));
    colours.setColor(QPalette::WindowText, QColor(0x2b, 0x22, 0x00));
    setPalette(colours);
    // As tall as its text, never more (a maximized window gave it ~250 px).
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label);
    hide();
}

void ConnectionBanner::showMessage(const QString &title, const QString &detail)
{
    m_label->setText(detail.isEmpty() ? title : title + QLatin1String("  ") + detail);
    show();
}

QString ConnectionBanner::text() const
{
    return m_label->text();
}
