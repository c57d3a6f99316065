#include "ui/mainwindow/mainwindow.h"

#include "core/client/consolesession.h"
#include "core/client/historyclient.h"
#include "core/client/runclient.h"
#include "core/client/workstationrunner.h"
#include "core/runner/runnerconfig.h"
#include "core/settings/consolesettings.h"
#include "ui/actions/abortrunaction.h"
#include "ui/actions/jobactioncontroller.h"
#include "ui/actions/jobactions.h"
#include "ui/common/elidinglabel.h"
#include "ui/common/messageboxes.h"
#include "ui/common/readablepalette.h"
#include "ui/common/screenfit.h"
#include "ui/common/statusstyle.h"
#include "ui/details/jobdetailsview.h"
#include "ui/details/runoutputview.h"
#include "ui/dialogs/connectiondialog.h"
#include "ui/history/historypanel.h"
#include "ui/jobs/jobsview.h"
#include "ui/jobs/jobtablemodel.h"
#include "ui/mainwindow/alerttray.h"
#include "ui/mainwindow/connectionbanner.h"
#include "ui/mainwindow/elidingstatusbar.h"
#include "ui/mainwindow/pausebanner.h"
#include "ui/runners/runnerconfigeditor.h"
#include "ui/runners/runnerspanel.h"
#include "ui/runners/workstationswitch.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

#include <memory>
#include <utility>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new JobTableModel(this))
    , m_actions(new JobActions(this))
    , m_jobsView(new JobsView(m_model, this))
    , m_details(new JobDetailsView(this))
    , m_controller(new JobActionController(m_actions, m_jobsView, m_model, this))
    , m_banner(new ConnectionBanner(this))
    , m_pauseBanner(new PauseBanner(this))
    , m_tray(new AlertTray(m_model, this))
    , m_runners(new RunnersPanel(this))
    , m_configEditor(new RunnerConfigEditor(this))
    , m_workstation(new WorkstationSwitch(m_actions->runOnWorkstation(), this))
    , m_sideTabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_runnerLabel(new QLabel(this))
    , m_connectionLabel(new ElidingLabel(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setStatusBar(new ElidingStatusBar(this)); // long messages end in "…", whole in the tooltip
    ReadablePalette::followChanges(); // placeholders stay readable when the palette changes
    setWindowIcon(QIcon(QStringLiteral(":/icons/cron-console.svg")));

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->setDocumentMode(true);
    // Every tab stays in sight: a narrow pane (or a longer language) shortens the words instead
    // of hiding the last tabs behind scroll arrows.
    m_sideTabs->setUsesScrollButtons(false);
    m_sideTabs->setElideMode(Qt::ElideRight);
    m_sideTabs->addTab(m_details, tr("Details"));
    m_sideTabs->addTab(m_runners, tr("Runners"));
    m_sideTabs->addTab(m_configEditor, tr("Runner config"));
    // Run output and Abort run (issue 14).
    m_output = new RunOutputView(this);
    m_output->setObjectName(QStringLiteral("runOutput")); // the saved side tab is found by name
    m_abortRun = new AbortRunAction(this);
    m_sideTabs->addTab(m_output, tr("Output"));
    connect(m_abortRun, &AbortRunAction::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    m_splitter->addWidget(m_jobsView);
    m_splitter->addWidget(m_sideTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pauseBanner);
    layout->addWidget(m_splitter, 1); // the splitter takes the height, not the banners
    setCentralWidget(central);

    // Lines between the three, which read as one phrase without them ("idle 9 jobs").
    for (QLabel *label : {m_runnerLabel, m_countLabel, static_cast<QLabel *>(m_connectionLabel)}) {
        if (label != m_runnerLabel) {
            auto *line = new QFrame(statusBar());
            line->setFrameShape(QFrame::VLine);
            line->setFrameShadow(QFrame::Sunken);
            statusBar()->addPermanentWidget(line);
        }
        statusBar()->addPermanentWidget(label);
    }
    createMenus();
    wireRunnerPanels();

    // The selected jobs' history; none selected: all cron activity.
    connect(m_jobsView, &JobsView::selectionChanged, this, [this] {
        if (m_history) {
            QStringList names;
            for (const Job &job : m_jobsView->selectedJobs())
                names << job.name;
            m_history->setJobs(names);
        }
    });
    connect(m_jobsView, &JobsView::selectionChanged, this, [this] {
        updateActions();
        showSelectedDetails();
    });
    // The countdowns in the details pane tick with the table's.
    connect(m_model, &JobTableModel::countdownsTicked, this, [this] {
        if (m_details->isVisible())
            m_details->setJob(m_jobsView->currentJob(), m_model->now());
    });
    connect(m_jobsView, &JobsView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_jobsView, &JobsView::activated, m_actions->changeSchedule(), &QAction::trigger);
    connect(m_controller, &JobActionController::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    auto updateCount = [this] {
        // Overdue jobs (issue 17) counted beside the total, in their state's colour.
        const int overdue = m_model->countInState(JobState::Overdue);
        const QString total = tr("%Ln jobs", nullptr, m_model->rowCount());
        m_countLabel->setText(overdue == 0 ? total
                                           : total
                    + QStringLiteral(", <span style=\"color:%1\">%2</span>")
                          .arg(StatusStyle::color(JobState::Overdue).name(),
                              tr("%Ln overdue", nullptr, overdue)));
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateCount);
    // Rows change one by one (10,000 in a big load): count once per burst, not per row.
    auto *countLater = new QTimer(this);
    countLater->setSingleShot(true);
    countLater->setInterval(200);
    connect(countLater, &QTimer::timeout, this, updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, countLater,
        [countLater] { countLater->start(); });
    updateCount();

    // The default size, but never larger than the screen, title bar included (an 800x500
    // screen showed the left part of a 1280 px window, its status bar and the side pane off
    // screen; a 1280x760 one put the status bar under the screen's edge).
    QSize size(1280, 760);
    if (const QSize room = ScreenFit::roomFor(this); room.isValid())
        size = size.boundedTo(room);
    resize(size);
    restoreSettings();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::wireRunnerPanels()
{
    m_runnerLabel->setObjectName(QStringLiteral("runnerStatus"));
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    connect(m_workstation, &WorkstationSwitch::statusMessage, this,
        [this](
            const QString &message, int timeout) { statusBar()->showMessage(message, timeout); });
    connect(m_workstation, &WorkstationSwitch::summaryChanged, this, [this](const QString &text) {
        m_runnerLabel->setText(text);
        m_runnerLabel->setVisible(!text.isEmpty());
        if (text.startsWith(tr("Stopping…")))
            statusBar()->showMessage(text); // until the runner has stopped
        else if (statusBar()->currentMessage().startsWith(tr("Stopping…")))
            statusBar()->clearMessage();
    });
    connect(m_workstation, &WorkstationSwitch::editConfigRequested, this, [this] {
        m_configEditor->load(m_workstation->configPath());
        m_sideTabs->setVisible(true);
        m_sideTabs->setCurrentWidget(m_configEditor);
    });
    WorkstationRunner *runner = m_workstation->runner();
    connect(runner, &WorkstationRunner::stateChanged, this, [this, runner] {
        m_runners->setOwnRunnerName(runner->runnerName());
        m_runners->refresh();
    });
    connect(runner, &WorkstationRunner::runningJobsChanged, m_runners, &RunnersPanel::refresh);
    connect(m_configEditor, &RunnerConfigEditor::configParsed, m_runners,
        &RunnersPanel::setWorkstationConfig);
    connect(m_configEditor, &RunnerConfigEditor::configInvalid, m_runners,
        &RunnersPanel::setWorkstationConfigError);
    // The runner reads its file only when it starts.
    connect(m_configEditor, &RunnerConfigEditor::saved, m_workstation,
        &WorkstationSwitch::restartIfRunning);
    setRunnerConfigPath(RunnerConfig::defaultUserPath());
}

void MainWindow::setRunnerConfigPath(const QString &path)
{
    m_workstation->setConfigPath(path);
    m_configEditor->load(path);
}

void MainWindow::restoreRunnerSwitch()
{
    if (WorkstationSwitch::rememberedOn())
        m_workstation->turnOn();
}

void MainWindow::createMenus()
{
    auto *toolbar = addToolBar(tr("Jobs"));
    toolbar->setObjectName(QStringLiteral("jobsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_actions->refresh());
    toolbar->addSeparator();
    toolbar->addAction(m_actions->runNow());
    toolbar->addAction(m_actions->enable());
    toolbar->addAction(m_actions->disable());
    toolbar->addAction(m_actions->changeSchedule());
    toolbar->addAction(m_actions->reset());
    toolbar->addSeparator();
    toolbar->addAction(m_actions->newJob());
    toolbar->addAction(m_actions->deleteJob());
    toolbar->addSeparator();
    toolbar->addAction(m_actions->runOnWorkstation());
    // A switch, so the toolbar shows it as one.
    if (QWidget *button = toolbar->widgetForAction(m_actions->runOnWorkstation()))
        button->setObjectName(QStringLiteral("runnerSwitch"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction
        = file->addAction(tr("&Connect to…"), this, &MainWindow::showConnectionDialog);
    connectAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *jobs = menuBar()->addMenu(tr("&Job"));
    jobs->addAction(m_actions->runNow());
    jobs->addAction(m_actions->enable());
    jobs->addAction(m_actions->disable());
    jobs->addAction(m_actions->changeSchedule());
    jobs->addAction(m_actions->editJob());
    jobs->addAction(m_actions->reset());
    jobs->addAction(m_abortRun->action());
    jobs->addSeparator();
    jobs->addAction(m_actions->newJob());
    jobs->addAction(m_actions->deleteJob());
    jobs->addSeparator();
    jobs->addAction(m_actions->runOnWorkstation());
    jobs->addSeparator();
    jobs->addAction(m_pauseBanner->toggleAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions->refresh());
    QAction *find = view->addAction(tr("&Find job"), this, [this] {
        m_jobsView->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_jobsView->searchField()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *focusTable = view->addAction(tr("Go to the job &table"), this,
        [this] { m_jobsView->table()->setFocus(Qt::ShortcutFocusReason); });
    focusTable->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *showDetails = view->addAction(tr("Job &details"));
    showDetails->setCheckable(true);
    showDetails->setChecked(true);
    showDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(showDetails, &QAction::toggled, m_sideTabs, &QWidget::setVisible);
    const struct {
        QString text;
        QWidget *tab;
        QKeySequence key;
    } tabs[] = {
        // Alt+1…5 in the tabs' order: Details, History (inserted second), Runners, config,
        // Output.
        {tr("Show the job d&etails"), m_details, QKeySequence(Qt::ALT | Qt::Key_1)},
        {tr("Show the &runners"), m_runners, QKeySequence(Qt::ALT | Qt::Key_3)},
        {tr("Edit the runner &config"), m_configEditor, QKeySequence(Qt::ALT | Qt::Key_4)},
        {tr("Show the run &output"), m_output, QKeySequence(Qt::ALT | Qt::Key_5)},
    };
    QList<QAction *> tabActions;
    for (const auto &tab : tabs) {
        QAction *show = view->addAction(tab.text, this, [this, showDetails, widget = tab.tab] {
            showDetails->setChecked(true);
            m_sideTabs->setCurrentWidget(widget);
            widget->setFocus(Qt::ShortcutFocusReason);
        });
        show->setShortcut(tab.key);
        tabActions << show;
        // The whole name when a narrow pane shortens it, with the key.
        const int index = m_sideTabs->indexOf(tab.tab);
        m_sideTabs->setTabToolTip(index,
            tr("%1 (%2)").arg(
                m_sideTabs->tabText(index), tab.key.toString(QKeySequence::NativeText)));
    }
    // The history panel exists once a database is open.
    QAction *showHistory = view->addAction(tr("Show the &history"), this, [this, showDetails] {
        if (!m_history)
            return;
        showDetails->setChecked(true);
        showSideTab(QStringLiteral("historyTab"));
        m_history->setFocus(Qt::ShortcutFocusReason);
    });
    showHistory->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    // In the menu where its tab is, second (the menu read Alt+1, 3, 4, 5, 2).
    view->removeAction(showHistory);
    view->insertAction(tabActions.at(1), showHistory);
    QAction *exportHistory = view->addAction(tr("E&xport the history as CSV…"), this, [this] {
        if (m_history)
            m_history->exportButton()->click();
    });
    exportHistory->setObjectName(QStringLiteral("exportHistoryAction"));
    exportHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    view->addSeparator();
    view->addAction(toolbar->toggleViewAction());
    QAction *tray = view->addAction(tr("Tray icon and &notifications"));
    tray->setObjectName(QStringLiteral("trayNotificationsAction"));
    tray->setCheckable(true);
    tray->setChecked(ConsoleSettings::trayNotifications.value());
    m_tray->setEnabled(tray->isChecked());
    connect(tray, &QAction::toggled, this, [this](bool on) {
        ConsoleSettings::trayNotifications.setValue(on);
        m_tray->setEnabled(on);
    });
    connect(m_tray, &AlertTray::openJob, this, [this](const QString &name) {
        m_jobsView->selectJob(name);
        m_sideTabs->setCurrentWidget(m_details);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Cron Console"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::openDatabase(const ConnectionSpec &spec, const JobClient::Options &options)
{
    if (m_session) {
        m_client->disconnect(this);
        delete m_session; // closes its connections on their own threads
        m_session = nullptr;
        m_client = nullptr;
        m_model->clear();
    }
    m_session = new ConsoleSession(spec, options, this);
    m_client = m_session->jobs();
    m_output->setClient(m_session->runs());
    m_abortRun->setClient(m_session->runs());
    m_model->setServerClock(m_session->clock());
    connect(m_client, &JobClient::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_client, &JobClient::writableChanged, this, &MainWindow::updateActions);
    connect(m_client, &JobClient::writableChanged, this, &MainWindow::updateTitle);
    connect(m_client, &JobClient::jobsLoaded, m_model, &JobTableModel::setJobs);
    // Something selected from the start, so the details and keyboard have a place to begin;
    // only on the first load, so a later reload (SQLite polls) never undoes a deselection.
    auto firstLoad = std::make_shared<bool>(true);
    connect(m_client, &JobClient::jobsLoaded, this, [this, firstLoad] {
        if (!std::exchange(*firstLoad, false))
            return;
        if (!m_jobsView->currentJob() && !m_initialSelection.isEmpty())
            m_jobsView->selectJob(m_initialSelection);
        if (!m_jobsView->currentJob() && m_model->rowCount() > 0) {
            const QModelIndex first = m_jobsView->proxy()->index(0, 0);
            m_jobsView->table()->selectionModel()->setCurrentIndex(
                first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });
    connect(m_client, &JobClient::jobsUpdated, m_model, &JobTableModel::updateJobs);
    // A run starting or ending: the output pane and Abort run follow (after the model's update).
    connect(m_client, &JobClient::jobsUpdated, m_output, [this](const QList<Job> &jobs) {
        if (const auto current = m_jobsView->currentJob()) {
            const bool mine = std::any_of(jobs.cbegin(), jobs.cend(),
                [&](const Job &job) { return job.name == current->name; });
            if (mine)
                m_output->setJob(current);
        }
        updateActions();
    });
    connect(m_client, &JobClient::jobRemoved, m_model, &JobTableModel::removeJob);
    // The History pane is live: a changed job (a run, an admin action) may have new rows.
    connect(m_client, &JobClient::jobsUpdated, this, [this](const QList<Job> &jobs) {
        if (!m_history)
            return;
        for (const Job &job : jobs)
            m_history->noteJobChanged(job.name);
    });
    connect(m_client, &JobClient::jobsLoaded, this, [this] {
        if (m_history)
            m_history->noteJobChanged({});
    });
    m_controller->setClient(m_client);
    m_pauseBanner->setClient(m_client);
    m_runners->setClient(m_client, m_session->clock());
    m_workstation->setDatabase(spec);
    if (!m_history) {
        m_history = new HistoryPanel(m_session->history(), this);
        m_history->setObjectName(QStringLiteral("historyPanel"));
        // In a scroll area, for height only: in a short window its filter bar (which wraps to
        // the pane's width), table and chart need more than there is.
        auto *scroll = new QScrollArea(m_sideTabs);
        scroll->setObjectName(QStringLiteral("historyTab")); // the saved side tab's name
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(m_history);
        const QWidget *current = m_sideTabs->currentWidget();
        m_sideTabs->insertTab(1, scroll, tr("History"));
        m_sideTabs->setTabToolTip(1,
            tr("%1 (%2)").arg(tr("History"),
                QKeySequence(Qt::ALT | Qt::Key_2).toString(QKeySequence::NativeText)));
        // The History tab saved last time, unless another tab was chosen since.
        if (current == m_sideTabs->widget(0))
            showSideTab(m_pendingSideTab);
        m_pendingSideTab.clear();
    } else {
        m_history->setClient(m_session->history());
    }
    m_history->setRunClient(m_session->runs());
    onStateChanged(JobClient::State::Connecting, {});
    updateTitle();
    m_session->start();
}

void MainWindow::updateTitle()
{
    if (!m_client) {
        setWindowTitle(QString());
        m_connectionLabel->setFullText(QString());
        return;
    }
    const QString where = m_client->spec().displayUrl();
    setWindowTitle(where);
    QString label = m_client->databaseUser().isEmpty()
        ? where
        : tr("%1 as %2").arg(where, m_client->databaseUser());
    if (m_client->state() == JobClient::State::Connected && !m_client->isWritable())
        label += QStringLiteral(" — ") + tr("read-only"); // not QLatin1String: UTF-8 dash
    m_connectionLabel->setFullText(label);
    m_connectionLabel->setExtraToolTip(m_client->readOnlyReason());
}

void MainWindow::onStateChanged(JobClient::State state, const QString &message)
{
    switch (state) {
    case JobClient::State::Connected:
        if (m_history)
            m_history->noteJobChanged({}); // back after an outage: the pane recovers too
        if (message.isEmpty())
            m_banner->hide();
        else
            m_banner->showMessage(tr("The job list could not be read:"), message);
        break;
    case JobClient::State::Connecting:
        if (message.isEmpty())
            m_banner->hide(); // the first connection is usually quick: no flash
        else
            m_banner->showMessage(tr("Connecting…"), message);
        break;
    case JobClient::State::Reconnecting:
        m_banner->showMessage(tr("Reconnecting…"), message);
        break;
    }
    updateActions();
    updateTitle();
}

void MainWindow::updateActions()
{
    const bool connected = m_client && m_client->state() == JobClient::State::Connected;
    m_actions->update(m_jobsView->selectedJobs(), m_model->now(), connected,
        m_client && m_client->isWritable(), m_client ? m_client->readOnlyReason() : QString());
    m_abortRun->update(m_jobsView->selectedJobs(), connected && m_client->isWritable());
}

void MainWindow::showSelectedDetails()
{
    const auto job = m_jobsView->currentJob();
    m_details->setJob(job, m_model->now());
    m_output->setJob(job);
    if (!job) {
        m_detailsJobId = -1;
        return;
    }
    // History again only when the job ran or changed, not on every countdown tick.
    const qint64 key = job->totalRuns * 1000003LL + job->rowVersion;
    if (job->id != m_detailsJobId || key != m_detailsHistoryKey) {
        m_detailsJobId = job->id;
        m_detailsHistoryKey = key;
        loadHistory(*job);
    }
}

void MainWindow::loadHistory(const Job &job)
{
    if (!m_session)
        return;
    // The same client and query as the History pane's, for the job's latest rows.
    HistoryQuery query;
    query.job = job.name;
    query.limit = 30;
    const qint64 id = job.id;
    m_session->history()->fetchPage(query, m_details, [this, id](const Result<HistoryPage> &page) {
        if (id != m_detailsJobId)
            return; // the user moved on
        if (page)
            m_details->setHistory(page->entries, m_session->now());
        else
            m_details->setHistoryError(page.error().message);
    });
}

void MainWindow::showContextMenu(const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_actions->runNow());
    menu->addAction(m_actions->enable());
    menu->addAction(m_actions->disable());
    menu->addAction(m_actions->changeSchedule());
    menu->addAction(m_actions->editJob());
    menu->addAction(m_actions->reset());
    menu->addAction(m_abortRun->action());
    menu->addSeparator();
    menu->addAction(m_actions->newJob());
    menu->addAction(m_actions->deleteJob());
    menu->addSeparator();
    menu->addAction(m_actions->refresh());
    menu->popup(globalPos);
}

void MainWindow::showAbout()
{
    MessageBoxes::about(this, tr("About Cron Console"),
        tr("<h3>Cron Console %1</h3>"
           "<p>Administration console for the persistent cron system: jobs in "
           "<code>cron_jobs</code>, history and audit in <code>tenant_logs</code>.</p>"
           "<p>Built with Qt %2.</p>"
           "<p>Copyright 2026 The Cron Console developers. MIT License.</p>")
            .arg(QLatin1String(CRON_CONSOLE_VERSION), QLatin1String(QT_VERSION_STR)));
}

void MainWindow::showConnectionDialog()
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_client) // opens on the connection in use
        dialog->setCurrentConnection(m_client->spec(), m_client->databaseUser());
    connect(dialog, &ConnectionDialog::connectRequested, this,
        [this](const ConnectionSpec &spec) { openDatabase(spec); });
    dialog->open();
}

void MainWindow::showDialogWhenLoaded(const QString &which)
{
    if (!m_client)
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_client, &JobClient::jobsLoaded, this,
        [this, which, connection] {
            disconnect(*connection);
            QAction *action = nullptr;
            if (which == QLatin1String("schedule"))
                action = m_actions->changeSchedule();
            else if (which == QLatin1String("reset"))
                action = m_actions->reset();
            else if (which == QLatin1String("delete"))
                action = m_actions->deleteJob();
            else if (which == QLatin1String("new"))
                action = m_actions->newJob();
            else if (which == QLatin1String("edit"))
                action = m_actions->editJob();
            if (which == QLatin1String("connect"))
                showConnectionDialog();
            else if (which == QLatin1String("history"))
                showSideTab(QStringLiteral("historyTab"));
            else if (which == QLatin1String("runners"))
                m_sideTabs->setCurrentWidget(m_runners);
            else if (which == QLatin1String("runner-config"))
                m_sideTabs->setCurrentWidget(m_configEditor);
            else if (action)
                action->trigger();
        },
        Qt::QueuedConnection);
}

void MainWindow::restoreSettings()
{
    restoreGeometry(ConsoleSettings::windowGeometry.value());
    restoreState(ConsoleSettings::windowState.value());
    const QByteArray splitter = ConsoleSettings::splitterState.value();
    if (splitter.isEmpty())
        m_splitter->setSizes({860, 420});
    else
        m_splitter->restoreState(splitter);
    m_jobsView->restoreLayout(ConsoleSettings::jobColumns.value());
    // By name, not index: the History tab only appears once a database opens (openDatabase).
    m_pendingSideTab = ConsoleSettings::sideTab.value();
    if (showSideTab(m_pendingSideTab))
        m_pendingSideTab.clear();
    else
        m_sideTabs->setCurrentIndex(0);
}

bool MainWindow::showSideTab(const QString &objectName)
{
    for (int i = 0; i < m_sideTabs->count(); ++i) {
        if (!objectName.isEmpty() && m_sideTabs->widget(i)->objectName() == objectName) {
            m_sideTabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::saveSettings() const
{
    ConsoleSettings::windowGeometry.setValue(saveGeometry());
    ConsoleSettings::windowState.setValue(saveState());
    ConsoleSettings::splitterState.setValue(m_splitter->saveState());
    ConsoleSettings::jobColumns.setValue(m_jobsView->saveLayout());
    if (QWidget *tab = m_sideTabs->currentWidget())
        ConsoleSettings::sideTab.setValue(tab->objectName());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    WorkstationRunner *runner = m_workstation->runner();
    if (runner->isActive()) {
        // Never leave a job half-run: the runner stops gracefully first, then the window closes.
        event->ignore();
        if (m_closeConfirmed)
            return; // already stopping
        MessageBoxes::question(this, tr("Quit Cron Console"),
            tr("This workstation is running jobs as %1 (%n running now). Quitting stops the "
               "runner: running jobs get their grace time to finish.",
                nullptr, int(runner->runningJobs().size()))
                .arg(runner->runnerName()),
            tr("&Stop the runner and quit"), [this] {
                m_closeConfirmed = true;
                m_workstation->stopThen([this] { close(); });
            });
        return;
    }
    saveSettings();
    event->accept();
}
