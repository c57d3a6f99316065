#pragma once

#include "core/domain/job.h"

#include <QColor>
#include <QIcon>
#include <QString>

// How each job state looks: a word, a colour that reads on light and dark palettes alike (mid
// saturation, mid lightness), and an icon whose shape differs too, for colour-blind users.
namespace StatusStyle {

QString label(JobState state);
QColor color(JobState state);
QIcon icon(JobState state);
// Sorting order: the states that need attention first.
int severity(JobState state);
// Red for error text that reads on this background, light or dark (the light red is faint on
// a dark palette, the dark one unreadable).
QColor errorText(const QColor &background);

} // namespace StatusStyle
