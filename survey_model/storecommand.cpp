#include "storecommand.h"

#include "surveyeditor.h"

namespace fs::model {

StoreCommand::StoreCommand(SurveyEditor &editor, const QString &text, Step redo, Step undo)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_redo(std::move(redo))
    , m_undo(std::move(undo))
{
}

void StoreCommand::undo()
{
    run(m_undo);
}

void StoreCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    run(m_redo);
}

void StoreCommand::run(const Step &step)
{
    if (auto r = step(); !r) {
        m_editor.reportFailure(r.error());
        return;
    }
    m_editor.notifyChanged();
}

} // namespace fs::model
