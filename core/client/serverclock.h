#pragma once

#include <QDateTime>

#include <functional>

// The database server's clock as best known here: this machine's clock corrected by the skew
// seen in the last row read (Job::readAt). Every widget asks it for "now", so countdowns, "ago"
// columns and schedule previews agree with each other and with the server.
class ServerClock final {
public:
    using Source = std::function<QDateTime()>;

    QDateTime now() const { return m_source().addMSecs(m_skewMs); }
    // A row the server read at `readAt` by its own clock.
    void noteServerTime(const QDateTime &readAt)
    {
        if (readAt.isValid() && !m_fixed)
            m_skewMs = m_source().msecsTo(readAt);
    }
    // Tests: a fixed clock, which no server time corrects.
    void setSource(Source source)
    {
        m_source = std::move(source);
        m_skewMs = 0;
        m_fixed = true;
    }

private:
    Source m_source = [] { return QDateTime::currentDateTimeUtc(); };
    qint64 m_skewMs = 0;
    bool m_fixed = false;
};
