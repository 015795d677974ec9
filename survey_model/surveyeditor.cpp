#include "surveyeditor.h"

#include "fieldeditcommand.h"
#include "logging.h"
#include "presencecommand.h"
#include "surveystore.h"

#include <QUndoStack>

namespace fs::model {

SurveyEditor::SurveyEditor(SurveyStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_undoStack(new QUndoStack(this))
{
}

SurveyEditor::~SurveyEditor() = default;

void SurveyEditor::reportFailure(const fs::Error &error)
{
    qCWarning(lcStore) << "edit failed:" << describe(error);
    emit failed(error);
}

void SurveyEditor::notifyChanged()
{
    emit changed();
}

bool SurveyEditor::setField(const FieldRef &ref, const QVariant &value, const QString &text)
{
    return setFields({FieldChange{ref, value}}, text);
}

bool SurveyEditor::setFields(const QList<FieldChange> &changes, const QString &text)
{
    auto applied = m_store.applyChanges(changes);
    if (!applied) {
        reportFailure(applied.error());
        return false;
    }
    if (applied->isEmpty())
        return true; // nothing changed, nothing to undo
    m_undoStack->push(new FieldEditCommand(*this, *applied, text));
    emit changed();
    return true;
}

std::optional<ConnectionPoint> SurveyEditor::addConnectionPoint(const ConnectionPoint &point,
                                                                const QString &text)
{
    auto added = m_store.addConnectionPoint(point);
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    m_undoStack->push(new PresenceCommand(*this, Entity::ConnectionPoint, added->uuid, true, text));
    emit changed();
    return *added;
}

bool SurveyEditor::remove(Entity entity, const QString &uuid, const QString &text)
{
    if (auto r = m_store.setRemoved(entity, uuid, true); !r) {
        reportFailure(r.error());
        return false;
    }
    m_undoStack->push(new PresenceCommand(*this, entity, uuid, false, text));
    emit changed();
    return true;
}

} // namespace fs::model
