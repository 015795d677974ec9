#pragma once

#include "finding.h"
#include "terminalcheck.h"
#include "terminalfacts.h"
#include "windowsos.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace fs::model {

// One rule of the terminal evaluation: its stable id, the checked item it judges (one of
// kTerminalCheckItems, or "remarks" for what goes only into 備考), its status and the programme's
// words. docs/terminal-rules.md is the documented table; a test keeps the two equal.
struct TerminalRule
{
    QString id;
    QString item;
    QString status; // danger, caution, none; "danger/caution" when a threshold decides
    QString text;
    QString recommendation;
    QString checklist; // MHLW checklist item (令和7年度版), e.g. "2-⑥"
};

// What the evaluation date and the terminal's role add to the facts.
struct TerminalContext
{
    QDate asOf;         // the survey day: support status and ages are judged on this date
    QString systemType; // システム種別 from the workbook; an EMR terminal is judged stricter
};

// The five checked items in the programme's words with their evaluation, and the rule findings.
struct TerminalAssessment
{
    WindowsOs os;
    QList<TerminalCheck> checks; // in kTerminalCheckItems order
    QList<Finding> findings;     // danger first; target not set (the store sets it)

    // 備考: the findings' texts, danger first.
    [[nodiscard]] QStringList remarks() const;
    [[nodiscard]] const TerminalCheck *check(const QString &item) const;
};

class TerminalEvaluator
{
public:
    // Days without an installed update before 注意 / 危険.
    static constexpr int kUpdateCautionDays = 60;
    static constexpr int kUpdateDangerDays = 180;
    // Age of antivirus definitions before 注意 / 危険.
    static constexpr int kSignatureCautionDays = 7;
    static constexpr int kSignatureDangerDays = 30;
    // Support ending within this many days is 注意.
    static constexpr int kEndingSoonDays = 180;
    // Screen lock after more than this many seconds idle (or none) is 注意.
    static constexpr int kScreenLockMaxSeconds = 15 * 60;

    [[nodiscard]] static const QList<TerminalRule> &rules();
    [[nodiscard]] static TerminalAssessment
    evaluate(const TerminalFacts &facts, const TerminalContext &context,
             const WindowsLifecycle &lifecycle = WindowsLifecycle::builtIn());
    // Whether a システム種別 names an EMR (電子カルテ) terminal.
    [[nodiscard]] static bool isEmrSystem(const QString &systemType);
};

} // namespace fs::model
