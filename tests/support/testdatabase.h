#pragma once

#include "core/db/connectionspec.h"
#include "core/db/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A throwaway database for one test: a fresh SQLite file in a temporary folder, or a fresh
// PostgreSQL database created on the server libpq's PG* variables point at (and dropped after).
// PostgreSQL being unreachable is a failure the caller reports with QFAIL, never a skip.
class TestDatabase final {
public:
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    // Empty database (no schema) when `migrate` is false.
    static std::unique_ptr<TestDatabase> create(
        Backend backend, QString *error, bool migrate = true);

    const ConnectionSpec &spec() const { return m_spec; }
    QString url() const;
    // A new connection to it, for the calling thread.
    std::unique_ptr<Database> connect(const QString &purpose = QStringLiteral("test")) const;
    // Runs SQL that must succeed; returns the first column of the first row, if any.
    QVariant scalar(const QString &sql) const;
    bool exec(const QString &sql, QString *error = nullptr) const;

    static QString backendName(Backend backend);
    // For initTestCase_data(): a "backend" column with one row per backend, so every test of
    // the suite runs on SQLite and on PostgreSQL.
    static void addBackendRows();

private:
    TestDatabase() = default;
    void ensureAdmin() const;

    ConnectionSpec m_spec;
    QTemporaryDir m_dir;
    QString m_pgDatabase; // created on the server; dropped in the destructor
    mutable std::unique_ptr<Database> m_admin; // for scalar()/exec()
};
