#pragma once

#include <QIcon>
#include <QString>

#include <optional>

struct HistoryEntry;

// How one history row reads in the pane: shared by the table and the chart.
namespace HistoryFormat {

// The instant in the user's local zone.
QString localTime(const HistoryEntry &entry);
// "success"/"error" as words with an icon; admin actions have no status.
QString statusLabel(const QString &status);
QIcon statusIcon(const QString &status);
QString duration(const std::optional<double> &seconds);
// One line out of the JSON: the error when there is one, otherwise the members that are not
// already shown in their own column, as key=value.
QString summary(const HistoryEntry &entry);
// The details JSON indented for reading.
QString prettyJson(const QByteArray &json);
bool isError(const HistoryEntry &entry);

} // namespace HistoryFormat
