#include "support/testdatabase.h"

#include "core/db/migrator.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {

// The maintenance connection: whatever PG* says, to the database it names (default postgres).
std::unique_ptr<Database> serverConnection(QString *error)
{
    ConnectionSpec spec;
    spec.backend = Backend::PostgreSQL;
    if (qEnvironmentVariableIsEmpty("PGDATABASE"))
        spec.database = QStringLiteral("postgres");
    auto opened = Database::open(spec, QStringLiteral("test-admin"));
    if (!opened) {
        *error = QStringLiteral("PostgreSQL is not reachable through the PG* variables "
                                "(PGHOST=%1 PGPORT=%2): %3. Run the tests through "
                                "tests/run-all.sh, which starts a throwaway server.")
                     .arg(qEnvironmentVariable("PGHOST"), qEnvironmentVariable("PGPORT"),
                         opened.error().message);
        return nullptr;
    }
    return std::move(opened).value();
}

} // namespace

QString TestDatabase::backendName(Backend backend)
{
    return backend == Backend::PostgreSQL ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

void TestDatabase::addBackendRows()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::SQLite;
    QTest::newRow("postgresql") << Backend::PostgreSQL;
}

std::unique_ptr<TestDatabase> TestDatabase::create(Backend backend, QString *error, bool migrate)
{
    std::unique_ptr<TestDatabase> db(new TestDatabase);
    if (backend == Backend::SQLite) {
        if (!db->m_dir.isValid()) {
            *error = QStringLiteral("cannot create a temporary folder");
            return nullptr;
        }
        db->m_spec = ConnectionSpec::sqlite(db->m_dir.filePath(QStringLiteral("test.db")));
    } else {
        auto server = serverConnection(error);
        if (!server)
            return nullptr;
        const QString name
            = QStringLiteral("cron_test_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
        QSqlQuery query(server->handle());
        if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            *error = query.lastError().text();
            return nullptr;
        }
        db->m_pgDatabase = name;
        db->m_spec.backend = Backend::PostgreSQL;
        db->m_spec.database = name;
    }
    auto admin = Database::open(db->m_spec, QStringLiteral("test-setup"));
    if (!admin) {
        *error = admin.error().message;
        return nullptr;
    }
    db->m_admin = std::move(admin).value();
    if (migrate) {
        Migrator migrator(*db->m_admin);
        const auto applied = migrator.migrate();
        if (!applied) {
            *error = applied.error().message;
            return nullptr;
        }
    }
    return db;
}

TestDatabase::~TestDatabase()
{
    m_admin.reset();
    if (!m_pgDatabase.isEmpty()) {
        QString error;
        if (auto server = serverConnection(&error)) {
            QSqlQuery query(server->handle());
            query.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase));
        }
    }
}

QString TestDatabase::url() const
{
    if (m_spec.backend == Backend::SQLite)
        return QStringLiteral("sqlite:") + m_spec.filePath;
    return QStringLiteral("postgresql:///") + m_spec.database;
}

std::unique_ptr<Database> TestDatabase::connect(const QString &purpose) const
{
    auto opened = Database::open(m_spec, purpose);
    if (!opened)
        qWarning("TestDatabase::connect: %s", qPrintable(opened.error().message));
    return opened ? std::move(opened).value() : nullptr;
}

void TestDatabase::ensureAdmin() const
{
    // A test may restart the server under us; come back with a fresh connection.
    if (m_admin && m_admin->ping())
        return;
    m_admin.reset();
    auto reopened = Database::open(m_spec, QStringLiteral("test-setup"));
    if (reopened)
        m_admin = std::move(reopened).value();
}

QVariant TestDatabase::scalar(const QString &sql) const
{
    ensureAdmin();
    if (!m_admin)
        return {};
    QSqlQuery query(m_admin->handle());
    if (!query.exec(sql)) {
        qWarning("TestDatabase::scalar failed: %s: %s", qPrintable(sql),
            qPrintable(query.lastError().text()));
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

bool TestDatabase::exec(const QString &sql, QString *error) const
{
    ensureAdmin();
    if (!m_admin)
        return false;
    QSqlQuery query(m_admin->handle());
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    else
        qWarning("TestDatabase::exec failed: %s: %s", qPrintable(sql),
            qPrintable(query.lastError().text()));
    return false;
}
