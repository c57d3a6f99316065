#pragma once

#include <QObject>
#include <QRect>

class QWidget;

// Keeps a window, title bar included, inside its screen's available area (the screen less
// panels): at most that size, as tall as its layout wants within it, moved in if it sticks out. A
// dialog whose form is a ScrollingForm then scrolls the form and keeps its buttons in view on an
// 800x500 screen.
class ScreenFit final : public QObject {
    Q_OBJECT
public:
    // Watches `window` (becomes its child): fitted each time it is shown, and again when it
    // moves to another screen or that screen's available area changes.
    static void keep(QWidget *window);

    // Fits `window` into `available` (global coordinates) now; the frame the window manager
    // adds is estimated until the window has one.
    static void fitInto(QWidget *window, const QRect &available);
    // The available area of the screen `window` is (or will be) shown on.
    static QRect availableFor(const QWidget *window);
    // The largest size `window` may have there with its frame (estimated until it has one).
    static QSize roomFor(const QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ScreenFit(QWidget *window);
    void fit();
    void watchScreen();

    QWidget *m_window;
    bool m_watching = false;
};
