#pragma once

#include <QString>

#include <optional>

// The PostgreSQL fields of the Connect dialog and the URL they stand for. Built through
// ConnectionSpec both ways, so what a URL holds (user, database, options the fields do not
// show) survives a round trip through the fields.
struct ConnectionFields {
    QString host;
    int port = 0; // 0: libpq default
    QString database;
    QString user;
    QString sslMode; // empty: libpq default (prefer)
    QString service;

    // The fields of a PostgreSQL URL; nullopt for SQLite or an invalid URL.
    static std::optional<ConnectionFields> fromUrl(const QString &url);
    // `base` with these fields in place of its own: its other options stay. Never a password.
    QString toUrl(const QString &base = QString()) const;

    bool operator==(const ConnectionFields &) const = default;
};
