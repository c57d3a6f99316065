#include "ui/dialogs/scheduleeditor.h"

#include "ui/common/clampingspinbox.h"
#include "ui/common/errortext.h"
#include "ui/common/messagetext.h"
#include "ui/common/statusstyle.h"

#include "core/domain/job.h"
#include "core/domain/jobrules.h"
#include "core/schedule/schedule.h"
#include "ui/common/relativetime.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeZone>

ScheduleEditor::ScheduleEditor(const QDateTime &now, QWidget *parent)
    : QWidget(parent)
    , m_now(now)
    , m_intervalChoice(new QRadioButton(tr("Every N &hours"), this))
    , m_cronChoice(new QRadioButton(tr("C&ron expression"), this))
    , m_hours(new ClampingSpinBox(this)) // 8761 is clamped on screen, not cut to 876
    , m_expression(new QLineEdit(this))
    , m_zone(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_preview(new QLabel(this))
{
    setObjectName(QStringLiteral("scheduleEditor"));
    m_intervalChoice->setObjectName(QStringLiteral("intervalChoice"));
    m_cronChoice->setObjectName(QStringLiteral("cronChoice"));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_intervalChoice);
    choices->addButton(m_cronChoice);
    m_intervalChoice->setChecked(true);

    m_hours->setObjectName(QStringLiteral("hours"));
    m_hours->setRange(JobRules::minIntervalHours, JobRules::maxIntervalHours);
    m_hours->setSuffix(tr(" h"));
    m_hours->setValue(12);
    m_hours->setAccelerated(true);

    m_expression->setObjectName(QStringLiteral("cronExpression"));
    m_expression->setPlaceholderText(tr("minute hour day month weekday, e.g. 0 3 * * 1-5"));
    m_expression->setClearButtonEnabled(true);

    // Every IANA zone the system knows; typing filters, and a zone not in the list is still
    // checked by Schedule::cron, which names it in the error.
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->setMaxVisibleItems(20);
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromLatin1(id));
    m_zone->addItems(zones);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->setCurrentText(QString::fromLatin1(QTimeZone::systemTimeZoneId()));
    // Return on a typed part ("Asia/Tok") takes the one zone it names; the popup alone left
    // the part, and the error, in place.
    connect(m_zone->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        const QString typed = m_zone->currentText().trimmed();
        if (typed.isEmpty() || m_zone->findText(typed, Qt::MatchFixedString) >= 0)
            return;
        QCompleter *completer = m_zone->completer();
        completer->setCompletionPrefix(typed);
        if (completer->completionCount() == 1 && completer->setCurrentRow(0))
            m_zone->setCurrentText(completer->currentCompletion());
    });

    m_error->setObjectName(QStringLiteral("scheduleError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::apply(m_error); // and again when the palette changes
    m_preview->setObjectName(QStringLiteral("schedulePreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * (previewCount + 1));
    m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_error->setMinimumHeight(m_preview->minimumHeight());
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *zoneLabel = new QLabel(tr("Time &zone:"), this);
    zoneLabel->setBuddy(m_zone);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_intervalChoice, 0, 0);
    grid->addWidget(m_hours, 0, 1);
    grid->addWidget(m_cronChoice, 1, 0);
    grid->addWidget(m_expression, 1, 1);
    grid->addWidget(zoneLabel, 2, 0, Qt::AlignRight);
    grid->addWidget(m_zone, 2, 1);
    // The error takes the preview's place and room: the dialog keeps its size (its buttons
    // stayed put only while the input was valid).
    grid->addWidget(m_error, 3, 1);
    grid->addWidget(m_preview, 3, 1);
    grid->setColumnStretch(1, 1);

    // The spin box's own editor: an empty or partial entry must invalidate too.
    connect(m_hours->findChild<QLineEdit *>(), &QLineEdit::textChanged, this,
        &ScheduleEditor::validate);
    connect(m_expression, &QLineEdit::textChanged, this, &ScheduleEditor::validate);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ScheduleEditor::validate);
    connect(m_intervalChoice, &QRadioButton::toggled, this, &ScheduleEditor::validate);
    // Typing an expression means choosing it.
    connect(m_expression, &QLineEdit::textEdited, this, [this] { m_cronChoice->setChecked(true); });
    // The arrows and setValue() change the editor's text with its signals blocked: without
    // this the preview kept the old interval.
    connect(m_hours, &QSpinBox::valueChanged, this, [this] {
        if (m_hours->hasFocus())
            m_intervalChoice->setChecked(true);
        validate();
    });
    validate();
}

void ScheduleEditor::setJob(const Job &job)
{
    m_neverRan = !job.lastRun.isValid();
    m_hours->setValue(int(job.intervalHours));
    if (job.cronExpression.isEmpty()) {
        m_intervalChoice->setChecked(true);
    } else {
        setCron(job.cronExpression, job.timeZone.isEmpty() ? QStringLiteral("UTC") : job.timeZone);
    }
    validate();
}

void ScheduleEditor::setNow(const QDateTime &now)
{
    if (now.isValid())
        m_now = now;
    validate();
}

void ScheduleEditor::setHours(int hours)
{
    m_hours->setValue(hours);
    m_intervalChoice->setChecked(true);
}

void ScheduleEditor::setCron(const QString &expression, const QString &zone)
{
    m_expression->setText(expression);
    m_zone->setCurrentText(zone);
    m_cronChoice->setChecked(true);
}

bool ScheduleEditor::isCron() const
{
    return m_cronChoice->isChecked();
}

int ScheduleEditor::hours() const
{
    return m_hours->value();
}

QString ScheduleEditor::expression() const
{
    return m_expression->text().trimmed();
}

QString ScheduleEditor::zoneId() const
{
    return m_zone->currentText().trimmed();
}

Result<Schedule> ScheduleEditor::schedule() const
{
    if (isCron())
        return Schedule::cron(expression(), zoneId());
    bool ok = false;
    const qint64 value = m_hours->cleanText().toLongLong(&ok);
    if (!ok)
        return Error::invalidInput(tr("Enter a whole number of hours from %1 to %2.")
                                       .arg(JobRules::minIntervalHours)
                                       .arg(JobRules::maxIntervalHours));
    return Schedule::interval(value);
}

QString ScheduleEditor::errorText() const
{
    return m_valid ? QString() : m_error->text();
}

void ScheduleEditor::showError(const QString &message)
{
    m_error->setText(MessageText::sentence(message)); // the core says "expected 5 fields…"
    m_error->setVisible(!message.isEmpty());
    m_preview->setVisible(message.isEmpty());
}

void ScheduleEditor::validate()
{
    const bool cron = isCron();
    m_hours->setEnabled(true); // stays editable: editing it picks the interval
    m_zone->setEnabled(cron);

    const bool wasValid = m_valid;
    m_previewLines.clear();
    if (cron && expression().isEmpty()) {
        // Nothing typed yet is not an error, just not done.
        m_valid = false;
        showError(QString());
        m_preview->setText(tr("Type an expression such as 0 3 * * 1-5 or @daily."));
    } else if (const Result<Schedule> made = schedule(); !made) {
        m_valid = false;
        showError(made.error().message);
        m_preview->clear();
    } else {
        m_valid = true;
        showError(QString());
        const QList<QDateTime> runs = made->nextRuns(m_now, cron ? previewCount : 1);
        if (!cron && !runs.isEmpty() && m_neverRan) {
            // The seed runs an interval job that never ran at once, whatever next_run says.
            m_previewLines.append(tr("at once"));
            m_preview->setText(tr("It has never run, so it runs at once (at a runner's next "
                                  "check), then every %n h.",
                nullptr, hours()));
        } else if (!cron && !runs.isEmpty()) {
            const QDateTime next = runs.first();
            m_previewLines.append(RelativeTime::absolute(next));
            m_preview->setText(
                tr("The next run moves to %1 (%2 from now).")
                    .arg(RelativeTime::absolute(next), RelativeTime::duration(m_now.secsTo(next))));
        } else if (runs.isEmpty()) {
            m_valid = false;
            showError(tr("The expression never fires in the next five years."));
            m_preview->clear();
        } else {
            const QTimeZone zone = made->zone();
            const QTimeZone mine = QTimeZone::systemTimeZone();
            const QLocale locale;
            for (const QDateTime &run : runs) {
                const QDateTime local = run.toTimeZone(zone);
                // The weekday helps read expressions such as 1-5; the abbreviation shows DST.
                QString line = QStringLiteral("%1 %2").arg(
                    locale.toString(local, QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                    local.timeZoneAbbreviation());
                // And when the job's zone is not the admin's: the same instant on their clock.
                if (zone.offsetFromUtc(run) != mine.offsetFromUtc(run)) {
                    const QDateTime here = run.toTimeZone(mine);
                    line = tr("%1 (your time: %2)")
                               .arg(line,
                                   QStringLiteral("%1 %2").arg(
                                       locale.toString(here, QStringLiteral("ddd HH:mm")),
                                       here.timeZoneAbbreviation()));
                }
                m_previewLines.append(line);
            }
            m_preview->setText(tr("Next %n run(s):", nullptr, int(runs.size())) + QLatin1Char('\n')
                + m_previewLines.join(QLatin1Char('\n')));
        }
    }
    if (wasValid != m_valid)
        emit validityChanged(m_valid);
}
