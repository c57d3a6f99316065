#include "ui/runners/runnerconfigeditor.h"

#include "ui/common/errortext.h"
#include "ui/common/statusstyle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

RunnerConfigEditor::RunnerConfigEditor(QWidget *parent)
    : QWidget(parent)
    , m_path(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_template(new QPushButton(tr("Insert &template"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_save(new QPushButton(tr("Sa&ve"), this))
{
    setObjectName(QStringLiteral("runnerConfigEditor"));
    m_path->setTextFormat(Qt::PlainText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("runnerConfigText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_status->setObjectName(QStringLiteral("runnerConfigStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("runnerConfigSave"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Save the runner config (%1); a running workstation runner restarts "
           "with it")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_template);
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_path);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_text, &QPlainTextEdit::textChanged, this, &RunnerConfigEditor::validate);
    connect(m_save, &QPushButton::clicked, this, &RunnerConfigEditor::save);
    connect(m_revert, &QPushButton::clicked, this, [this] { load(m_filePath); });
    connect(m_template, &QPushButton::clicked, this, &RunnerConfigEditor::useTemplate);
    validate();
}

QByteArray RunnerConfigEditor::templateJson()
{
    // What a first config looks like: one harmless command, the limits at their defaults.
    return QByteArrayLiteral("{\n"
                             "  \"max_poll_seconds\": 60,\n"
                             "  \"lease_seconds\": 60,\n"
                             "  \"grace_seconds\": 30,\n"
                             "  \"max_concurrent_jobs\": 4,\n"
                             "  \"jobs\": {\n"
                             "    \"sgp_sync_inteligente\": {\n"
                             "      \"type\": \"command\",\n"
                             "      \"program\": \"/bin/sh\",\n"
                             "      \"args\": [\"-c\", \"echo '{\\\"ok\\\": true}'\"],\n"
                             "      \"timeout_seconds\": 3600\n"
                             "    }\n"
                             "  }\n"
                             "}\n");
}

void RunnerConfigEditor::load(const QString &filePath)
{
    m_filePath = filePath;
    m_path->setText(tr("File: %1").arg(QDir::toNativeSeparators(filePath)));
    QFile file(filePath);
    if (file.open(QIODevice::ReadOnly)) {
        m_savedText = file.readAll();
        m_template->setVisible(false);
    } else {
        m_savedText.clear();
        m_template->setVisible(true);
    }
    m_text->setPlainText(QString::fromUtf8(m_savedText));
    validate();
}

void RunnerConfigEditor::useTemplate()
{
    m_text->setPlainText(QString::fromUtf8(templateJson()));
}

bool RunnerConfigEditor::isModified() const
{
    return m_text->toPlainText().toUtf8() != m_savedText;
}

bool RunnerConfigEditor::save()
{
    if (!m_valid || m_filePath.isEmpty())
        return false;
    const QByteArray text = m_text->toPlainText().toUtf8();
    // Atomic (a runner never sees half of it) and writable by its owner only (runners refuse
    // anything else).
    if (const Status saved = RunnerConfig::save(m_filePath, text); !saved) {
        setMessage(saved.error().message, true);
        return false;
    }
    m_savedText = text;
    m_template->setVisible(false);
    validate();
    emit saved(m_filePath);
    return true;
}

void RunnerConfigEditor::setMessage(const QString &message, bool error)
{
    m_message = message;
    m_status->setText(message);
    // A red that reads on the palette's own background, light or dark, also after a change.
    ErrorText::apply(m_status, error);
}

void RunnerConfigEditor::validate()
{
    const QByteArray text = m_text->toPlainText().toUtf8();
    if (text.trimmed().isEmpty()) {
        // Not a JSON error at byte 0: say what it is.
        const QString message = QFile::exists(m_filePath)
            ? tr("%1 is empty; insert the template to start a runner config.")
                  .arg(QDir::toNativeSeparators(m_filePath))
            : tr("There is no runner config at %1 yet; insert the template to start one.")
                  .arg(QDir::toNativeSeparators(m_filePath));
        m_valid = false;
        setMessage(message, false);
        emit configInvalid(message);
        m_save->setEnabled(false);
        m_revert->setEnabled(isModified());
        return;
    }
    const Result<RunnerConfig> config = RunnerConfig::parse(text, m_filePath);
    m_valid = bool(config);
    if (config) {
        setMessage(isModified()
                ? tr("Valid: %n job(s). Not saved yet.", nullptr, int(config->jobs.size()))
                : tr("Valid: %n job(s).", nullptr, int(config->jobs.size())),
            false);
        emit configParsed(*config);
    } else {
        setMessage(config.error().message, true);
        emit configInvalid(config.error().message);
    }
    m_save->setEnabled(m_valid && isModified());
    m_revert->setEnabled(isModified());
}
