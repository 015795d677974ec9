#pragma once

#include "backupquestionnaire.h"
#include "connectionpoint.h"
#include "error.h"
#include "fieldref.h"
#include "finding.h"
#include "floorplan.h"
#include "photo.h"
#include "photoimport.h"
#include "terminalcheck.h"
#include "visitday.h"

#include <QObject>

#include <functional>
#include <optional>

class QUndoStack;

namespace fs::model {

class SurveyStore;
class TerminalFacts;
struct TerminalAssessment;

// Edits a survey with undo. Every edit is applied to the store at once — durable when the call
// returns, there is no Save — and pushed onto the undo stack; undo and redo are edits too (with
// their own audit rows). A failure changes nothing and is reported by failed().
//
// Command texts shown in the Edit menu are passed in by the application (it translates them).
class SurveyEditor : public QObject
{
    Q_OBJECT

public:
    explicit SurveyEditor(SurveyStore &store, QObject *parent = nullptr);
    ~SurveyEditor() override;

    [[nodiscard]] SurveyStore &store() const { return m_store; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undoStack; }

    bool setField(const FieldRef &ref, const QVariant &value, const QString &text);
    // All changes or none, one undo step.
    bool setFields(const QList<FieldChange> &changes, const QString &text);
    std::optional<ConnectionPoint> addConnectionPoint(const ConnectionPoint &point, const QString &text);
    bool remove(Entity entity, const QString &uuid, const QString &text);

    // Captures on site, each one undo step.
    // Records a device's (or line's, or terminal's) fact as entered by hand; an empty value
    // records that the fact was cleared. Callers skip values equal to the current one.
    bool recordFact(Entity entity, const QString &uuid, const QString &key, const QString &value,
                    const QString &text);
    bool setTerminalCheck(const QString &terminalUuid, const TerminalCheck &check, const QString &text);
    std::optional<Device> addDevice(const QString &lineUuid, const Device &device, const QString &text);
    bool moveDevice(const QString &deviceUuid, int direction, const QString &text);
    std::optional<VisitDay> addVisitDay(const QString &text);
    std::optional<Photo> addPhoto(const QString &filePath, const PhotoTarget &target, const QString &text);
    // Floor plans and pins (undo removes them again; moves and links are setFields edits).
    std::optional<FloorPlan> addFloorPlan(const FloorPlan &plan, const QString &text);
    std::optional<Pin> addPin(const QString &planUuid, const Pin &pin, const QString &text);
    // Links a pin or a photo to what it shows (a PhotoTarget by id; an empty one unlinks).
    bool setTarget(Entity entity, const QString &uuid, const PhotoTarget &target, const QString &text);
    // Moves a photo one place earlier (-1) or later (+1) among the photos of the same target.
    bool movePhoto(const QString &uuid, int direction, const QString &text);
    // Imports photos (files found by PhotoImport::collect), one undo step for all of them: a photo
    // already in the survey is listed as a duplicate, a file that fails is listed with why (no
    // failed() for either). progress(done, total) returning false stops after the current file.
    PhotoImportReport importPhotos(const QStringList &files, const PhotoTarget &target, const QString &text,
                                   const std::function<bool(int, int)> &progress = {});
    // Adds a backup copy to the questionnaire (undo removes it again).
    std::optional<BackupCopy> addBackupCopy(const BackupCopy &copy, const QString &text);
    // Records a terminal's facts (collector file or manual form) with their evaluation: the five
    // checked items and the rule findings, one undo step.
    bool recordTerminalAssessment(const QString &terminalUuid, const TerminalFacts &facts,
                                  const QString &fileName, const TerminalAssessment &assessment,
                                  const QString &text);

    // The investigator's judgment on findings, each one undo step, audited by the store.
    // Adds the investigator's own finding (no rule) about the survey, a line, a device or a terminal.
    std::optional<Finding> addFinding(const Finding &finding, const QString &text);
    // Changes status, category, text and recommendation; the finding is then marked edited and
    // the rules leave it alone.
    bool editFinding(const QString &uuid, const QString &status, const QString &category,
                     const QString &findingText, const QString &recommendation, const QString &text);
    // Dismisses a finding with a reason (kept in the report's appendix), or takes a dismissal
    // back when reason is empty.
    bool dismissFinding(const QString &uuid, const QString &reason, const QString &text);
    // Removes one of the investigator's own findings (rule findings are dismissed instead).
    bool removeFinding(const QString &uuid, const QString &text);

    // Called by the commands.
    void reportFailure(const fs::Error &error);
    void notifyChanged();

signals:
    // After every applied edit, undo and redo.
    void changed();
    void failed(const fs::Error &error);

private:
    SurveyStore &m_store;
    QUndoStack *m_undoStack;
};

} // namespace fs::model
