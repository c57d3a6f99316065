#include "ui/common/readablepalette.h"

#include <QEvent>
#include <QGuiApplication>
#include <QObject>

#include <cstdlib>

namespace ReadablePalette {

namespace {

// The lightness a colour with alpha shows over an opaque background.
int shownLightness(const QColor &colour, const QColor &background)
{
    const double alpha = colour.alphaF();
    return int(colour.lightness() * alpha + background.lightness() * (1.0 - alpha));
}

// Sits on the application object: a new palette gets its readable placeholder at once.
class Follower final : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Qt sends ApplicationPaletteChange only once exec() runs; a widget's PaletteChange
        // comes always: act on the first one of each new application palette. apply() sets a
        // palette only when it differs, so its own change ends here.
        Q_UNUSED(watched);
        const bool change = event->type() == QEvent::ApplicationPaletteChange
            || event->type() == QEvent::PaletteChange;
        if (change && QGuiApplication::palette().cacheKey() != m_seen) {
            apply();
            m_seen = QGuiApplication::palette().cacheKey();
        }
        return false;
    }

private:
    qint64 m_seen = 0;
};

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

QPalette withReadableAlternateBase(const QPalette &palette)
{
    QPalette result = palette;
    for (const QPalette::ColorGroup group :
        {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const QColor base = palette.color(group, QPalette::Base);
        const QColor alternate = palette.color(group, QPalette::AlternateBase);
        const QColor text = palette.color(group, QPalette::Text);
        // Half the base's own distance from the text: the rows still read as the base does.
        const int wanted = std::abs(base.lightness() - text.lightness()) / 2;
        if (std::abs(alternate.lightness() - text.lightness()) >= wanted)
            continue;
        // The base moved a little toward the text, as styles derive it.
        const auto mix = [](int from, int to) { return from + (to - from) * 6 / 100; };
        result.setColor(group, QPalette::AlternateBase,
            QColor(mix(base.red(), text.red()), mix(base.green(), text.green()),
                mix(base.blue(), text.blue())));
    }
    return result;
}

void apply()
{
    const QPalette current = QGuiApplication::palette();
    const QPalette readable = withReadableAlternateBase(withReadablePlaceholder(current));
    if (readable != current)
        QGuiApplication::setPalette(readable);
}

void followChanges()
{
    QCoreApplication *app = QCoreApplication::instance();
    // A property, not findChild: without Q_OBJECT, qobject_cast would match any child.
    if (!app || app->property("cronConsoleReadablePalette").toBool())
        return;
    app->setProperty("cronConsoleReadablePalette", true);
    app->installEventFilter(new Follower(app));
}

} // namespace ReadablePalette
