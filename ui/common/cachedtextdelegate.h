#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

// Paints one-line text cells from a cache of laid-out text (QStaticText, elided to the cell's
// width), the way QStyledItemDelegate paints them. QStyledItemDelegate shapes every cell's text
// again on every repaint: in a console open on a thousand jobs, whose countdowns repaint the
// table every second, that was a quarter of its CPU (issue 15). Cells with an icon, a check
// box or several lines are painted by QStyledItemDelegate as before.
class CachedTextDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit CachedTextDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

    qsizetype cachedTexts() const { return m_cache.size(); } // for tests

private:
    struct Key {
        QString text;
        QFont font;
        int width;
        Qt::TextElideMode elide;
        bool operator==(const Key &other) const
        {
            return width == other.width && elide == other.elide && text == other.text
                && font == other.font;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.width, int(key.elide), key.font.pointSizeF(),
                key.font.bold(), key.font.italic());
        }
    };
    const QStaticText &laidOut(const Key &key) const;

    mutable QHash<Key, QStaticText> m_cache;
};
