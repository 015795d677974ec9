#pragma once

#include "error.h"

#include <QList>
#include <QString>

namespace fs::model {

class Database;

// A numbered schema step, read from survey_model/migrations/NNNN_name.sql (built into the library).
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

// Brings a survey file's schema forward, one migration per transaction; PRAGMA user_version
// holds the version and is bumped inside the same transaction as its step.
class Migrator
{
public:
    // Every shipped migration, in order. Numbering is contiguous from 1.
    [[nodiscard]] static const QList<Migration> &migrations();
    [[nodiscard]] static int latestVersion();

    [[nodiscard]] static Result<int> currentVersion(const Database &database);
    // Applies every migration above the file's version up to targetVersion (default: latest).
    [[nodiscard]] static Result<int> migrate(const Database &database, int targetVersion = -1);
};

} // namespace fs::model
