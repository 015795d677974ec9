#pragma once

#include "entity.h"

#include <QString>
#include <QUndoCommand>

namespace fs::model {

class SurveyEditor;

// Undo step of adding or removing a row (a tombstone, so CAF IDs and sync history survive):
// already done when pushed; undo flips it, redo flips it back.
class PresenceCommand : public QUndoCommand
{
public:
    PresenceCommand(SurveyEditor &editor, Entity entity, QString uuid, bool presentAfter,
                    const QString &text);

    void undo() override;
    void redo() override;

private:
    void setPresent(bool present);

    SurveyEditor &m_editor;
    Entity m_entity;
    QString m_uuid;
    bool m_presentAfter;
    bool m_applied = true;
};

} // namespace fs::model
