#pragma once

#include <QPalette>

// Placeholder texts ("Search jobs…", "No result recorded") and alternate table rows that read on
// a dark palette too. A
// desktop theme that gives only the main colours (a KDE colour scheme read by Qt's own theme,
// for one) leaves Qt's default placeholder colour, black at half opacity: dark grey on dark.
namespace ReadablePalette {

// The palette with a placeholder colour derived from its own text where the given one would
// not stand out from the base; otherwise unchanged.
QPalette withReadablePlaceholder(const QPalette &palette);
// The palette with an alternate row colour near its base where the given one would not let
// the text read (a colour scheme without an alternate background: Qt's near-white alternate
// rows under white text on a dark scheme); otherwise unchanged.
QPalette withReadableAlternateBase(const QPalette &palette);
// Applies both to the application's palette.
void apply();
// Applies it again whenever the application's palette changes while the console runs (Qt 6.4
// has no colour-scheme signal: a theme change arrives as ApplicationPaletteChange). Once only.
void followChanges();

} // namespace ReadablePalette
