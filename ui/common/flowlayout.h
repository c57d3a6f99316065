#pragma once

#include <QLayout>
#include <QList>

// Items left to right, wrapping onto the next line where the width runs out, instead of being
// squeezed: each item keeps at least its size hint, so no word is cut in any language. A line
// break can be forced after an item (groups that stay on lines of their own when there is
// room), and items with a stretch share their line's spare width.
// Its minimum height is that of the lines at the width it was last given (before any: its
// natural width), and a new width that needs another number of lines asks the parent for a
// new height. Not heightForWidth: in a QBoxLayout inside a QScrollArea that hands the whole
// widget its preferred height for the width (the History pane became 200 px taller than its
// minimum, scrolling down). The lines depend on the width alone and the height never changes
// the width, so it settles after one more layout pass instead of toggling.
class FlowLayout final : public QLayout {
    Q_OBJECT
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addWidget(QWidget *widget, int stretch = 0);
    void addLayout(QLayout *layout, int stretch = 0);
    // The next item starts a new line.
    void addLineBreak();
    // How many lines the last setGeometry() used.
    int lineCount() const { return m_lineCount; }
    // The height of the lines at `width` (margins included in both).
    int heightFor(int width) const;
    // The width with only the forced line breaks.
    int naturalWidth() const;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    // Narrower than the widest item something would be cut; the lines' height at the width.
    QSize minimumSize() const override;
    // Only the forced line breaks: the width at which nothing else wraps.
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;
    void invalidate() override;

private:
    struct Entry {
        QLayoutItem *item;
        int stretch = 0;
        bool breakAfter = false;
    };
    // Lays the items out in `rect` (moving them only when `apply`); returns the lines' height
    // and sets `lines` to how many there are.
    int arrange(const QRect &rect, bool apply, int *lines) const;
    static QSize itemSize(const QLayoutItem *item);
    int horizontalSpacing() const;
    int verticalSpacing() const;

    int currentHeight() const;

    QList<Entry> m_entries;
    int m_lineCount = 0;
    int m_width = -1; // the last setGeometry()'s, or none yet
    mutable int m_cachedWidth = -1; // heightFor()'s last question and answer
    mutable int m_cachedHeight = 0;
};
