#pragma once

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// Random cron expressions for property tests (tst_cronexpression against a minute walk,
// tst_platformfunctions against the SQL evaluator), with their fields' values as ground truth.
// Ground truth for the property test: a field's allowed values, built alongside the text, so
// the check does not go through the parser it is checking.
struct GeneratedField {
    QString text;
    quint64 bits = 0;
};

struct GeneratedExpression {
    QString text;
    quint64 fieldBits[5] = {};
    bool domStar = false;
    bool dowStar = false;

    bool matchesWall(qint64 wallSecs) const
    {
        const QDateTime wall = QDateTime::fromSecsSinceEpoch(wallSecs, Qt::UTC);
        const QDate date = wall.date();
        const QTime time = wall.time();
        const auto has = [this](int field, int value) { return (fieldBits[field] >> value) & 1; };
        const int dow = date.dayOfWeek() % 7;
        const bool domOk = has(2, date.day());
        const bool dowOk = has(4, dow) || (dow == 0 && has(4, 7));
        const bool dayOk = (domStar || dowStar) ? (domOk && dowOk) : (domOk || dowOk);
        return has(0, time.minute()) && has(1, time.hour()) && has(3, date.month()) && dayOk;
    }
};

class ExpressionGenerator {
public:
    explicit ExpressionGenerator(quint32 seed)
        : m_random(seed)
    { }

    GeneratedExpression next()
    {
        static const char *const months[]
            = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
        GeneratedExpression expression;
        const GeneratedField fields[5] = {
            field(0, 59, nullptr, 0), // minutes: often dense
            field(0, 23, nullptr, 0),
            bounded(5) ? star(1, 31) : field(1, 31, nullptr, 0), // days mostly unrestricted
            bounded(4) ? star(1, 12) : field(1, 12, months, 12),
            bounded(3) ? star(0, 7) : field(0, 7, days, 7),
        };
        QStringList texts;
        for (int i = 0; i < 5; ++i) {
            texts.append(fields[i].text);
            expression.fieldBits[i] = fields[i].bits;
        }
        expression.domStar = fields[2].text.startsWith(u'*');
        expression.dowStar = fields[4].text.startsWith(u'*');
        expression.text = texts.join(bounded(2) ? u'\t' : u' ');
        return expression;
    }

    int bounded(int n) { return int(m_random.bounded(n)); }
    qint64 bounded64(qint64 n) { return qint64(m_random.bounded(quint64(n))); }

private:
    static GeneratedField star(int low, int high)
    {
        return {QString(u'*'), rangeBits(low, high, 1)};
    }

    static quint64 rangeBits(int first, int last, int step)
    {
        quint64 bits = 0;
        for (int v = first; v <= last; v += step)
            bits |= quint64(1) << v;
        return bits;
    }

    // Numbers or names, the latter in random letter case (cron compares them case-insensitively).
    QString value(int v, int low, const char *const *names, int nameCount)
    {
        if (!names || v - low >= nameCount || bounded(2))
            return QString::number(v);
        const QString name = QString::fromLatin1(names[v - low]);
        switch (bounded(3)) {
        case 0:
            return name;
        case 1:
            return name.toUpper();
        default:
            return name.left(1).toUpper() + name.mid(1);
        }
    }

    GeneratedField element(int low, int high, const char *const *names, int nameCount)
    {
        const int span = high - low + 1;
        const int a = low + bounded(span);
        const int b = a + bounded(high - a + 1);
        const int step = 1 + bounded(qMax(1, span / 2));
        switch (bounded(4)) {
        case 0:
            return {value(a, low, names, nameCount), rangeBits(a, a, 1)};
        case 1:
            return {value(a, low, names, nameCount) + u'-' + value(b, low, names, nameCount),
                rangeBits(a, b, 1)};
        case 2:
            return {value(a, low, names, nameCount) + u'-' + value(b, low, names, nameCount) + u'/'
                    + QString::number(step),
                rangeBits(a, b, step)};
        default:
            return {value(a, low, names, nameCount) + u'/' + QString::number(step),
                rangeBits(a, high, step)};
        }
    }

    GeneratedField field(int low, int high, const char *const *names, int nameCount)
    {
        const int span = high - low + 1;
        switch (bounded(5)) {
        case 0:
            return star(low, high);
        case 1: {
            const int step = 1 + bounded(qMax(1, span / 3));
            return {QStringLiteral("*/") + QString::number(step), rangeBits(low, high, step)};
        }
        case 2: {
            GeneratedField list = element(low, high, names, nameCount);
            for (int i = 0, extra = 1 + bounded(2); i < extra; ++i) {
                const GeneratedField more = element(low, high, names, nameCount);
                list.text += u',';
                list.text += more.text;
                list.bits |= more.bits;
            }
            return list;
        }
        default:
            return element(low, high, names, nameCount);
        }
    }

    QRandomGenerator m_random;
};
