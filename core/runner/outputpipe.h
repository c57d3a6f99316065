#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSocketNotifier;

// One output stream of a command (stdout or stderr), read on the runner's thread in big blocks.
// QProcess reads a pipe on every wake-up, which for a program writing 4 KiB at a time is one
// event-loop pass per 4 KiB (most of the runner's cost per byte). Here a read that found the
// pipe less than half full waits a moment before the next one, so a fast writer is read about
// once per half pipe (1 MiB pipes) and a slow one at most 2 ms late; the writer never waits on
// a full pipe for long. Reads never block.
class OutputPipe final : public QObject {
    Q_OBJECT
public:
    explicit OutputPipe(QObject *parent = nullptr);
    ~OutputPipe() override;
    Q_DISABLE_COPY_MOVE(OutputPipe)

    // Makes the pipe; false (with errno) when the system refuses one.
    bool open();
    // The end the child writes to (dup2 it in the child); -1 before open().
    int writeEnd() const { return m_write; }
    // After the child started: the parent's copy of the write end goes, reading begins.
    void startReading();
    // Reads what is in the pipe now, without waiting (the program ended).
    void drain();
    void close();

    static constexpr int coalesceMs = 2;
    static constexpr qsizetype pipeBytes = 1 << 20;

signals:
    void data(const QByteArray &bytes);

private:
    // Reads up to one pipe's worth; the number of bytes read, -1 at the end of the stream.
    qsizetype readAvailable();
    void onReadable();

    int m_read = -1;
    int m_write = -1;
    qsizetype m_capacity = 64 * 1024;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_rearm;
    QByteArray m_block;
};
