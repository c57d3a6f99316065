#include "ui/common/elidinglabel.h"

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
    setText(text); // for accessibility and QLabel's own bookkeeping; painting is ours
    updateToolTip();
    updateGeometry();
    update();
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
    return fontMetrics().elidedText(m_fullText, Qt::ElideMiddle, contentsRect().width());
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
