#pragma once

#include <QProxyStyle>

// Check boxes and radio buttons whose box reads on a dark palette. Fusion outlines them with the
// window colour made darker, which on a dark scheme (a KDE colour scheme read by Qt's own theme)
// is all but the window itself: "Start active" showed a bare tick, an unchecked box nothing.
// On a dark palette the box gets an outline from the text colour (3:1 against the window, as
// WCAG asks of a control's boundary); on a light one nothing changes.
class ReadableIndicatorStyle final : public QProxyStyle {
    Q_OBJECT
public:
    // On the application's current style (by its name), as QProxyStyle() would.
    ReadableIndicatorStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget = nullptr) const override;

    // The outline drawn on `palette`, or an invalid colour where the style's own is kept.
    static QColor outlineFor(const QPalette &palette);
    // Makes it the application's style (before ReadablePalette::apply(): a new style brings the
    // theme's palette back).
    static void install();
};
