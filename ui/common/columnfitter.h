#pragma once

#include <QList>
#include <QObject>

class QAbstractScrollArea;
class QHeaderView;

// Keeps a view's columns inside its viewport: while the widths they were given fit, they stay;
// when the viewport is narrower, every column but the last (which stretches) shrinks in
// proportion, and cells elide their text, instead of the view scrolling sideways.
class ColumnFitter final : public QObject {
    Q_OBJECT
public:
    // Call after the columns have their preferred widths; the fitter is a child of `view`.
    static ColumnFitter *attach(QAbstractScrollArea *view, QHeaderView *header);

    bool eventFilter(QObject *watched, QEvent *event) override;
    void fit();

private:
    ColumnFitter(QAbstractScrollArea *view, QHeaderView *header);
    QAbstractScrollArea *m_view;
    QHeaderView *m_header;
    QList<int> m_preferred;
    bool m_fitting = false;
};
