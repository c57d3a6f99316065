#include "ui/common/elidinglabel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>

namespace {

constexpr int minimumChars = 12; // enough to tell "postgresql:…" from "sqlite:…"

} // namespace

ElidingLabel::ElidingLabel(QWidget *parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidingLabel::setFullText(const QString &text)
{
    if (text == m_fullText)
        return;
    m_fullText = text;
    // For accessibility and QLabel's own bookkeeping (its size); painting is ours, on one line
    // (an error message may have several).
    setText(QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    updateToolTip();
    updateGeometry();
    update();
}

void ElidingLabel::setElideMode(Qt::TextElideMode mode)
{
    m_elideMode = mode;
    update();
}

void ElidingLabel::makeCopyable()
{
    if (m_copy)
        return;
    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copy, &QAction::triggered, this,
        [this] { QGuiApplication::clipboard()->setText(m_fullText); });
    addAction(m_copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    setFocusPolicy(Qt::ClickFocus);
}

void ElidingLabel::setExtraToolTip(const QString &text)
{
    m_extraToolTip = text;
    updateToolTip();
}

void ElidingLabel::updateToolTip()
{
    QStringList parts;
    if (!m_fullText.isEmpty())
        parts << m_fullText;
    if (!m_extraToolTip.isEmpty())
        parts << m_extraToolTip;
    setToolTip(parts.join(QLatin1Char('\n')));
}

QString ElidingLabel::shownText() const
{
    return fontMetrics().elidedText(text(), m_elideMode, contentsRect().width());
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QSize whole = QLabel::minimumSizeHint();
    const int narrow = fontMetrics().averageCharWidth() * minimumChars;
    return {std::min(whole.width(), narrow + contentsMargins().left() + contentsMargins().right()),
        whole.height()};
}

QSize ElidingLabel::sizeHint() const
{
    return QLabel::sizeHint();
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()), option.palette, isEnabled(),
        shownText(), foregroundRole());
}
