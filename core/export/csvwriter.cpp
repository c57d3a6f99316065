#include "core/export/csvwriter.h"

#include <QIODevice>

namespace {

bool needsQuotes(const QByteArray &utf8, char delimiter)
{
    for (const char c : utf8) {
        if (c == delimiter || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

void appendQuoted(QByteArray &out, const QByteArray &utf8, char delimiter, bool isNull)
{
    if (isNull)
        return;
    if (utf8.isEmpty()) {
        out.append("\"\"", 2);
        return;
    }
    if (!needsQuotes(utf8, delimiter)) {
        out.append(utf8);
        return;
    }
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

} // namespace

CsvWriter::CsvWriter(char delimiter)
    : m_delimiter(delimiter)
{
    m_buffer.reserve(64 * 1024);
}

QByteArray CsvWriter::byteOrderMark()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

void CsvWriter::appendField(const QByteArray &utf8, bool isNull)
{
    if (m_rowStarted)
        m_buffer.append(m_delimiter);
    m_rowStarted = true;
    appendQuoted(m_buffer, utf8, m_delimiter, isNull);
}

void CsvWriter::addField(const QString &value)
{
    appendField(value.toUtf8(), value.isNull());
}

void CsvWriter::addField(const QByteArray &utf8, bool isNull)
{
    appendField(utf8, isNull);
}

void CsvWriter::endRow()
{
    m_buffer.append("\r\n", 2); // RFC 4180 line ends, whatever the platform
    m_rowStarted = false;
}

void CsvWriter::addRow(const QStringList &fields)
{
    for (const QString &field : fields)
        addField(field);
    endRow();
}

bool CsvWriter::flushTo(QIODevice &device)
{
    if (m_buffer.isEmpty())
        return true;
    const bool ok = device.write(m_buffer) == m_buffer.size();
    m_buffer.resize(0); // keeps the capacity, so the next chunk does not allocate
    return ok;
}

QByteArray CsvWriter::quoted(const QByteArray &utf8, char delimiter)
{
    QByteArray out;
    appendQuoted(out, utf8, delimiter, false);
    return out;
}
