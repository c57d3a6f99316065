#include "ui/common/readablepalette.h"

#include <QEvent>
#include <QGuiApplication>
#include <QObject>

#include <cstdlib>
#include <optional>

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

namespace {

// `palette` with `role` replaced, in each colour group, by what `fix` returns for that group's
// colours (nothing: the given colour reads, kept).
template <typename Fix>
QPalette withFixed(const QPalette &palette, QPalette::ColorRole role, Fix fix)
{
    QPalette result = palette;
    for (const QPalette::ColorGroup group :
        {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const std::optional<QColor> fixed = fix(palette.color(group, role),
            palette.color(group, QPalette::Base), palette.color(group, QPalette::Text));
        if (fixed)
            result.setColor(group, role, *fixed);
    }
    return result;
}

} // namespace

QPalette withReadablePlaceholder(const QPalette &palette)
{
    return withFixed(palette, QPalette::PlaceholderText,
        [](const QColor &placeholder, const QColor &base,
            const QColor &text) -> std::optional<QColor> {
            // 60 of 255: Fusion's own light placeholder is about 130 from its white base.
            if (std::abs(shownLightness(placeholder, base) - base.lightness()) >= 60)
                return std::nullopt;
            QColor derived = text;
            derived.setAlphaF(0.55f); // dimmer than the text, as placeholders are
            return derived;
        });
}

QPalette withReadableAlternateBase(const QPalette &palette)
{
    return withFixed(palette, QPalette::AlternateBase,
        [](const QColor &alternate, const QColor &base,
            const QColor &text) -> std::optional<QColor> {
            // Half the base's own distance from the text: the rows still read as the base does.
            const int wanted = std::abs(base.lightness() - text.lightness()) / 2;
            if (std::abs(alternate.lightness() - text.lightness()) >= wanted)
                return std::nullopt;
            // The base moved a little toward the text, as styles derive it.
            const auto mix = [](int from, int to) { return from + (to - from) * 6 / 100; };
            return QColor(mix(base.red(), text.red()), mix(base.green(), text.green()),
                mix(base.blue(), text.blue()));
        });
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
