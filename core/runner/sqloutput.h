#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <functional>

struct pg_conn;

// The output of a sql action (issue 14): the server's notices (RAISE NOTICE, warnings) as they
// arrive, and a summary line at the end, for the run's stored output. The worker thread
// appends, the action's thread takes. Bounded: past `limit` bytes waiting, the oldest lines go.
class SqlOutput final {
public:
    struct Line {
        bool stderrStream = false;
        QByteArray text; // ends with a newline
    };

    // True when nothing was waiting before (the reader should be told).
    bool append(bool stderrStream, const QByteArray &text);
    QList<Line> take();

    static constexpr qsizetype limit = 1 << 20;

    // While it lives, the connection's notices go to `output` (WARNING and worse as stderr),
    // and `wake` is called when the first of a batch arrives; the previous receiver is put back
    // at the end (the connection may outlive the action).
    class Capture final {
    public:
        Capture(pg_conn *conn, SqlOutput *output, std::function<void()> wake);
        ~Capture();
        Q_DISABLE_COPY_MOVE(Capture)

    private:
        static void receive(void *self, const struct pg_result *result);
        pg_conn *m_conn;
        SqlOutput *m_output;
        std::function<void()> m_wake;
        void (*m_previous)(void *, const struct pg_result *) = nullptr;
    };

private:
    QMutex m_mutex;
    QList<Line> m_lines;
    qsizetype m_bytes = 0;
};
