#pragma once

#include <QScrollArea>

// A dialog's form in a frameless vertical scroll area: as tall as the form wants while the
// screen has room, scrolling when the dialog is held to a short screen (ScreenFit), never
// scrolling sideways. The buttons stay outside it, so they are always on screen.
class ScrollingForm final : public QScrollArea {
    Q_OBJECT
public:
    // Takes `content` (its layout already set) as the scrolled widget.
    explicit ScrollingForm(QWidget *content, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ScrollingForm)

    // The whole form (QScrollArea's is capped at 24 lines), for the width it will have.
    QSize sizeHint() const override;
    // As wide as the form needs beside a scroll bar (no sideways scrolling); a few lines tall.
    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
