#pragma once

#include "core/settings/settingsstore.h"

#include <QSettings>
#include <QString>
#include <QVariant>

#include <utility>

// One setting: key, type and default written once (consolesettings.h), in the manner of
// qBittorrent's SettingValue. Every read and write goes through SettingsStore.
template <typename T> class Setting final {
public:
    Setting(QString key, T defaultValue)
        : m_key(std::move(key))
        , m_default(std::move(defaultValue))
    { }

    const QString &key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

    // The stored value; the default when nothing is stored or it does not convert to T.
    T value() const
    {
        const QVariant stored = SettingsStore::open()->value(m_key);
        if (!stored.isValid() || !stored.canConvert<T>())
            return m_default;
        return stored.template value<T>();
    }
    T operator()() const { return value(); }

    void setValue(const T &value) const
    {
        SettingsStore::open()->setValue(m_key, QVariant::fromValue(value));
    }
    void remove() const { SettingsStore::open()->remove(m_key); }

private:
    QString m_key;
    T m_default;
};
