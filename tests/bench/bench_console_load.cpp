// The console's load and live-update targets: 10,000 jobs shown in the model within 300 ms of a
// reload request, and on PostgreSQL an UPDATE from another connection visible in the model
// within 1 s. Prints one line per figure and a verdict line; needs the PG* variables.

#include "core/client/jobclient.h"
#include "support/testdatabase.h"
#include "ui/jobs/jobtablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int jobCount = 10000;
constexpr int rounds = 5;
constexpr double loadTargetMs = 300.0;
constexpr double notifyTargetMs = 1000.0;

const char *insertSql(Backend backend)
{
    return backend == Backend::PostgreSQL
        ? "INSERT INTO cron_jobs (nome, descricao, intervalo_horas) SELECT 'job_' || i, "
          "'Job number ' || i, 1 + i % 24 FROM generate_series(1, 10000) AS i"
        : "INSERT INTO cron_jobs (nome, descricao, intervalo_horas) WITH RECURSIVE n(i) AS "
          "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) SELECT 'job_' || i, "
          "'Job number ' || i, 1 + i % 24 FROM n";
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    return true;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Returns false when a target was missed or something failed.
bool benchBackend(Backend backend)
{
    const QString name = TestDatabase::backendName(backend);
    QString error;
    auto db = TestDatabase::create(backend, &error);
    if (!db) {
        std::printf("%s: cannot create the database: %s\n", qPrintable(name), qPrintable(error));
        return false;
    }
    if (!db->exec(QString::fromLatin1(insertSql(backend))))
        return false;

    JobTableModel model;
    JobClient client(db->spec());
    QObject::connect(&client, &JobClient::jobsLoaded, &model, &JobTableModel::setJobs);
    QObject::connect(&client, &JobClient::jobsUpdated, &model, &JobTableModel::updateJobs);
    client.start();
    if (!waitFor([&] { return model.rowCount() == jobCount + 1; }, 20000)) {
        std::printf("%s: the first load did not finish\n", qPrintable(name));
        return false;
    }

    QList<double> loads;
    for (int i = 0; i < rounds; ++i) {
        model.clear();
        QElapsedTimer timer;
        timer.start();
        client.reload();
        if (!waitFor([&] { return model.rowCount() == jobCount + 1; }, 20000))
            return false;
        loads.append(timer.nsecsElapsed() / 1e6);
    }
    const double load = median(loads);
    bool ok = load <= loadTargetMs;
    std::printf("%-10s reload -> %d jobs in the model: median %.0f ms, best %.0f ms (target %.0f "
                "ms) %s\n",
        qPrintable(name), jobCount + 1, load, *std::min_element(loads.cbegin(), loads.cend()),
        loadTargetMs, load <= loadTargetMs ? "ok" : "MISSED");

    if (backend == Backend::PostgreSQL) {
        QList<double> updates;
        for (int i = 0; i < 10; ++i) {
            const QString text = QStringLiteral("changed %1").arg(i);
            const int row = model.rowOfId(
                db->scalar(QStringLiteral("SELECT id FROM cron_jobs WHERE nome = 'job_5000'"))
                    .toLongLong());
            QElapsedTimer timer;
            timer.start();
            db->exec(QStringLiteral("UPDATE cron_jobs SET descricao = '%1' WHERE nome = "
                                    "'job_5000'")
                         .arg(text));
            if (!waitFor([&] { return model.jobAt(row).description == text; }, 5000)) {
                std::printf("%-10s UPDATE not seen within 5 s\n", qPrintable(name));
                return false;
            }
            updates.append(timer.nsecsElapsed() / 1e6);
        }
        const double update = median(updates);
        const double worst = *std::max_element(updates.cbegin(), updates.cend());
        ok = ok && worst <= notifyTargetMs;
        std::printf("%-10s UPDATE elsewhere -> row changed: median %.1f ms, worst %.1f ms "
                    "(target %.0f ms) %s\n",
            qPrintable(name), update, worst, notifyTargetMs,
            worst <= notifyTargetMs ? "ok" : "MISSED");
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    bool ok = benchBackend(Backend::SQLite);
    ok = benchBackend(Backend::PostgreSQL) && ok;
    std::printf("verdict: %s\n", ok ? "all targets met" : "a target was missed");
    return ok ? 0 : 1;
}
