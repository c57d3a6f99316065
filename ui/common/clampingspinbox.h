#pragma once

#include <QSpinBox>

// A spin box that clamps out-of-range input visibly: a stock QSpinBox silently drops the key
// that leaves the range (typing 8761 with a maximum of 8760 leaves 876). Here the digits stay
// while typing, the field says what the range is, and editing ends on the nearest bound.
class ClampingSpinBox final : public QSpinBox {
    Q_OBJECT
public:
    explicit ClampingSpinBox(QWidget *parent = nullptr);

protected:
    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;
};
