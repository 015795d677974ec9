#include "surveyeditor.h"

#include "fieldeditcommand.h"
#include "logging.h"
#include "presencecommand.h"
#include "storecommand.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"

#include <QUndoStack>

#include <memory>

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

bool SurveyEditor::recordFact(Entity entity, const QString &uuid, const QString &key, const QString &value,
                              const QString &text)
{
    auto recorded = m_store.recordObservation(entity, uuid, key, value, FactSource::Manual);
    if (!recorded) {
        reportFailure(recorded.error());
        return false;
    }
    // Redo records the fact again (a new row); undo withdraws whichever row is current.
    auto current = std::make_shared<qint64>(recorded->id);
    auto redo = [this, current, entity, uuid, key, value]() -> Result<void> {
        auto again = m_store.recordObservation(entity, uuid, key, value, FactSource::Manual);
        if (!again)
            return tl::unexpected(again.error());
        *current = again->id;
        return {};
    };
    auto undo = [this, current]() { return m_store.withdrawObservation(*current); };
    m_undoStack->push(new StoreCommand(*this, text, redo, undo));
    emit changed();
    return true;
}

bool SurveyEditor::setTerminalCheck(const QString &terminalUuid, const TerminalCheck &check,
                                    const QString &text)
{
    auto previous = m_store.setTerminalCheck(terminalUuid, check);
    if (!previous) {
        reportFailure(previous.error());
        return false;
    }
    auto redo = [this, terminalUuid, check]() -> Result<void> {
        auto r = m_store.setTerminalCheck(terminalUuid, check);
        if (!r)
            return tl::unexpected(r.error());
        return {};
    };
    auto undo = [this, terminalUuid, item = check.item, before = *previous]() -> Result<void> {
        if (!before)
            return m_store.clearTerminalCheck(terminalUuid, item);
        auto r = m_store.setTerminalCheck(terminalUuid, *before);
        if (!r)
            return tl::unexpected(r.error());
        return {};
    };
    m_undoStack->push(new StoreCommand(*this, text, redo, undo));
    emit changed();
    return true;
}

bool SurveyEditor::recordTerminalAssessment(const QString &terminalUuid, const TerminalFacts &facts,
                                            const QString &fileName, const TerminalAssessment &assessment,
                                            const QString &text)
{
    auto recorded = m_store.recordTerminalAssessment(terminalUuid, facts, fileName, assessment);
    if (!recorded) {
        reportFailure(recorded.error());
        return false;
    }
    auto undoState = std::make_shared<TerminalAssessmentUndo>(*recorded);
    auto redo = [this, terminalUuid, facts, fileName, assessment, undoState]() -> Result<void> {
        auto r =
            m_store.recordTerminalAssessment(terminalUuid, facts, fileName, assessment, undoState->factsUuid);
        if (!r)
            return tl::unexpected(r.error());
        *undoState = *r;
        return {};
    };
    auto undo = [this, undoState] { return m_store.undoTerminalAssessment(*undoState); };
    m_undoStack->push(new StoreCommand(*this, text, redo, undo));
    emit changed();
    return true;
}

std::optional<Device> SurveyEditor::addDevice(const QString &lineUuid, const Device &device,
                                              const QString &text)
{
    auto added = m_store.addDevice(lineUuid, device);
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    m_undoStack->push(new PresenceCommand(*this, Entity::Device, added->uuid, true, text));
    emit changed();
    return *added;
}

bool SurveyEditor::moveDevice(const QString &deviceUuid, int direction, const QString &text)
{
    if (auto r = m_store.moveDevice(deviceUuid, direction); !r) {
        reportFailure(r.error());
        return false;
    }
    auto redo = [this, deviceUuid, direction] { return m_store.moveDevice(deviceUuid, direction); };
    auto undo = [this, deviceUuid, direction] { return m_store.moveDevice(deviceUuid, -direction); };
    m_undoStack->push(new StoreCommand(*this, text, redo, undo));
    emit changed();
    return true;
}

std::optional<VisitDay> SurveyEditor::addVisitDay(const QString &text)
{
    auto added = m_store.addVisitDay();
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    // Redo brings the same day back.
    auto redo = [this, uuid = added->uuid]() -> Result<void> {
        auto again = m_store.addVisitDay(uuid);
        if (!again)
            return tl::unexpected(again.error());
        return {};
    };
    auto undo = [this, uuid = added->uuid] { return m_store.removeVisitDay(uuid); };
    m_undoStack->push(new StoreCommand(*this, text, redo, undo));
    emit changed();
    return *added;
}

std::optional<Photo> SurveyEditor::addPhoto(const QString &filePath, const PhotoTarget &target,
                                            const QString &text)
{
    auto added = m_store.addPhoto(filePath, target);
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    m_undoStack->push(new PresenceCommand(*this, Entity::Photo, added->uuid, true, text));
    emit changed();
    return *added;
}

} // namespace fs::model
