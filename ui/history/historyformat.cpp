#include "ui/history/historyformat.h"

#include "core/domain/historyentry.h"
#include "core/domain/runlabels.h"
#include "core/domain/runstatus.h"
#include "ui/common/relativetime.h"
#include "ui/common/statusstyle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

namespace HistoryFormat {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HistoryFormat)
};

constexpr int maxSummaryLength = 240;

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    if (text.size() > maxSummaryLength)
        text = text.left(maxSummaryLength - 1) + QChar(0x2026);
    return text;
}

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QLocale().toString(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return Text::tr("(none)"); // not a literal null, at any depth
    QStringList parts;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            parts << valueText(item);
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        parts << it.key() + QLatin1Char('=') + valueText(it.value());
    return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
}

// Keys a runner adds for bookkeeping: after what the run said, so a narrow column shows that.
bool isBookkeeping(const QString &key)
{
    static const QStringList keys{QStringLiteral("attempt"), QStringLiteral("cron_run_id"),
        QStringLiteral("exit_code"), QStringLiteral("host"), QStringLiteral("lease_token"),
        QStringLiteral("scheduled_for"), QStringLiteral("trigger"), QStringLiteral("pid")};
    return keys.contains(key);
}

} // namespace

QString localTime(const HistoryEntry &entry)
{
    return RelativeTime::absolute(entry.createdAt); // with its zone, as everywhere else
}

QString statusLabel(const QString &status)
{
    // The same word as the job table's Status column and the runs (a platform's own status
    // as written).
    return RunLabels::status(status);
}

QIcon statusIcon(const QString &status)
{
    switch (runStatusFromText(status)) {
    case RunStatus::Success:
        return StatusStyle::icon(JobState::Success);
    case RunStatus::Error:
        return StatusStyle::icon(JobState::Error);
    default:
        return {};
    }
}

QString duration(const std::optional<double> &seconds)
{
    return seconds ? RelativeTime::runDuration(*seconds) : QString();
}

QString summary(const HistoryEntry &entry)
{
    const QJsonObject details = QJsonDocument::fromJson(entry.detailsJson).object();
    for (const QString &key : {QStringLiteral("error"), QStringLiteral("erro")}) {
        if (details.contains(key))
            return oneLine(valueText(details.value(key)));
    }
    // Shown in their own columns already.
    static const QStringList shown{QStringLiteral("job"), QStringLiteral("status"),
        QStringLiteral("duracao_segundos"), QStringLiteral("runner"), QStringLiteral("db_user")};
    QStringList parts;
    QStringList bookkeeping;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        if (shown.contains(it.key()))
            continue;
        (isBookkeeping(it.key()) ? bookkeeping : parts)
            << it.key() + QLatin1Char('=') + valueText(it.value());
    }
    parts << bookkeeping;
    if (parts.isEmpty() && details.isEmpty() && !entry.detailsJson.isEmpty())
        return oneLine(QString::fromUtf8(entry.detailsJson));
    return oneLine(parts.join(QLatin1String(", ")));
}

QString prettyJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json); // not JSON after all: show it as stored
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

bool isError(const HistoryEntry &entry)
{
    return runStatusFromText(entry.status) == RunStatus::Error
        || entry.action.endsWith(QLatin1String("_erro"))
        || entry.action.endsWith(QLatin1String("_error"));
}

} // namespace HistoryFormat
