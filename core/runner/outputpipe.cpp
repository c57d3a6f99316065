#include "core/runner/outputpipe.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

OutputPipe::OutputPipe(QObject *parent)
    : QObject(parent)
{
    m_rearm.setSingleShot(true);
    m_rearm.setTimerType(Qt::PreciseTimer);
    connect(&m_rearm, &QTimer::timeout, this, [this] {
        if (m_notifier)
            m_notifier->setEnabled(true);
    });
}

OutputPipe::~OutputPipe()
{
    close();
}

bool OutputPipe::open()
{
    close();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    m_read = fds[0];
    m_write = fds[1];
    ::fcntl(m_read, F_SETFL, ::fcntl(m_read, F_GETFL) | O_NONBLOCK);
    // 1 MiB is the unprivileged maximum; a user over the kernel's pipe quota keeps 64 KiB.
    ::fcntl(m_read, F_SETPIPE_SZ, int(pipeBytes));
    const int size = ::fcntl(m_read, F_GETPIPE_SZ);
    m_capacity = size > 0 ? size : 64 * 1024;
    return true;
}

void OutputPipe::startReading()
{
    if (m_write >= 0) {
        ::close(m_write);
        m_write = -1;
    }
    if (m_read < 0 || m_notifier)
        return;
    m_notifier = new QSocketNotifier(m_read, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &OutputPipe::onReadable);
}

qsizetype OutputPipe::readAvailable()
{
    if (m_read < 0)
        return -1;
    m_block.resize(m_capacity);
    qsizetype total = 0;
    bool ended = false;
    while (total < m_capacity) {
        const ssize_t n = ::read(m_read, m_block.data() + total, size_t(m_capacity - total));
        if (n > 0) {
            total += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        ended = n == 0 || errno != EAGAIN;
        break;
    }
    if (total > m_capacity / 2) {
        // A big block is handed over as it is (no copy); the next read gets a new one.
        m_block.resize(total);
        emit data(std::exchange(m_block, {}));
    } else if (total > 0) {
        emit data(QByteArray(m_block.constData(), total)); // exact size: m_block is reused
    }
    if (ended) {
        close();
        return total > 0 ? total : -1;
    }
    return total;
}

void OutputPipe::onReadable()
{
    const qsizetype got = readAvailable();
    if (got < 0 || !m_notifier)
        return;
    if (got < m_capacity / 2) {
        // A slow or bursty writer: let it fill the pipe a little before the next wake-up.
        m_notifier->setEnabled(false);
        m_rearm.start(coalesceMs);
    }
}

void OutputPipe::drain()
{
    // Bounded: a leftover writer the guard has not killed yet cannot keep this going.
    for (int round = 0; round < 64 && m_read >= 0 && readAvailable() > 0; ++round) { }
}

void OutputPipe::close()
{
    m_rearm.stop();
    if (m_notifier) { // close() may run inside the notifier's own signal
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    if (m_read >= 0)
        ::close(m_read);
    if (m_write >= 0)
        ::close(m_write);
    m_read = m_write = -1;
}
