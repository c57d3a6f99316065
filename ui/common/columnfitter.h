#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class QAbstractScrollArea;
class QHeaderView;

// Keeps a view's columns in its viewport without making them unreadable. Columns keep the widths
// they were given (by the code, by resizeColumnToContents, by a drag). When the viewport is
// narrower, the flexible columns (free text) give up width first, in the order given, down to a
// comfortable width; then the optional ones are hidden, in their order (a row's details still
// show them), and shown again when there is room; then the flexible ones go down to the floor. A
// view that still does not fit scrolls sideways: a cut time or status reads worse than a scroll.
// The last column takes what is left over.
class ColumnFitter final : public QObject {
    Q_OBJECT
public:
    struct Rules {
        QList<int> flexible; // logical columns, the first gives up width first
        int floor = 0; // a flexible column's narrowest width
        // Optional columns step aside before a flexible one is squeezed below this (0: floor).
        int comfortable = 0;
        QList<int> optional; // logical columns, the first is hidden first
    };
    // Call after the columns have their preferred widths; the fitter is a child of `view`.
    static ColumnFitter *attach(QAbstractScrollArea *view, QHeaderView *header, const Rules &rules);

    bool eventFilter(QObject *watched, QEvent *event) override;
    void fit();
    // Widens a column's preference to `width` if it is wider (rows that came later need more
    // room than those it was sized for); never narrows it, so columns do not jump.
    void grow(int logical, int width);
    // Sets a column's preference, wider or narrower, also while it is hidden for want of room
    // (a width given to a hidden section is not heard of otherwise).
    void prefer(int logical, int width);
    // The columns the fitter hid for want of room (not those hidden by the user or the code).
    QSet<int> hiddenForRoom() const { return m_hidden; }

private:
    ColumnFitter(QAbstractScrollArea *view, QHeaderView *header, const Rules &rules);
    void fitLater();
    int preferred(int logical) const;
    int floorOf(int logical) const;
    int comfortableOf(int logical) const;

    QAbstractScrollArea *m_view;
    QHeaderView *m_header;
    Rules m_rules;
    QHash<int, int> m_preferred;
    QSet<int> m_hidden;
    bool m_fitting = false;
    bool m_fitPending = false;
};
