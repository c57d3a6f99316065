#pragma once

#include <QCheckBox>

// A check box whose text wraps onto more lines (QCheckBox keeps it on one: Reset's Force
// naming forty runners was 9000 px wide). The indicator stays beside the first line; the whole
// box, text included, toggles it, and its mnemonic works as a QCheckBox's.
class WrappingCheckBox final : public QCheckBox {
    Q_OBJECT
public:
    explicit WrappingCheckBox(const QString &text, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WrappingCheckBox)

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool hitButton(const QPoint &pos) const override;

private:
    QRect indicatorRect() const;
    int textLeft() const;
    QRect textRect(int width) const; // where the wrapped text goes in a box `width` wide
};
