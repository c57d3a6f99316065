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
    // Drawn on one line (an error message may have several). Not through QLabel::setText: that
    // relaid out the whole window on every change, and the details pane's countdown changes
    // every second (each open console repainted the pane twice a second, issue 15). The layout
    // hears of it only when the size asked for changes.
    const QSize before = sizeHint();
    m_line = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    setAccessibleName(m_line);
    updateToolTip();
    if (sizeHint() != before)
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
    return fontMetrics().elidedText(m_line, m_elideMode, contentsRect().width());
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QSize whole = sizeHint();
    const QMargins margins = contentsMargins();
    const int narrow = fontMetrics().averageCharWidth() * minimumChars;
    return {std::min(whole.width(), narrow + margins.left() + margins.right()), whole.height()};
}

QSize ElidingLabel::sizeHint() const
{
    // What a one-line QLabel asks for: its text's advance and a line, inside its margins.
    const QFontMetrics metrics = fontMetrics();
    const QMargins margins = contentsMargins();
    const int m = 2 * margin();
    return {metrics.horizontalAdvance(m_line) + margins.left() + margins.right() + m,
        metrics.height() + margins.top() + margins.bottom() + m};
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()), option.palette, isEnabled(),
        shownText(), foregroundRole());
}
