#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStyle>

class QAction;
class QWidget;

// The icons of the console's actions: the icon theme's where it has one, else the style's stock
// icon made readable on the window's palette (ReadableIcon), made again when the palette, the
// style or the theme changes while the console runs (a desktop switching to dark).
class ActionIcons final : public QObject {
public:
    explicit ActionIcons(QWidget *window);
    Q_DISABLE_COPY_MOVE(ActionIcons)

    void set(QAction *action, const QString &themeName, QStyle::StandardPixmap fallback);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry {
        QPointer<QAction> action;
        QString themeName;
        QStyle::StandardPixmap fallback;
    };

    void apply(const Entry &entry) const;

    QWidget *m_window;
    QList<Entry> m_entries;
};
