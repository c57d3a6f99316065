#include "ui/common/readablepalette.h"

#include <QGuiApplication>

#include <cstdlib>

namespace ReadablePalette {

namespace {

// The lightness a colour with alpha shows over an opaque background.
int shownLightness(const QColor &colour, const QColor &background)
{
    const double alpha = colour.alphaF();
    return int(colour.lightness() * alpha + background.lightness() * (1.0 - alpha));
}

} // namespace

QPalette withReadablePlaceholder(const QPalette &palette)
{
    QPalette result = palette;
    for (const QPalette::ColorGroup group :
        {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const QColor base = palette.color(group, QPalette::Base);
        const QColor placeholder = palette.color(group, QPalette::PlaceholderText);
        // 60 of 255: Fusion's own light placeholder is about 130 from its white base.
        if (std::abs(shownLightness(placeholder, base) - base.lightness()) >= 60)
            continue;
        QColor derived = palette.color(group, QPalette::Text);
        derived.setAlphaF(0.55f); // dimmer than the text, as placeholders are
        result.setColor(group, QPalette::PlaceholderText, derived);
    }
    return result;
}

void apply()
{
    const QPalette current = QGuiApplication::palette();
    const QPalette readable = withReadablePlaceholder(current);
    if (readable != current)
        QGuiApplication::setPalette(readable);
}

} // namespace ReadablePalette
