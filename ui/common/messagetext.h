#pragma once

#include "core/util/error.h"

#include <QCoreApplication>
#include <QString>

// What the console says about an error: a sentence (the layers below write "cannot open …"
// for logs and cronctl) and a hint of what to do next.
namespace MessageText {

// `text` with its first letter in upper case.
QString sentence(const QString &text);
// sentence(), ending in a full stop unless it ends in punctuation already (a line above a hint).
QString fullSentence(const QString &text);
// What the admin can do about `error` (empty when there is nothing more to say). `adding`: the
// error answers a new job, whose only conflict is a name in use.
QString hint(const Error &error, bool adding = false);

} // namespace MessageText
