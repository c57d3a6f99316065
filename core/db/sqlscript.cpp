#include "core/db/sqlscript.h"

#include <QRegularExpression>

namespace SqlScript {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// A keyword at position i, as a whole word.
bool keywordAt(const QString &text, qsizetype i, QLatin1String word)
{
    if (i > 0 && isWordChar(text.at(i - 1)))
        return false;
    if (text.mid(i, word.size()).compare(word, Qt::CaseInsensitive) != 0)
        return false;
    const qsizetype end = i + word.size();
    return end >= text.size() || !isWordChar(text.at(end));
}

} // namespace

QStringList split(const QString &script)
{
    QStringList statements;
    QString current;
    int blockDepth = 0; // BEGIN … END nesting inside CREATE TRIGGER (SQLite)
    qsizetype i = 0;
    const qsizetype n = script.size();

    auto flush = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements << statement;
        current.clear();
    };

    while (i < n) {
        const QChar c = script.at(i);
        // -- line comment: dropped
        if (c == QLatin1Char('-') && i + 1 < n && script.at(i + 1) == QLatin1Char('-')) {
            const qsizetype end = script.indexOf(QLatin1Char('\n'), i);
            i = end < 0 ? n : end;
            continue;
        }
        // /* block comment */: dropped
        if (c == QLatin1Char('/') && i + 1 < n && script.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            continue;
        }
        // 'string' or "identifier": copied whole (doubled quotes stay inside)
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current += script.mid(i, j - i + 1);
            i = j + 1;
            continue;
        }
        // $tag$ … $tag$: copied whole
        if (c == QLatin1Char('$')) {
            static const QRegularExpression tagPattern(QStringLiteral("\\G\\$[A-Za-z_]*\\$"));
            const auto match = tagPattern.match(script, i);
            if (match.hasMatch()) {
                const QString tag = match.captured();
                const qsizetype end = script.indexOf(tag, i + tag.size());
                const qsizetype stop = end < 0 ? n : end + tag.size();
                current += script.mid(i, stop - i);
                i = stop;
                continue;
            }
        }
        if (keywordAt(script, i, QLatin1String("BEGIN"))
            && current.trimmed().startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            ++blockDepth;
        else if (blockDepth > 0 && keywordAt(script, i, QLatin1String("CASE")))
            ++blockDepth; // CASE … END inside a trigger body
        else if (blockDepth > 0 && keywordAt(script, i, QLatin1String("END")))
            --blockDepth;
        if (c == QLatin1Char(';') && blockDepth == 0) {
            flush();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    flush();
    return statements;
}

} // namespace SqlScript
