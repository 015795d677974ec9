#pragma once

#include <QString>

namespace fs::model {

// ご担当者: a person at the hospital the investigators deal with.
struct Contact
{
    qint64 id = 0;
    QString uuid;
    QString dept;  // 所属・役職
    QString name;  // 担当者名
    QString phone; // 電話番号
    QString mail;  // Mailアドレス

    friend bool operator==(const Contact &, const Contact &) = default;
};

} // namespace fs::model
