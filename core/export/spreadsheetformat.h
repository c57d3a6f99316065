#pragma once

#include <QString>

#include <optional>

// How a history export writes its cells.
//  - Rfc4180 (the default, unchanged): values as stored, ISO-8601 UTC times, '.' decimals.
//  - BrazilianSpreadsheet: what LibreOffice and Excel set to Brazilian Portuguese read as
//    numbers and dates on open: ';' between fields, a UTF-8 BOM, decimal commas, times as
//    "dd/MM/yyyy HH:mm:ss" (UTC, the column says so), and text cells that start with = + - @
//    (or a tab or CR) prefixed with ' so that no cell is taken as a formula.
enum class ExportLocale { Rfc4180, BrazilianSpreadsheet };

namespace SpreadsheetFormat {

// "pt_BR" (also pt-BR, pt_BR.UTF-8) or "C"/"rfc4180"/empty for the default; nullopt otherwise.
std::optional<ExportLocale> fromName(const QString &name);
QString name(ExportLocale locale); // "pt_BR" or "rfc4180"

char delimiter(ExportLocale locale, char rfcDelimiter);
bool byteOrderMark(ExportLocale locale, bool rfcByteOrderMark);
QString timeColumnName(ExportLocale locale); // created_at or created_at_utc

// One cell of each kind, as written for `locale` (Rfc4180: unchanged).
QString text(ExportLocale locale, const QString &value);
// A JSON number with the locale's decimal separator; anything else is written as text.
QString number(ExportLocale locale, const QString &value);
// `isoUtc` as "yyyy-MM-ddTHH:mm:ss.zzz+00:00" (how both backends give it).
QString time(ExportLocale locale, const QString &isoUtc);

// The same three for the PostgreSQL export, as SQL around an expression (COPY writes them).
QString sqlText(ExportLocale locale, const QString &expression);
QString sqlNumber(ExportLocale locale, const QString &expression);
// `utcTimestamp`: a timestamp without zone holding UTC.
QString sqlTime(ExportLocale locale, const QString &utcTimestamp);

} // namespace SpreadsheetFormat
