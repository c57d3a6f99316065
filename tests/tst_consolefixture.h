#pragma once
// Shared by the console suites: a MainWindow on a throwaway database, with short timers.

#include "core/client/jobclient.h"
#include "core/settings/settingsstore.h"
#include "support/testdatabase.h"
#include "ui/actions/jobactioncontroller.h"
#include "ui/actions/jobactions.h"
#include "ui/common/messageboxes.h"
#include "ui/jobs/jobsview.h"
#include "ui/jobs/jobtablemodel.h"
#include "ui/mainwindow/connectionbanner.h"
#include "ui/mainwindow/mainwindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ConsoleFixture {

using namespace std::chrono_literals;

// A name for application_name, so a test can find (and kill) exactly this console's backend.
inline QString uniquePurpose()
{
    return QStringLiteral("guitest%1").arg(QRandomGenerator::global()->generate() % 1000000);
}

inline JobClient::Options fastOptions(const QString &purpose)
{
    JobClient::Options options;
    options.purpose = purpose;
    options.pollInterval = 200ms;
    options.pingInterval = 200ms;
    options.firstRetry = 100ms;
    options.maxRetry = 1000ms;
    return options;
}

// Settings and message boxes of tests never touch the user's, nor block.
inline void isolate()
{
    QCoreApplication::setOrganizationName(QStringLiteral("cron-console-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("cron-console-tests"));
    static QTemporaryDir settingsDir; // a settings file of this run's own
    SettingsStore::useFile(settingsDir.filePath(QStringLiteral("settings.ini")));
    MessageBoxes::setRecording(true);
}

inline bool connectedWithRows(MainWindow &window, int rows)
{
    return window.client() && window.client()->state() == JobClient::State::Connected
        && window.model()->rowCount() == rows;
}

inline const Job *jobNamed(MainWindow &window, const QString &name)
{
    for (int row = 0; row < window.model()->rowCount(); ++row) {
        if (window.model()->jobAt(row).name == name)
            return &window.model()->jobAt(row);
    }
    return nullptr;
}

} // namespace ConsoleFixture
