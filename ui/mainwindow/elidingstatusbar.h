#pragma once

#include <QStatusBar>

// A status bar whose message ends in "…" when it is wider than the room left of the permanent
// widgets, with the whole message in the tooltip (QStatusBar cuts it silently).
class ElidingStatusBar final : public QStatusBar {
    Q_OBJECT
public:
    explicit ElidingStatusBar(QWidget *parent = nullptr);

    // The message as painted now, and the room it has.
    QString shownMessage() const;
    QRect messageRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};
