#include "presencecommand.h"

#include "surveyeditor.h"
#include "surveystore.h"

namespace fs::model {

PresenceCommand::PresenceCommand(SurveyEditor &editor, Entity entity, QString uuid, bool presentAfter,
                                 const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_entity(entity)
    , m_uuid(std::move(uuid))
    , m_presentAfter(presentAfter)
{
}

void PresenceCommand::undo()
{
    setPresent(!m_presentAfter);
}

void PresenceCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    setPresent(m_presentAfter);
}

void PresenceCommand::setPresent(bool present)
{
    if (auto r = m_editor.store().setRemoved(m_entity, m_uuid, !present); !r) {
        m_editor.reportFailure(r.error());
        return;
    }
    m_editor.notifyChanged();
}

} // namespace fs::model
