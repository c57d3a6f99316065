#include "ui/jobs/jobsview.h"

#include "ui/common/cachedtextdelegate.h"
#include "ui/common/elidingheaderview.h"
#include "ui/common/statusstyle.h"
#include "ui/jobs/jobfilterproxy.h"
#include "ui/jobs/jobsummarybar.h"
#include "ui/jobs/jobtablemodel.h"

#include <algorithm>

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

JobsView::JobsView(JobTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new JobFilterProxy(this))
    , m_summary(new JobSummaryBar(model, this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(JobTableModel::SortRole);
    // The search matches its own role, so countdown updates never re-run the filter.
    m_proxy->setFilterRole(JobTableModel::SearchRole);
    m_proxy->setFilterKeyColumn(JobTableModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_search->setObjectName(QStringLiteral("jobSearch"));
    m_search->setPlaceholderText(tr("Search jobs by name, description, runner or status (Ctrl+F)"));
    connect(
        m_summary, &JobSummaryBar::stateFilterChanged, m_proxy, &JobFilterProxy::setStateFilter);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy,
        [this](const QString &text) { m_proxy->setFilterFixedString(text); });
    // Escape in the search field clears it (as the clear button does).
    auto *clearSearch = new QAction(m_search);
    clearSearch->setShortcut(QKeySequence(Qt::Key_Escape));
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, m_search, &QLineEdit::clear);
    m_search->addAction(clearSearch);

    m_table->setObjectName(QStringLiteral("jobTable"));
    auto *titles = new ElidingHeaderView(Qt::Horizontal, m_table);
    titles->setSectionsClickable(true); // as QTableView's own header: a click sorts
    m_table->setHorizontalHeader(titles);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new CachedTextDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(JobTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    // By pixel: per column, a stretched last column a little narrower than it was once set
    // made a scroll bar appear although every column was on screen.
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(
        m_table->fontMetrics().height() + 8); // fixed: no per-row measuring for 10,000 rows
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    // Widths from sample texts, so translations and fonts fit; no ResizeToContents, which
    // would measure every one of 10,000 rows.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&](const QString &sample, int extra = 0) {
        return metrics.horizontalAdvance(sample) + 18 + extra;
    };
    const auto header
        = [&](int column) { return model->headerData(column, Qt::Horizontal).toString(); };
    // The widest state word in the UI language, so no Portuguese word is cut.
    int status = 0;
    for (const JobState state : {JobState::Disabled, JobState::Pending, JobState::DueNow,
             JobState::Running, JobState::Stuck, JobState::Success, JobState::Error})
        status = std::max(status, fit(StatusStyle::label(state), 24));
    // Sized so the default columns fit the table on a 1280x760 screen without a horizontal
    // scroll in English and Portuguese, a window manager's frame taken off (tst_consolelayout
    // opens the window 1262 px wide); the description takes what is left, and is cut first
    // (its tooltip has all of it), then a long name ends in "…".
    const std::pair<int, int> widths[] = {
        {JobTableModel::Name, fit(QStringLiteral("importar_precos_fo"))},
        {JobTableModel::Description, fit(QString(6, QLatin1Char('n')))},
        {JobTableModel::Schedule, fit(tr("every %n h", nullptr, 168))},
        {JobTableModel::Active, fit(header(JobTableModel::Active), 12)},
        {JobTableModel::Status, std::max(status, fit(header(JobTableModel::Status), 12))},
        {JobTableModel::LastRun,
            std::max(fit(tr("59 min ago")), fit(header(JobTableModel::LastRun), 12))},
        {JobTableModel::NextRun,
            std::max(fit(tr("in 47 h 59 min")), fit(header(JobTableModel::NextRun), 12))},
        {JobTableModel::TotalRuns,
            std::max(fit(QStringLiteral("9999")), fit(header(JobTableModel::TotalRuns), 12))},
        {JobTableModel::LastDuration,
            std::max(fit(tr("3 min 20 s")), fit(header(JobTableModel::LastDuration), 12))},
        {JobTableModel::Runner, fit(QStringLiteral("runner-a:22"))},
    };
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);
    m_table->horizontalHeader()->setMinimumSectionSize(fit(QStringLiteral("nnn")));
    useFlexibleDescription();
    // "Active" repeats what the Status column says ("disabled") and the italic name: hidden by
    // default, one right click on the header away (the choice is saved with the layout).
    m_table->setColumnHidden(JobTableModel::Active, true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this,
        [this](
            const QPoint &pos) { showColumnMenu(m_table->horizontalHeader()->mapToGlobal(pos)); });

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &JobsView::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &JobsView::selectionChanged);
    // A selected row whose data changed may change which actions apply and what the details
    // show. Other rows do not: a burst's hundreds of blocks redid both for each block.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            if (topLeft.column() != 0 && topLeft.column() != JobTableModel::Status)
                return;
            const auto changed = [&](const QModelIndex &shown) {
                const int row = m_proxy->mapToSource(shown).row();
                return row >= topLeft.row() && row <= bottomRight.row();
            };
            const QItemSelectionModel *selection = m_table->selectionModel();
            const QModelIndexList selected = selection->selectedRows();
            if (changed(selection->currentIndex())
                || std::any_of(selected.cbegin(), selected.cend(), changed))
                emit selectionChanged();
        });
    // The countdowns' cells on screen, and nothing else, are painted again each second.
    connect(m_model, &JobTableModel::countdownsTicked, this, [this] {
        const QHeaderView *header = m_table->horizontalHeader();
        QWidget *viewport = m_table->viewport();
        for (const int column : {int(JobTableModel::LastRun), int(JobTableModel::NextRun)}) {
            if (m_table->isColumnHidden(column))
                continue;
            const int x = header->sectionViewportPosition(column);
            const QRect cells(x, 0, header->sectionSize(column), viewport->height());
            if (cells.intersects(viewport->rect()))
                viewport->update(cells);
        }
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit contextMenuRequested(m_table->viewport()->mapToGlobal(pos));
    });
    // Double click or Enter, never QAbstractItemView::activated: with KDE's single-click
    // setting that comes on one click, and selecting a row opened Change schedule.
    connect(m_table, &QAbstractItemView::doubleClicked, this, &JobsView::activated);
    m_table->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    setFocusProxy(m_table);
}

void JobsView::showColumnMenu(const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_table->isColumnHidden(column));
        action->setEnabled(column != JobTableModel::Name); // the name always shows
        connect(action, &QAction::toggled, m_table,
            [this, column](bool shown) { m_table->setColumnHidden(column, !shown); });
    }
    menu->popup(globalPos);
}

QSortFilterProxyModel *JobsView::proxy() const
{
    return m_proxy;
}

QList<Job> JobsView::selectedJobs() const
{
    QList<Job> jobs;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.isValid())
            jobs.append(m_model->jobAt(source.row()));
    }
    return jobs;
}

std::optional<Job> JobsView::currentJob() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {})) {
        const QModelIndex source = m_proxy->mapToSource(current);
        if (source.isValid())
            return m_model->jobAt(source.row());
    }
    const QList<Job> selected = selectedJobs();
    if (!selected.isEmpty())
        return selected.first();
    return std::nullopt;
}

void JobsView::selectJob(const QString &name)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->jobAt(row).name != name)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            return;
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
        return;
    }
}

QByteArray JobsView::saveLayout() const
{
    return m_table->horizontalHeader()->saveState();
}

void JobsView::restoreLayout(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    m_table->horizontalHeader()->restoreState(state);
    useFlexibleDescription(); // a layout saved before the description stretched
}

void JobsView::useFlexibleDescription()
{
    // The description grows and shrinks with the table, so the other columns keep the widths
    // their words need and no window size down to the default makes a horizontal scroll (a
    // stretched last column only grew: it never gave back what a longer language took).
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(JobTableModel::Description, QHeaderView::Stretch);
}

bool JobsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier && m_table->currentIndex().isValid()) {
            emit activated();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
