#include "ui/common/messagetext.h"

#include <QCoreApplication>

namespace MessageText {

namespace {

// In this file, not the header: lupdate then files the messages under the context they are
// looked up with (from the header it filed them under "Text", and pt_BR showed English).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(MessageText)
};

} // namespace

QString sentence(const QString &text)
{
    if (text.isEmpty() || !text.at(0).isLower())
        return text;
    return text.at(0).toUpper() + text.mid(1);
}

QString fullSentence(const QString &text)
{
    const QString line = sentence(text.trimmed());
    if (line.isEmpty() || QStringLiteral(".!?:…").contains(line.back()))
        return line;
    return line + QLatin1Char('.');
}

QString hint(const Error &error, bool adding)
{
    switch (error.kind) {
    case Error::Kind::Connection:
        return Text::tr("The console reconnects by itself; what you entered is kept. Try again "
                        "once the connection is back.");
    case Error::Kind::Conflict:
        if (adding)
            return Text::tr("Choose another name and try again.");
        return Text::tr("Change the value, or reload to see what changed, and try again.");
    case Error::Kind::InvalidInput:
        return Text::tr("Correct the value and try again.");
    case Error::Kind::PermissionDenied:
        return Text::tr("Ask an administrator for the privilege, or connect as a role that has "
                        "it.");
    case Error::Kind::NotFound:
        return Text::tr("The job may have been deleted meanwhile: reload the list.");
    case Error::Kind::Schema:
    case Error::Kind::Config:
    case Error::Kind::Database:
        break;
    }
    return {};
}

} // namespace MessageText
