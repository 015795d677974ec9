#pragma once

#include "fieldref.h"

#include <QList>
#include <QUndoCommand>

namespace fs::model {

class SurveyEditor;

// Undo step of field edits that were already applied when it was pushed.
class FieldEditCommand : public QUndoCommand
{
public:
    FieldEditCommand(SurveyEditor &editor, QList<AppliedChange> changes, const QString &text);

    void undo() override;
    void redo() override;

private:
    void apply(bool forward);

    SurveyEditor &m_editor;
    QList<AppliedChange> m_changes;
    bool m_applied = true; // the first redo() (from push) has nothing to do
};

} // namespace fs::model
