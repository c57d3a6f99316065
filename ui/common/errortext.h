#pragma once

class QWidget;

// Error text in a red that reads on the widget's own background, light or dark, and keeps
// reading when the palette changes while the console runs (a desktop switching to dark).
namespace ErrorText {

// `error` false: the widget's text takes the palette's ordinary colour again.
void apply(QWidget *widget, bool error = true);

} // namespace ErrorText
