#include "util/error.h"

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::InvalidInput:
        return QStringLiteral("invalid-input");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case Kind::Connection:
        return QStringLiteral("connection");
    case Kind::Schema:
        return QStringLiteral("schema");
    case Kind::Config:
        return QStringLiteral("config");
    case Kind::Database:
        break;
    }
    return QStringLiteral("database");
}
