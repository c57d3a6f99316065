#pragma once

#include <QColor>

#include <algorithm>
#include <cmath>

// WCAG 2's relative luminance and contrast ratio, one definition for every test that checks
// that text or an icon stays readable on the palette it is painted on.
namespace Contrast {

inline double luminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

inline double ratio(double luminanceA, double luminanceB)
{
    return (std::max(luminanceA, luminanceB) + 0.05) / (std::min(luminanceA, luminanceB) + 0.05);
}

// The ratio of a colour (with alpha) shown over an opaque background.
inline double ratio(const QColor &colour, const QColor &background)
{
    const double alpha = colour.alphaF();
    const QColor shown
        = QColor::fromRgbF(float(colour.redF() * alpha + background.redF() * (1 - alpha)),
            float(colour.greenF() * alpha + background.greenF() * (1 - alpha)),
            float(colour.blueF() * alpha + background.blueF() * (1 - alpha)));
    return ratio(luminance(shown), luminance(background));
}

} // namespace Contrast
