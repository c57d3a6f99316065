#include "core/runner/sqloutput.h"

#include <QMutexLocker>

#include <libpq-fe.h>

bool SqlOutput::append(bool stderrStream, const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    QMutexLocker lock(&m_mutex);
    const bool wasEmpty = m_lines.isEmpty();
    QByteArray line = text.endsWith('\n') ? text : text + '\n';
    m_bytes += line.size();
    m_lines << Line{stderrStream, std::move(line)};
    while (m_bytes > limit && m_lines.size() > 1) {
        m_bytes -= m_lines.constFirst().text.size();
        m_lines.removeFirst();
    }
    return wasEmpty;
}

QList<SqlOutput::Line> SqlOutput::take()
{
    QMutexLocker lock(&m_mutex);
    m_bytes = 0;
    return std::exchange(m_lines, {});
}

SqlOutput::Capture::Capture(pg_conn *conn, SqlOutput *output, std::function<void()> wake)
    : m_conn(conn)
    , m_output(output)
    , m_wake(std::move(wake))
{
    if (!m_conn)
        return;
    // The previous receiver comes back at the end; libpq does not tell its argument, which is
    // null for its own default receiver (it passes notices on to the notice processor).
    m_previous = PQsetNoticeReceiver(m_conn, &Capture::receive, this);
}

SqlOutput::Capture::~Capture()
{
    if (m_conn && m_previous)
        PQsetNoticeReceiver(m_conn, m_previous, nullptr);
}

void SqlOutput::Capture::receive(void *self, const PGresult *result)
{
    auto *capture = static_cast<Capture *>(self);
    const char *severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    const bool warning
        = severity && (qstrcmp(severity, "WARNING") == 0 || qstrcmp(severity, "ERROR") == 0);
    if (capture->m_output->append(warning, QByteArray(PQresultErrorMessage(result)))
        && capture->m_wake)
        capture->m_wake();
}
