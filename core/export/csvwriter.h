#pragma once

#include <QByteArray>
#include <QStringList>

class QIODevice;

// RFC 4180 CSV into a byte buffer: UTF-8, fields quoted only when they contain the delimiter,
// a quote, CR or LF (quotes doubled), rows ended by CRLF as the RFC says. The caller decides when
// the buffer goes to its device, so writing stays chunked and memory flat.
class CsvWriter final {
public:
    explicit CsvWriter(char delimiter = ',');

    char delimiter() const { return m_delimiter; }

    // The UTF-8 byte order mark spreadsheets look for to pick the encoding.
    static QByteArray byteOrderMark();

    // A null string is written as an empty field, an empty string as "" (as COPY does), so a
    // reader can tell them apart.
    void addField(const QString &value);
    void addField(const QByteArray &utf8, bool isNull = false);
    void endRow();
    // Bytes written as they are (the byte order mark).
    void addRaw(const QByteArray &bytes) { m_buffer.append(bytes); }
    void addRow(const QStringList &fields);

    const QByteArray &buffer() const { return m_buffer; }
    qsizetype size() const { return m_buffer.size(); }
    // Writes the buffer to `device` and empties it; false when the device refused the bytes.
    bool flushTo(QIODevice &device);

    // One field as it would be written (for tests and small callers).
    static QByteArray quoted(const QByteArray &utf8, char delimiter);

private:
    void appendField(const QByteArray &utf8, bool isNull);

    QByteArray m_buffer;
    char m_delimiter;
    bool m_rowStarted = false;
};
