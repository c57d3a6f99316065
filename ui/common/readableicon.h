#pragma once

#include <QIcon>
#include <QPalette>

// Icons that stand out from the palette they are painted on. The style's stock icons (Fusion's,
// used when no icon theme is installed) are drawn for a light window: Run now's black triangle
// is dark on a dark toolbar, New job's white page faint on a light one.
namespace ReadableIcon {

// The share of an icon's opaque pixels that must reach contrast 3 against the background for it
// to read: a few stray light pixels do not make a dark glyph readable.
inline constexpr double readableShare = 0.05;

// `icon` for widgets of `palette`: each pixmap as it is where it reads on the Window colour (the
// Highlight colour for the Selected mode), else on a dark window with its lightness turned over
// (hue kept), on a light one with its edge in the WindowText colour, else all in that colour.
// Disabled is the readable pixmap in grey, dimmer but still read.
QIcon on(const QIcon &icon, const QPalette &palette);

// The share of `image`'s opaque pixels at contrast >= 3 against `background`.
double shareAtContrast3(const QImage &image, const QColor &background);

} // namespace ReadableIcon
