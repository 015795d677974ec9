#pragma once

#include "error.h"

#include <QUndoCommand>

#include <functional>

namespace fs::model {

class SurveyEditor;

// Undo step of a capture that was already applied when it was pushed (a fact, a terminal check,
// a moved device, a new visit day): undo and redo run the given store calls. A failing call
// changes nothing and is reported through the editor.
class StoreCommand : public QUndoCommand
{
public:
    using Step = std::function<Result<void>()>;

    StoreCommand(SurveyEditor &editor, const QString &text, Step redo, Step undo);

    void undo() override;
    void redo() override;

private:
    void run(const Step &step);

    SurveyEditor &m_editor;
    Step m_redo;
    Step m_undo;
    bool m_applied = true; // the first redo() (from push) has nothing to do
};

} // namespace fs::model
