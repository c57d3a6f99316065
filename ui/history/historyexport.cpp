#include "ui/history/historyexport.h"

#include "core/export/exportjob.h"
#include "ui/common/messageboxes.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QThreadPool>

HistoryExport::HistoryExport(
    const ConnectionSpec &spec, const HistoryFilter &filter, QWidget *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_filter(filter)
    , m_parent(parent)
{ }

HistoryExport::~HistoryExport()
{
    // The job deletes itself once run() returns; it only needs to stop early.
    if (m_job)
        m_job->cancel();
}

void HistoryExport::start(const QString &path, char delimiter, bool byteOrderMark,
    ExportLocale locale, bool replaceConfirmed)
{
    m_path = path;
    m_delimiter = delimiter;
    m_byteOrderMark = byteOrderMark;
    m_locale = locale;
    if (!replaceConfirmed && QFileInfo::exists(path)) {
        MessageBoxes::question(m_parent, tr("Replace file?"),
            tr("%1 already exists. Replace it with the exported history?")
                .arg(QDir::toNativeSeparators(path)),
            tr("Replace"), [self = QPointer<HistoryExport>(this)] {
                if (self)
                    self->run();
            });
        return;
    }
    run();
}

void HistoryExport::cancel()
{
    if (m_job)
        m_job->cancel();
}

void HistoryExport::run()
{
    HistoryExporter::Options options;
    options.filter = m_filter;
    options.delimiter = m_delimiter;
    options.byteOrderMark = m_byteOrderMark;
    options.locale = m_locale;
    options.progressEveryRows = 2000;
    auto *job = new ExportJob(m_spec, m_path, options);
    m_job = job;

    m_progress = new QProgressDialog(m_parent);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setWindowTitle(tr("Exporting history"));
    m_progress->setLabelText(tr("Starting the export…"));
    m_progress->setRange(0, 0); // the row count is not known in advance
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setWindowModality(Qt::WindowModal);
    connect(m_progress, &QProgressDialog::canceled, this, &HistoryExport::cancel);
    m_progress->show();

    connect(job, &ExportJob::progress, this, &HistoryExport::onProgress);
    connect(
        job, &ExportJob::finished, this, [this](qint64 rows) { finish(Outcome::Finished, rows); });
    connect(job, &ExportJob::cancelled, this, [this] { finish(Outcome::Cancelled, 0); });
    connect(job, &ExportJob::failed, this, [this](const Error &error) {
        MessageBoxes::critical(m_parent, tr("Export failed"),
            tr("The history could not be exported to %1: %2. No file was written.")
                .arg(QDir::toNativeSeparators(m_path), error.message));
        finish(Outcome::Failed, 0);
    });
    m_clock.start();
    // Deleted on its own thread's return, never while run() is still unwinding.
    QThreadPool::globalInstance()->start([job] {
        job->run();
        job->deleteLater();
    });
}

void HistoryExport::onProgress(qint64 rows, double bytesPerSecond)
{
    emit progress(rows);
    if (!m_progress)
        return;
    const double seconds = std::max<qint64>(m_clock.elapsed(), 1) / 1000.0;
    const QLocale locale;
    m_progress->setLabelText(
        tr("%1 rows written (%2 rows/s, %3/s)")
            .arg(locale.toString(rows), locale.toString(qint64(rows / seconds)),
                locale.formattedDataSize(qint64(bytesPerSecond))));
}

void HistoryExport::finish(Outcome outcome, qint64 rows)
{
    if (m_progress)
        m_progress->close();
    m_job = nullptr;
    if (outcome == Outcome::Finished) {
        MessageBoxes::information(m_parent, tr("Export finished"),
            tr("%Ln row(s) exported to %1.", nullptr, int(std::min<qint64>(rows, INT_MAX)))
                .arg(QDir::toNativeSeparators(m_path)));
    } else if (outcome == Outcome::Cancelled) {
        MessageBoxes::information(
            m_parent, tr("Export cancelled"), tr("The export was cancelled. No file was written."));
    }
    emit done(outcome, rows);
}

QProgressDialog *HistoryExport::progressDialog() const
{
    return m_progress.data();
}
