#pragma once

#include <QHeaderView>

// A header whose titles end in "…" when their section is too narrow, instead of being clipped
// at both sides around the centre ("escriçã" for a narrow "Descrição"). Qt 6.4's styles do
// not elide header labels themselves.
class ElidingHeaderView final : public QHeaderView {
    Q_OBJECT
public:
    explicit ElidingHeaderView(Qt::Orientation orientation, QWidget *parent = nullptr);

    // The title as drawn in the section's current width.
    QString shownText(int logicalIndex) const;

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
};
