#include "core/export/spreadsheetformat.h"

#include <QDateTime>
#include <QRegularExpression>

namespace {

// What a spreadsheet would start a formula (or a DDE call) with.
bool startsLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar first = value.at(0);
    return first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
        || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r');
}

const QRegularExpression &jsonNumber()
{
    static const QRegularExpression pattern(
        QStringLiteral("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
    return pattern;
}

// The PostgreSQL twin of jsonNumber() (POSIX regex, no \d).
const QString sqlNumberPattern = QStringLiteral("'^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'");

} // namespace

namespace SpreadsheetFormat {

std::optional<ExportLocale> fromName(const QString &name)
{
    const QString key = name.section(QLatin1Char('.'), 0, 0)
                            .toLower()
                            .replace(QLatin1Char('-'), QLatin1Char('_'));
    if (key.isEmpty() || key == QLatin1String("c") || key == QLatin1String("rfc4180"))
        return ExportLocale::Rfc4180;
    if (key == QLatin1String("pt_br"))
        return ExportLocale::BrazilianSpreadsheet;
    return std::nullopt;
}

QString name(ExportLocale locale)
{
    return locale == ExportLocale::BrazilianSpreadsheet ? QStringLiteral("pt_BR")
                                                        : QStringLiteral("rfc4180");
}

char delimiter(ExportLocale locale, char rfcDelimiter)
{
    return locale == ExportLocale::BrazilianSpreadsheet ? ';' : rfcDelimiter;
}

bool byteOrderMark(ExportLocale locale, bool rfcByteOrderMark)
{
    return locale == ExportLocale::BrazilianSpreadsheet || rfcByteOrderMark;
}

QString timeColumnName(ExportLocale locale)
{
    return locale == ExportLocale::BrazilianSpreadsheet ? QStringLiteral("created_at_utc")
                                                        : QStringLiteral("created_at");
}

QString text(ExportLocale locale, const QString &value)
{
    if (locale != ExportLocale::BrazilianSpreadsheet || !startsLikeFormula(value))
        return value;
    return QLatin1Char('\'') + value;
}

QString number(ExportLocale locale, const QString &value)
{
    if (locale != ExportLocale::BrazilianSpreadsheet || value.isNull())
        return value;
    if (!jsonNumber().match(value).hasMatch())
        return text(locale, value);
    QString comma = value;
    comma.replace(QLatin1Char('.'), QLatin1Char(','));
    return comma;
}

QString time(ExportLocale locale, const QString &isoUtc)
{
    if (locale != ExportLocale::BrazilianSpreadsheet || isoUtc.isNull())
        return isoUtc;
    const QDateTime parsed = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return text(locale, isoUtc);
    return parsed.toUTC().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
}

QString sqlText(ExportLocale locale, const QString &expression)
{
    if (locale != ExportLocale::BrazilianSpreadsheet)
        return expression;
    // In parentheses: || binds as tightly as ->>, so a bare d->>'k' after || would apply ->>
    // to the joined text.
    return QStringLiteral("CASE WHEN left((%1), 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
                          "THEN '''' || (%1) ELSE (%1) END")
        .arg(expression);
}

QString sqlNumber(ExportLocale locale, const QString &expression)
{
    if (locale != ExportLocale::BrazilianSpreadsheet)
        return expression;
    return QStringLiteral("CASE WHEN (%1) ~ %2 THEN replace((%1), '.', ',') ELSE %3 END")
        .arg(expression, sqlNumberPattern, sqlText(locale, expression));
}

QString sqlTime(ExportLocale locale, const QString &utcTimestamp)
{
    if (locale != ExportLocale::BrazilianSpreadsheet)
        return QStringLiteral("to_char(%1, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"+00:00\"')")
            .arg(utcTimestamp);
    return QStringLiteral("to_char(%1, 'DD/MM/YYYY HH24:MI:SS')").arg(utcTimestamp);
}

} // namespace SpreadsheetFormat
