#include "ui/common/clampingspinbox.h"

#include <QLocale>

ClampingSpinBox::ClampingSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    connect(this, &QAbstractSpinBox::editingFinished, this,
        [this] { setToolTip(tr("From %1 to %2").arg(minimum()).arg(maximum())); });
}

QValidator::State ClampingSpinBox::validate(QString &input, int &pos) const
{
    const QValidator::State state = QSpinBox::validate(input, pos);
    if (state != QValidator::Invalid)
        return state;
    // A number out of range is kept as typed (Intermediate): fixup() clamps it, on screen.
    QString digits = input;
    digits.remove(prefix()).remove(suffix());
    bool ok = false;
    locale().toLongLong(digits.trimmed(), &ok);
    return ok ? QValidator::Intermediate : QValidator::Invalid;
}

void ClampingSpinBox::fixup(QString &input) const
{
    QString digits = input;
    digits.remove(prefix()).remove(suffix());
    bool ok = false;
    const qlonglong value = locale().toLongLong(digits.trimmed(), &ok);
    if (ok)
        input = prefix() + locale().toString(std::clamp<qlonglong>(value, minimum(), maximum()))
            + suffix();
    else
        QSpinBox::fixup(input);
}
