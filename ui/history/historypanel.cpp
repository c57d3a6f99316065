#include "ui/history/historypanel.h"

#include "core/client/historyclient.h"
#include "core/client/runclient.h"
#include "ui/common/cachedtextdelegate.h"
#include "ui/common/columnfitter.h"
#include "ui/common/elidingheaderview.h"
#include "ui/history/durationchart.h"
#include "ui/history/exportdialog.h"
#include "ui/history/historyexport.h"
#include "ui/history/historyfilterbar.h"
#include "ui/history/historyformat.h"
#include "ui/history/historymodel.h"
#include "ui/history/runsview.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

HistoryPanel::HistoryPanel(const ConnectionSpec &spec, QWidget *parent)
    : HistoryPanel(static_cast<HistoryClient *>(nullptr), parent)
{
    setConnection(spec);
}

HistoryPanel::HistoryPanel(HistoryClient *client, QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
    , m_filterBar(new HistoryFilterBar(this))
    , m_view(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_details(new QPlainTextEdit(this))
    , m_chart(new DurationChart(this))
    , m_runs(new RunsView(this))
    , m_exportButton(new QPushButton(tr("Export CSV…"), this))
    , m_refreshButton(new QPushButton(tr("Refresh"), this))
    , m_status(new QLabel(this))
{
    m_liveDelay = new QTimer(this);
    m_liveDelay->setSingleShot(true);
    m_liveDelay->setInterval(250);
    connect(m_liveDelay, &QTimer::timeout, this, &HistoryPanel::refreshNewest);
    m_poll = new QTimer(this);
    m_poll->setInterval(10000);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshNewest();
    });
    m_poll->start();
    m_exportButton->setObjectName(QStringLiteral("historyExport"));
    m_refreshButton->setObjectName(QStringLiteral("historyRefresh"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    // A server's long error wraps instead of widening the pane past its buttons.
    m_status->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("historyTable"));
    // Tab and Shift+Tab leave the table (the arrow keys move inside it).
    m_view->setTabKeyNavigation(false);
    // Titles of narrowed columns end in "…" instead of being clipped at both sides.
    m_view->setHorizontalHeader(new ElidingHeaderView(Qt::Horizontal, m_view));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new CachedTextDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so thousands of them stay cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    header->resizeSection(HistoryModel::TimeColumn, charWidth * 21);
    header->resizeSection(HistoryModel::JobColumn, charWidth * 22);
    header->resizeSection(HistoryModel::ActionColumn, charWidth * 26);
    header->resizeSection(HistoryModel::StatusColumn, charWidth * 12);
    header->resizeSection(HistoryModel::DurationColumn, charWidth * 11);
    header->resizeSection(HistoryModel::RunnerColumn, charWidth * 16);
    header->resizeSection(HistoryModel::WhoColumn, charWidth * 12);
    // A narrow pane: the free-text columns give up width first, then Who, Runner and Summary
    // step aside (the row's Details tab below shows them whole); the time, status and duration
    // stay whole.
    m_fitter = ColumnFitter::attach(m_view, header,
        {{HistoryModel::SummaryColumn, HistoryModel::WhoColumn, HistoryModel::RunnerColumn,
             HistoryModel::ActionColumn, HistoryModel::JobColumn},
            charWidth * 6, charWidth * 14,
            {HistoryModel::WhoColumn, HistoryModel::RunnerColumn, HistoryModel::SummaryColumn}});

    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a row to see its details"));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_details, tr("Details"));
    m_tabs->addTab(m_chart, tr("Duration"));
    m_tabs->addTab(m_runs, tr("Runs"));

    m_exportButton->setToolTip(tr("Write the rows the filter selects to a CSV file"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_filterBar->addToSecondRow(m_refreshButton);
    m_filterBar->addToSecondRow(m_exportButton);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    // Filters, then the buttons beside them, then the rows and their details.
    setTabOrder(m_filterBar->textField(), m_refreshButton);
    setTabOrder(m_refreshButton, m_exportButton);
    setTabOrder(m_exportButton, m_view);
    setTabOrder(m_view, m_tabs);

    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, &HistoryPanel::applyFilter);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        m_model->reload();
        reloadChart();
    });
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryPanel::chooseExport);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &HistoryPanel::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::showSelected);
    connect(m_model, &HistoryModel::loadingChanged, this, &HistoryPanel::updateStatus);
    connect(m_model, &HistoryModel::pageLoaded, this, [this](int rows, qint64 elapsedMs) {
        // Fit the short columns to the first page only: later pages must not make them jump.
        if (rows > 0 && rows == m_model->rowCount()) {
            for (int column = HistoryModel::TimeColumn; column < HistoryModel::SummaryColumn;
                 ++column)
                m_view->resizeColumnToContents(column);
        }
        m_error.clear();
        m_lastPageMs = elapsedMs;
        updateStatus();
    });
    connect(m_model, &HistoryModel::loadFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    connect(m_model, &HistoryModel::newestRefreshed, this, [this](int rows) {
        if (rows > 0) {
            // The first page set the short columns' widths; a live run may need more (a
            // status and its icon where the page had none): those columns grow, never shrink.
            for (int column = HistoryModel::TimeColumn; column < HistoryModel::SummaryColumn;
                 ++column) {
                if (!m_view->isColumnHidden(column))
                    m_fitter->grow(column,
                        static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(column));
            }
            m_error.clear();
            updateStatus();
            reloadChart(); // the chart's runs follow the table's
        }
        emit refreshed(rows);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_view->scrollToTop(); });
    updateJobColumn();

    if (client)
        setClient(client);
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::setJob(const QString &job)
{
    setJobs(job.isEmpty() ? QStringList() : QStringList{job});
}

void HistoryPanel::setJobs(const QStringList &jobs)
{
    if (jobs == m_jobs)
        return;
    m_jobs = jobs;
    m_job = jobs.size() == 1 ? jobs.constFirst() : QString();
    m_runs->setJob(m_job); // the Runs tab shows one job's runs
    updateJobColumn();
    applyFilter();
}

void HistoryPanel::updateJobColumn()
{
    m_view->setColumnHidden(HistoryModel::JobColumn, m_jobs.size() == 1);
}

void HistoryPanel::noteJobChanged(const QString &job)
{
    // A hidden pane reads nothing (showing it catches up): ten consoles on the Details tab
    // each read the newest history after every burst of a batch of runs (issue 15).
    if (!isVisible())
        return;
    if (m_jobs.isEmpty() || job.isEmpty() || m_jobs.contains(job))
        m_liveDelay->start();
}

void HistoryPanel::refreshNewest()
{
    m_liveDelay->stop();
    m_model->refreshNewest();
    m_runs->reload(); // live too (it reads nothing while hidden)
}

void HistoryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The poll skips a hidden pane: catch up when it is shown again.
    if (m_client && !event->spontaneous())
        m_liveDelay->start();
}

void HistoryPanel::setPollInterval(int msec)
{
    m_poll->setInterval(msec);
}

void HistoryPanel::setRunClient(RunClient *client)
{
    m_runs->setClient(client);
    m_runClient = client;
    reloadChart(); // the chart reads runs from now on
}

void HistoryPanel::setConnection(const ConnectionSpec &spec)
{
    auto *own = new HistoryClient(spec, this);
    setClient(own);
    m_ownClient = own;
}

void HistoryPanel::setClient(HistoryClient *client)
{
    // A new client, so no answer from the old database lands in this view.
    HistoryClient *old = std::exchange(m_ownClient, nullptr);
    m_client = client;
    m_spec = client->spec();
    m_model->setFilter(filter());
    m_model->setClient(m_client);
    if (old != client)
        delete old;
    reloadChart();
}

HistoryFilter HistoryPanel::filter() const
{
    HistoryFilter filter = m_filterBar->filter();
    filter.job = m_job;
    if (m_jobs.size() > 1)
        filter.jobs = m_jobs;
    return filter;
}

void HistoryPanel::applyFilter()
{
    m_model->setFilter(filter());
    reloadChart();
}

void HistoryPanel::showSelected()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(HistoryFormat::prettyJson(m_model->entryAt(current.row()).detailsJson));
}

void HistoryPanel::reloadChart()
{
    const quint64 generation = ++m_chartGeneration;
    if (m_job.isEmpty()) {
        m_chart->setRuns({}, {});
        emit chartUpdated();
        return;
    }
    // The job's latest executions in the chosen date range; the action and text filters narrow
    // the table, not the trend.
    HistoryQuery request;
    request.job = m_job;
    request.since = filter().since;
    request.until = filter().until;
    request.limit = chartRuns;
    const QString job = m_job;
    if (m_runClient) { // the job's runs (cron_runs), with the history from before them
        m_runClient->fetchDurations(
            request, this, [this, generation, job](const Result<QList<DurationPoint>> &points) {
                if (generation != m_chartGeneration)
                    return;
                m_chart->setRuns(job, points ? *points : QList<DurationPoint>());
                emit chartUpdated();
            });
        return;
    }
    m_client->fetchPage(request, this, [this, generation, job](const Result<HistoryPage> &page) {
        if (generation != m_chartGeneration)
            return;
        m_chart->setRuns(
            job, page ? DurationPoints::fromHistory(page->entries) : QList<DurationPoint>());
        emit chartUpdated();
    });
}

void HistoryPanel::chooseExport()
{
    auto *dialog = new ExportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The dialog asked before replacing a file (declined, it stayed open).
        exportTo(
            dialog->path(), dialog->delimiter(), dialog->byteOrderMark(), dialog->locale(), true);
    });
    dialog->open();
}

HistoryExport *HistoryPanel::exportTo(const QString &path, char delimiter, bool byteOrderMark,
    ExportLocale locale, bool replaceConfirmed)
{
    // An export still waiting for its overwrite answer is superseded; a running one goes on.
    if (m_export && !m_export->progressDialog())
        delete m_export;
    auto *job = new HistoryExport(m_spec, filter(), this);
    m_export = job;
    connect(job, &HistoryExport::done, job, &QObject::deleteLater);
    job->start(path, delimiter, byteOrderMark, locale, replaceConfirmed);
    return job;
}

void HistoryPanel::updateStatus()
{
    // %Ln: the count with the locale's digit grouping, and the plural the language wants.
    const int rows = m_model->rowCount();
    QString text;
    if (!m_error.isEmpty()) {
        // The store says what it was doing ("reading the history: …"): once is enough.
        QString cause = m_error;
        const QString doing = QCoreApplication::translate("HistoryPager", "reading the history")
            + QLatin1String(": ");
        if (cause.startsWith(doing))
            cause = cause.mid(doing.size());
        text = tr("Could not read the history: %1").arg(cause);
    } else if (m_model->isLoading())
        text = tr("%Ln row(s), loading more…", nullptr, rows);
    else if (m_model->isAtEnd())
        text = tr("%Ln row(s)", nullptr, rows);
    else
        text = tr("%Ln row(s) so far (scroll for more)", nullptr, rows);
    if (m_error.isEmpty() && m_lastPageMs >= 0)
        text += tr(" · last page %1 ms").arg(m_lastPageMs);
    m_status->setText(text);
}
