#include "surveyeditor.h"

#include "fieldeditcommand.h"
#include "logging.h"
#include "presencecommand.h"
#include "storecommand.h"
#include "surveystore.h"
#include "terminalevaluator.h"
#include "terminalfacts.h"

#include <QUndoStack>
#include <QUuid>

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

namespace {

// One undo step that writes a finding as `after` and back as `before`.
bool pushFindingStep(SurveyEditor &editor, const Finding &before, const Finding &after, const QString &text)
{
    SurveyStore &store = editor.store();
    if (auto saved = store.saveFinding(after); !saved) {
        editor.reportFailure(saved.error());
        return false;
    }
    editor.undoStack()->push(new StoreCommand(
        editor, text,
        [&store, after]() -> Result<void> {
            if (auto r = store.saveFinding(after); !r)
                return tl::unexpected(r.error());
            return {};
        },
        [&store, before]() -> Result<void> {
            if (auto r = store.saveFinding(before); !r)
                return tl::unexpected(r.error());
            return {};
        }));
    editor.notifyChanged();
    return true;
}

} // namespace

std::optional<Finding> SurveyEditor::addFinding(const Finding &finding, const QString &text)
{
    Finding after = finding;
    after.ruleId.clear();
    after.deleted = false;
    if (after.uuid.isEmpty())
        after.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    after.editedAt = m_store.clock().now();
    after.editedBy = m_store.actor();
    Finding before = after;
    before.deleted = true;
    if (!pushFindingStep(*this, before, after, text))
        return std::nullopt;
    auto stored = m_store.finding(after.uuid);
    if (!stored || !*stored)
        return after;
    return **stored;
}

namespace {

std::optional<Finding> storedFinding(SurveyEditor &editor, const QString &uuid)
{
    auto found = editor.store().finding(uuid);
    if (!found) {
        editor.reportFailure(found.error());
        return std::nullopt;
    }
    if (!*found || (*found)->deleted) {
        editor.reportFailure(Error{ErrorCode::NotFound, QStringLiteral("no finding %1").arg(uuid)});
        return std::nullopt;
    }
    return **found;
}

} // namespace

bool SurveyEditor::editFinding(const QString &uuid, const QString &status, const QString &category,
                               const QString &findingText, const QString &recommendation, const QString &text)
{
    const auto before = storedFinding(*this, uuid);
    if (!before)
        return false;
    Finding after = *before;
    after.status = status;
    after.category = category;
    after.text = findingText;
    after.recommendation = recommendation;
    if (after == *before)
        return true;
    after.editedAt = m_store.clock().now();
    after.editedBy = m_store.actor();
    return pushFindingStep(*this, *before, after, text);
}

bool SurveyEditor::dismissFinding(const QString &uuid, const QString &reason, const QString &text)
{
    const auto before = storedFinding(*this, uuid);
    if (!before)
        return false;
    Finding after = *before;
    after.dismissed = !reason.trimmed().isEmpty();
    after.dismissedReason = reason.trimmed();
    after.dismissedAt = after.dismissed ? m_store.clock().now() : QDateTime();
    after.dismissedBy = after.dismissed ? m_store.actor() : QString();
    return pushFindingStep(*this, *before, after, text);
}

bool SurveyEditor::removeFinding(const QString &uuid, const QString &text)
{
    const auto before = storedFinding(*this, uuid);
    if (!before)
        return false;
    if (before->isRuleFinding()) {
        reportFailure(Error{ErrorCode::InvalidArgument,
                            QStringLiteral("a rule's finding cannot be removed; dismiss it with a reason")});
        return false;
    }
    Finding after = *before;
    after.deleted = true;
    return pushFindingStep(*this, *before, after, text);
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

std::optional<BackupCopy> SurveyEditor::addBackupCopy(const BackupCopy &copy, const QString &text)
{
    auto added = m_store.addBackupCopy(copy);
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    m_undoStack->push(new PresenceCommand(*this, Entity::BackupCopy, added->uuid, true, text));
    emit changed();
    return *added;
}

std::optional<FloorPlan> SurveyEditor::addFloorPlan(const FloorPlan &plan, const QString &text)
{
    auto added = m_store.addFloorPlan(plan);
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    m_undoStack->push(new PresenceCommand(*this, Entity::FloorPlan, added->uuid, true, text));
    emit changed();
    return *added;
}

std::optional<Pin> SurveyEditor::addPin(const QString &planUuid, const Pin &pin, const QString &text)
{
    auto added = m_store.addPin(planUuid, pin);
    if (!added) {
        reportFailure(added.error());
        return std::nullopt;
    }
    m_undoStack->push(new PresenceCommand(*this, Entity::Pin, added->uuid, true, text));
    emit changed();
    return *added;
}

bool SurveyEditor::setTarget(Entity entity, const QString &uuid, const PhotoTarget &target,
                             const QString &text)
{
    const bool none = target.entity.isEmpty();
    return setFields(
        {{{entity, uuid, QStringLiteral("target_entity")}, none ? QVariant() : QVariant(target.entity)},
         {{entity, uuid, QStringLiteral("target_id")}, none ? QVariant() : QVariant(target.id)}},
        text);
}

bool SurveyEditor::movePhoto(const QString &uuid, int direction, const QString &text)
{
    auto photos = m_store.photos();
    if (!photos) {
        reportFailure(photos.error());
        return false;
    }
    // photos() lists them by target, then position: the neighbour is the next one of the same target.
    const auto at =
        std::find_if(photos->cbegin(), photos->cend(), [&](const Photo &p) { return p.uuid == uuid; });
    if (at == photos->cend()) {
        reportFailure(Error{ErrorCode::NotFound, QStringLiteral("no photo ") + uuid});
        return false;
    }
    const qsizetype index = at - photos->cbegin();
    const qsizetype other = index + (direction < 0 ? -1 : 1);
    if (other < 0 || other >= photos->size() || (*photos)[other].target != at->target)
        return false; // already first or last
    const Photo &neighbour = (*photos)[other];
    // Positions may tie (photos imported before positions were kept): make them distinct.
    int mine = at->position;
    int theirs = neighbour.position;
    if (mine == theirs)
        theirs = direction < 0 ? mine - 1 : mine + 1;
    return setFields({{{Entity::Photo, uuid, QStringLiteral("position")}, theirs},
                      {{Entity::Photo, neighbour.uuid, QStringLiteral("position")}, mine}},
                     text);
}

PhotoImportReport SurveyEditor::importPhotos(const QStringList &files, const PhotoTarget &target,
                                             const QString &text,
                                             const std::function<bool(int, int)> &progress)
{
    PhotoImportReport report;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (progress && !progress(int(i), int(files.size())))
            break;
        auto added = m_store.addPhoto(files[i], target);
        if (added) {
            if (report.added.isEmpty())
                m_undoStack->beginMacro(text); // only once something is added: no empty undo step
            report.added << *added;
            m_undoStack->push(new PresenceCommand(*this, Entity::Photo, added->uuid, true, text));
        } else if (added.error().code == ErrorCode::Duplicate) {
            report.duplicates << added.error().detail;
        } else {
            report.failed << describe(added.error());
        }
    }
    if (!report.added.isEmpty()) {
        m_undoStack->endMacro();
        emit changed();
    }
    return report;
}

} // namespace fs::model
