#include "core/export/exportjob.h"

#include "core/db/database.h"

#include <QElapsedTimer>

ExportJob::ExportJob(const ConnectionSpec &spec, const QString &targetPath,
    const HistoryExporter::Options &options, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_targetPath(targetPath)
    , m_options(options)
{
    setAutoDelete(false);
}

ExportJob::~ExportJob() = default;

void ExportJob::cancel()
{
    m_cancel.store(true);
}

void ExportJob::run()
{
    QElapsedTimer clock;
    clock.start();
    if (m_cancel.load()) {
        emit cancelled();
        return;
    }
    auto opened = Database::open(m_spec, QStringLiteral("export"));
    if (!opened) {
        emit failed(opened.error());
        return;
    }
    const std::unique_ptr<Database> database = std::move(opened).value();
    HistoryExporter exporter(*database);
    exporter.setCancelFlag(&m_cancel);
    exporter.setProgressCallback([this, &clock](qint64 rows, qint64 bytes) {
        const double seconds = std::max<qint64>(clock.elapsed(), 1) / 1000.0;
        emit progress(rows, double(bytes) / seconds);
    });
    const auto summary = exporter.exportToFile(m_targetPath, m_options);
    if (!summary)
        emit failed(summary.error());
    else if (summary->cancelled)
        emit cancelled();
    else
        emit finished(summary->rows);
}
