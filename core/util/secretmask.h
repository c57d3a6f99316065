#pragma once

#include <QString>

// Secrets never reach logs or tenant_logs: every place that reports a URL (HTTP actions, their
// errors, database URLs) passes it through here first.
namespace SecretMask {

// The text with every URL in it masked: the password of its userinfo and the values of
// sensitive query (and fragment) parameters become "***". Text that is not a URL is kept.
QString maskUrls(const QString &text);

// A query parameter whose value is a secret: token, key, password, secret, signature, sig,
// access_token, api_key, … (case-insensitive; also names that contain such a word).
bool isSensitiveKey(const QString &key);

inline constexpr QLatin1StringView mask{"***"};

} // namespace SecretMask
