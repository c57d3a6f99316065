#pragma once

#include <QLabel>

class QAction;

// A one-line label that asks for its whole text but takes less when the window is narrow, drawn
// with "…" (in the middle by default: a database URL or path keeps its start and its end), the
// whole text in the tooltip. A plain QLabel's minimum is its whole text: the status bar's
// connection label alone kept the window from being narrower than 890 px in Portuguese.
class ElidingLabel final : public QLabel {
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    // Where the "…" goes: the middle (default, for URLs and paths) or the end (a message).
    void setElideMode(Qt::TextElideMode mode);
    // A context menu and Ctrl+C with focus copy the whole text: a drawn, elided text cannot be
    // selected as a plain QLabel's can.
    void makeCopyable();

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    // The whole text on one line (new lines as spaces), before eliding.
    QString lineText() const { return m_line; }
    // Shown after the whole text in the tooltip (e.g. why the connection is read-only).
    void setExtraToolTip(const QString &text);
    // The text as drawn at the label's current width.
    QString shownText() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    QString m_fullText;
    QString m_line;
    QString m_extraToolTip;
    Qt::TextElideMode m_elideMode = Qt::ElideMiddle;
    QAction *m_copy = nullptr;
};
