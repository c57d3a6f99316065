#pragma once

enum class Backend {
    PostgreSQL, // QPSQL: production, several runners
    SQLite, // QSQLITE: the embedded default, one machine
};
