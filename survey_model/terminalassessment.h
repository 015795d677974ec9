#pragma once

#include "finding.h"
#include "terminalcheck.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fs::model {

// A terminal's facts as stored: the collector's JSON or the manual form, with where it came from.
struct TerminalFactsRecord
{
    qint64 id = 0;
    QString uuid;
    QString source; // collector, manual
    QString fileName;
    QString sha256;
    QByteArray facts; // JSON (fieldsurvey-terminal-facts/1)
    QString computerName;
    QDateTime collectedAt;
    QDateTime importedAt;
    QString importedBy;
};

// What recording an assessment replaced: enough to put the terminal back exactly (undo).
struct TerminalAssessmentUndo
{
    QString terminalUuid;
    QString factsUuid;                   // the facts row the assessment added
    QList<TerminalCheck> previousChecks; // the five items as they were (absent ones not listed)
    QList<Finding> previousFindings;     // the terminal's rule findings as they were, removed ones too
};

} // namespace fs::model
