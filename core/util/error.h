#pragma once

#include <QString>

// What went wrong, in a form both a person and a caller can act on: the kind decides exit codes
// and which message box to show, the message is what the user reads.
struct Error {
    enum class Kind {
        InvalidInput, // a value the user gave is wrong (bad interval, bad name, bad URL)
        NotFound, // the job (or other object) does not exist
        Conflict, // the job changed since it was read, or the name is taken
        PermissionDenied, // the role may not do this (read-only role, no privilege)
        Connection, // the server cannot be reached or the connection was lost
        Schema, // the database schema is missing or too new/old for this program
        Config, // a configuration file is broken
        Database, // any other database failure
    };

    Kind kind = Kind::Database;
    QString message;
    bool transient = false; // a lock or serialization conflict: the same work may succeed again

    static Error invalidInput(const QString &message) { return {Kind::InvalidInput, message}; }
    static Error notFound(const QString &message) { return {Kind::NotFound, message}; }
    static Error conflict(const QString &message) { return {Kind::Conflict, message}; }
    static Error permissionDenied(const QString &message)
    {
        return {Kind::PermissionDenied, message};
    }
    static Error connection(const QString &message) { return {Kind::Connection, message}; }
    static Error schema(const QString &message) { return {Kind::Schema, message}; }
    static Error config(const QString &message) { return {Kind::Config, message}; }
    static Error database(const QString &message) { return {Kind::Database, message}; }

    // Input errors are the caller's to fix; the rest are the environment's.
    bool isUserInput() const { return kind == Kind::InvalidInput || kind == Kind::NotFound; }
};
