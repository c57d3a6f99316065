#include "core/client/connectionfields.h"

#include "core/db/connectionspec.h"

namespace {
const QString sslModeKey = QStringLiteral("sslmode");
const QString serviceKey = QStringLiteral("service");
} // namespace

std::optional<ConnectionFields> ConnectionFields::fromUrl(const QString &url)
{
    const Result<ConnectionSpec> spec = ConnectionSpec::fromUrl(url);
    if (!spec || spec->backend != Backend::PostgreSQL)
        return std::nullopt;
    ConnectionFields fields;
    fields.host = spec->host;
    fields.port = qMax(0, spec->port);
    fields.database = spec->database;
    fields.user = spec->user;
    fields.sslMode = spec->options.value(sslModeKey);
    fields.service = spec->options.value(serviceKey);
    return fields;
}

QString ConnectionFields::toUrl(const QString &base) const
{
    ConnectionSpec spec;
    if (const Result<ConnectionSpec> parsed = ConnectionSpec::fromUrl(base);
        parsed && parsed->backend == Backend::PostgreSQL)
        spec = *parsed;
    spec.backend = Backend::PostgreSQL;
    spec.host = host.trimmed();
    // A port list of the base URL belongs to its hosts; the field's one port replaces it.
    if (port > 0 || spec.portList.isEmpty()) {
        spec.port = port > 0 ? port : -1;
        spec.portList.clear();
    }
    spec.database = database.trimmed();
    spec.user = user.trimmed();
    spec.password.clear(); // the URL is saved; the password belongs in ~/.pgpass
    const auto setOption = [&spec](const QString &key, const QString &value) {
        if (value.trimmed().isEmpty())
            spec.options.remove(key);
        else
            spec.options.insert(key, value.trimmed());
    };
    setOption(sslModeKey, sslMode);
    setOption(serviceKey, service);
    return spec.displayUrl();
}
