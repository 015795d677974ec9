#include "fieldeditcommand.h"

#include "surveyeditor.h"
#include "surveystore.h"

namespace fs::model {

FieldEditCommand::FieldEditCommand(SurveyEditor &editor, QList<AppliedChange> changes, const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_changes(std::move(changes))
{
}

void FieldEditCommand::undo()
{
    apply(false);
}

void FieldEditCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    apply(true);
}

void FieldEditCommand::apply(bool forward)
{
    QList<FieldChange> changes;
    for (const AppliedChange &c : m_changes)
        changes.append(FieldChange{c.ref, forward ? c.newValue : c.oldValue});
    if (auto r = m_editor.store().applyChanges(changes); !r) {
        // The survey keeps what it had; the failure is shown to the user.
        m_editor.reportFailure(r.error());
        return;
    }
    m_editor.notifyChanged();
}

} // namespace fs::model
