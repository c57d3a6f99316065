#include "ui/common/readableicon.h"

#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace ReadableIcon {

namespace {

double luminance(QRgb rgb)
{
    const auto channel = [](int value) {
        const double v = value / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(qRed(rgb)) + 0.7152 * channel(qGreen(rgb))
        + 0.0722 * channel(qBlue(rgb));
}

double contrast(double a, double b)
{
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

// The colour a pixel with alpha shows over an opaque background.
QRgb over(QRgb pixel, QRgb background)
{
    const int alpha = qAlpha(pixel);
    const auto mix
        = [alpha](int top, int below) { return (top * alpha + below * (255 - alpha)) / 255; };
    return qRgb(mix(qRed(pixel), qRed(background)), mix(qGreen(pixel), qGreen(background)),
        mix(qBlue(pixel), qBlue(background)));
}

// The best contrast any pixel reaches against the background.
double bestContrast(const QImage &image, const QColor &background)
{
    const QRgb back = background.rgb();
    const double base = luminance(back);
    double best = 1;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            best = std::max(best, contrast(luminance(over(line[x], back)), base));
    }
    return best;
}

bool reads(const QImage &image, const QColor &background)
{
    return shareAtContrast3(image, background) >= readableShare;
}

QImage argb(const QPixmap &pixmap)
{
    return pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
}

// Light turned dark and dark light; hue, saturation and alpha kept.
QImage turnedOver(QImage image)
{
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = QColor::fromRgba(line[x]);
            if (colour.alpha() == 0)
                continue;
            line[x] = QColor::fromHslF(colour.hslHueF(), colour.hslSaturationF(),
                1.0f - colour.lightnessF(), colour.alphaF())
                          .rgba();
        }
    }
    return image;
}

// The shape in one colour (its alpha kept).
QImage tinted(QImage image, const QColor &colour)
{
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = qRgba(colour.red(), colour.green(), colour.blue(), qAlpha(line[x]));
    }
    return image;
}

// The shape's edge drawn in `colour`, its inside kept: a white page on a light window keeps its
// look with a dark border.
QImage outlined(const QImage &image, const QColor &colour)
{
    const auto solid = [&image](int x, int y) {
        return x >= 0 && y >= 0 && x < image.width() && y < image.height()
            && qAlpha(image.pixel(x, y)) >= 64;
    };
    QImage result = image;
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(result.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (solid(x, y)
                && (!solid(x - 1, y) || !solid(x + 1, y) || !solid(x, y - 1) || !solid(x, y + 1)))
                line[x] = colour.rgba();
        }
    }
    return result;
}

// Grey at `opacity`: plainly not the enabled icon, and still there.
QImage dimmed(const QImage &image, double opacity)
{
    QImage result = image;
    for (int y = 0; y < result.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(result.scanLine(y));
        for (int x = 0; x < result.width(); ++x) {
            const int grey = qGray(line[x]);
            line[x] = qRgba(grey, grey, grey, int(qAlpha(line[x]) * opacity));
        }
    }
    return result;
}

QImage readable(const QImage &image, const QColor &background, const QColor &foreground)
{
    if (reads(image, background))
        return image;
    // On a dark window a dark glyph turned light looks as drawn for it; on a light one a light
    // glyph turned dark looks heavy (a black page), so its edge is drawn first.
    const bool lightWindow = background.lightness() >= 128;
    const QImage first = lightWindow ? outlined(image, foreground) : turnedOver(image);
    if (reads(first, background))
        return first;
    const QImage second = lightWindow ? turnedOver(image) : outlined(image, foreground);
    if (reads(second, background))
        return second;
    return tinted(image, foreground);
}

// Makes each pixmap of the source readable when it is asked for, at whatever size and scale.
class Engine final : public QIconEngine {
public:
    Engine(const QIcon &source, const QPalette &palette)
        : m_source(source)
        , m_palette(palette)
    { }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const quint64 key = (quint64(size.width()) << 40) | (quint64(size.height()) << 16)
            | (quint64(mode) << 4) | quint64(state);
        if (const auto found = m_cache.constFind(key); found != m_cache.cend())
            return *found;
        const QPixmap made = QPixmap::fromImage(make(size, mode, state));
        m_cache.insert(key, made);
        return made;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap shown = pixmap(rect.size() * scale, mode, state);
        shown.setDevicePixelRatio(scale);
        painter->drawPixmap(rect, shown);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return m_source.actualSize(size, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_source.availableSizes(mode, state);
    }

    QIconEngine *clone() const override { return new Engine(m_source, m_palette); }
    QString key() const override { return QStringLiteral("CronReadableIcon"); }

private:
    QImage make(const QSize &size, QIcon::Mode mode, QIcon::State state) const
    {
        const QImage source = argb(m_source.pixmap(size, 1.0, QIcon::Normal, state));
        if (source.isNull())
            return source;
        if (mode == QIcon::Selected) {
            return readable(source, m_palette.color(QPalette::Active, QPalette::Highlight),
                m_palette.color(QPalette::Active, QPalette::HighlightedText));
        }
        const QColor window = m_palette.color(QPalette::Active, QPalette::Window);
        const QImage normal
            = readable(source, window, m_palette.color(QPalette::Active, QPalette::WindowText));
        if (mode != QIcon::Disabled)
            return normal;
        const QColor disabledWindow = m_palette.color(QPalette::Disabled, QPalette::Window);
        // As dim as it can be while some of it still reads.
        const double normalBest = bestContrast(normal, disabledWindow);
        for (double opacity = 0.45; opacity < 1.0; opacity += 0.05) {
            QImage grey = dimmed(normal, opacity);
            if (bestContrast(grey, disabledWindow) >= std::min(3.0, normalBest))
                return grey;
        }
        return dimmed(normal, 1.0);
    }

    QIcon m_source;
    QPalette m_palette;
    QHash<quint64, QPixmap> m_cache;
};

} // namespace

double shareAtContrast3(const QImage &image, const QColor &background)
{
    const QImage pixels = image.convertToFormat(QImage::Format_ARGB32);
    const QRgb back = background.rgb();
    const double base = luminance(back);
    int opaque = 0;
    int readable = 0;
    for (int y = 0; y < pixels.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(pixels.constScanLine(y));
        for (int x = 0; x < pixels.width(); ++x) {
            if (qAlpha(line[x]) < 128)
                continue;
            ++opaque;
            if (contrast(luminance(over(line[x], back)), base) >= 3.0)
                ++readable;
        }
    }
    return opaque == 0 ? 0.0 : double(readable) / opaque;
}

QIcon on(const QIcon &icon, const QPalette &palette)
{
    if (icon.isNull())
        return icon;
    return QIcon(new Engine(icon, palette));
}

} // namespace ReadableIcon
