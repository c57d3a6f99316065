#pragma once

#include <QCoreApplication>
#include <QString>

// A byte count for people: "512 B", "993,9 KiB" in Portuguese (the UI language's decimal mark).
class SizeText final {
    Q_DECLARE_TR_FUNCTIONS(SizeText)
public:
    SizeText() = delete;
    static QString bytes(qint64 count);
};
