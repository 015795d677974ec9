#pragma once

#include "auditentry.h"
#include "backup/backupquestionnaire.h"
#include "clock.h"
#include "error.h"
#include "fieldref.h"
#include "finding.h"
#include "photo.h"
#include "reviewcomment.h"
#include "scanport.h"
#include "surveydata.h"
#include "syncstate.h"
#include "terminalassessment.h"
#include "transcript.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QIODevice;
class QLockFile;

namespace fs::model {

// A device session as stored: its transcript and the facts recorded from it.
struct CollectionRecord
{
    Transcript transcript;
    QList<Observation> observations;
};

// What refreshRuleFindings changed.
struct FindingRefresh
{
    int added = 0;
    int updated = 0;
    int removed = 0;
};

class Database;
class TerminalFacts;
struct TerminalAssessment;

// One survey file (.fsv): an SQLite database with its schema migrated to the current version.
// The one API the GUI, the command line and sync use to read and change a survey; no SQL runs
// outside survey_model. Every write is one transaction, durable (synchronous=FULL) when the call
// returns, and leaves an audit row per changed field; a failed write changes nothing.
//
// A survey is edited by one FieldSurvey at a time: opening it ReadWrite takes <file>.lock (a
// lock left by a crashed process on this machine is taken over). Read-only opens need no lock.
class SurveyStore
{
public:
    // PRAGMA application_id of every survey file: "FSVY".
    static constexpr qint32 kApplicationId = 0x46535659;
    static constexpr char kFileSuffix[] = "fsv";

    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };

    SurveyStore(const SurveyStore &) = delete;
    SurveyStore &operator=(const SurveyStore &) = delete;
    ~SurveyStore();

    // Creates a new, empty survey at path (which must not exist yet) with the default day plan.
    [[nodiscard]] static Result<std::unique_ptr<SurveyStore>> create(const QString &path,
                                                                     const Clock &clock = Clock::system());
    // Creates a new survey at path filled with data (an import), or nothing at all: a failure
    // removes the half-made file.
    [[nodiscard]] static Result<std::unique_ptr<SurveyStore>>
    createWith(const QString &path, const SurveyData &data, const QString &actor,
               const Clock &clock = Clock::system());
    // Opens an existing survey, migrating it forward when opened ReadWrite. A survey written by a
    // newer FieldSurvey opens read-only; readOnlyReason() then says why. Locked when another
    // FieldSurvey edits it.
    [[nodiscard]] static Result<std::unique_ptr<SurveyStore>>
    open(const QString &path, OpenMode mode = OpenMode::ReadWrite, const Clock &clock = Clock::system());

    [[nodiscard]] QString path() const;
    [[nodiscard]] bool isReadOnly() const;
    // Set when the store is read-only although ReadWrite was asked for (SchemaTooNew).
    [[nodiscard]] const std::optional<Error> &readOnlyReason() const { return m_readOnlyReason; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    // Who is making changes, recorded in the audit log (the investigator's name).
    void setActor(const QString &actor) { m_actor = actor; }
    [[nodiscard]] QString actor() const { return m_actor; }
    // Where the store's timestamps come from (edits stamped by the editor use it too).
    [[nodiscard]] const Clock &clock() const { return m_clock; }

    // ---- reading
    [[nodiscard]] Result<SurveyData> load() const;
    [[nodiscard]] Result<SurveyInfo> surveyInfo() const;
    [[nodiscard]] Result<Hospital> hospital() const;
    [[nodiscard]] Result<QList<Investigator>> investigators() const;
    [[nodiscard]] Result<QList<Contact>> contacts() const;
    [[nodiscard]] Result<QList<VisitDay>> schedule() const;
    [[nodiscard]] Result<QList<ConnectionPoint>> connectionPoints() const;
    [[nodiscard]] Result<QList<Terminal>> terminals() const;
    [[nodiscard]] Result<QList<Photo>> photos() const;
    // Floor plans with their pins (the image stays in its blob; imageData is empty).
    [[nodiscard]] Result<QList<FloorPlan>> floorPlans() const;
    [[nodiscard]] Result<QList<ImportWarning>> importWarnings() const;
    // Local changes the portal has not confirmed yet (the outbox).
    [[nodiscard]] Result<int> pendingChangeCount() const;
    [[nodiscard]] Result<QString> meta(const QString &key) const;
    // The audit trail, oldest first.
    [[nodiscard]] Result<QList<AuditEntry>> auditTrail() const;

    // The stored value of one field (NULL, text or number).
    [[nodiscard]] Result<QVariant> fieldValue(const FieldRef &ref) const;
    // Resolves a path as the command line writes it:
    //   hospital.<field>, survey.<field>, contact.<n>.<field>, investigator.<n>.<field>,
    //   day.<n>.<field>, day.<n>.step.<m>.<field>, line.<CAF0001|n>.<field>,
    //   line.<CAF0001|n>.device.<m>.<field>, terminal.<n>.<field>
    // where n and m count from 1 in display order.
    [[nodiscard]] Result<FieldRef> resolvePath(const QString &path) const;

    // ---- writing
    // Applies every change or none, in one transaction; changes that leave a field as it was are
    // skipped. Returns what changed, with the old values (for undo).
    [[nodiscard]] Result<QList<AppliedChange>> applyChanges(const QList<FieldChange> &changes);

    // Adds a line (typically one found on site, 未申告) with its devices. A line number of 0 takes
    // the next free one; the CAF ID is always assigned here.
    [[nodiscard]] Result<ConnectionPoint> addConnectionPoint(const ConnectionPoint &point);
    // Removes a line, device, terminal, contact, investigator or photo (a tombstone the sync can
    // send), or brings it back.
    [[nodiscard]] Result<void> setRemoved(Entity entity, const QString &uuid, bool removed);

    // ---- capture on site (surveystorecapture.cpp)
    // Records a fact about a row (a device's firmware, …); it supersedes the current fact of the
    // same key, which stays as history.
    [[nodiscard]] Result<Observation> recordObservation(Entity entity, const QString &uuid,
                                                        const QString &key, const QString &value,
                                                        FactSource source, qint64 transcriptId = 0);
    // Takes a fact back (undo): the one it superseded is current again.
    [[nodiscard]] Result<void> withdrawObservation(qint64 observationId);
    // Sets one checked item of a terminal; returns what it held before (for undo).
    [[nodiscard]] Result<std::optional<TerminalCheck>> setTerminalCheck(const QString &terminalUuid,
                                                                        const TerminalCheck &check);
    [[nodiscard]] Result<void> clearTerminalCheck(const QString &terminalUuid, const QString &item);
    // Adds a device at the end of a line's wiring chain.
    [[nodiscard]] Result<Device> addDevice(const QString &lineUuid, const Device &device);
    // Moves a device one place up (-1) or down (+1) the chain.
    [[nodiscard]] Result<void> moveDevice(const QString &deviceUuid, int direction);
    // Adds a visit day with the default plan (a survey with many lines spans two days); uuid
    // gives it its identity again (redo after undo), empty for a new one.
    [[nodiscard]] Result<VisitDay> addVisitDay(const QString &uuid = {});
    // Removes a visit day on which nothing was recorded yet (undo of addVisitDay).
    [[nodiscard]] Result<void> removeVisitDay(const QString &uuid);

    // ---- device sessions (surveystorecollect.cpp)
    // The SSH host key accepted for host:port in this survey, if any.
    [[nodiscard]] Result<std::optional<KnownHost>> knownHost(const QString &host, int port) const;
    // Records the investigator's explicit acceptance of a host key (first contact, or a key the
    // hospital confirmed was replaced).
    [[nodiscard]] Result<void> acceptHostKey(const KnownHost &key);
    // Keeps a device session (secrets already removed) and the facts read from it, linked to it,
    // in one transaction. Facts are recorded only when the transcript names a device.
    [[nodiscard]] Result<CollectionRecord> recordCollection(const Transcript &transcript,
                                                            const QMap<QString, QString> &facts);
    // The transcripts of a device, or all of them for an empty uuid, oldest first.
    [[nodiscard]] Result<QList<Transcript>> transcripts(const QString &deviceUuid = {}) const;

    // ---- terminal checks (surveystoreterminals.cpp)
    // Records a terminal's evaluated facts in one transaction: keeps the facts (collector JSON or
    // manual form) as evidence, sets the five checked items, and replaces the terminal's rule
    // findings — one still raised is updated in place and keeps its dismissal, one no longer
    // raised is removed. factsUuid gives the facts row its identity again (redo), empty for new.
    [[nodiscard]] Result<TerminalAssessmentUndo>
    recordTerminalAssessment(const QString &terminalUuid, const TerminalFacts &facts, const QString &fileName,
                             const TerminalAssessment &assessment, const QString &factsUuid = {});
    // Puts the terminal back as it was before recordTerminalAssessment (undo).
    [[nodiscard]] Result<void> undoTerminalAssessment(const TerminalAssessmentUndo &undo);
    // The terminal's current facts (the newest not withdrawn), if any.
    [[nodiscard]] Result<std::optional<TerminalFactsRecord>>
    currentTerminalFacts(const QString &terminalUuid) const;

    // ---- findings (surveystorefindings.cpp)
    // Findings not removed (dismissed ones included), danger first: of one target ("terminal",
    // "device" or "connection_point" and its uuid), of the survey itself ("survey"), or all.
    [[nodiscard]] Result<QList<Finding>> findings(const QString &targetEntity = {},
                                                  const QString &targetUuid = {}) const;
    // One finding by uuid, removed or not.
    [[nodiscard]] Result<std::optional<Finding>> finding(const QString &uuid) const;
    // Writes one finding as given: inserts it when its uuid is unknown (empty: a new uuid), or
    // sets every editable field (status, category, texts, dismissal, edit marks, removed). The
    // target and rule of a finding never change. Audited field by field; returns what was saved.
    [[nodiscard]] Result<Finding> saveFinding(const Finding &finding);
    // Brings the stored rule findings in line with what the rules raise now (FindingsEngine), in
    // one transaction: new ones are added, changed ones updated (keeping a dismissal), ones no
    // longer raised removed — except findings the investigator edited, which stay as they are.
    [[nodiscard]] Result<FindingRefresh> refreshRuleFindings(const QList<Finding> &raised);

    // ---- scans of the lines' global IPs, 現地検出 / 脆弱性診断 (surveystorescans.cpp)
    // Stores one imported scanner output with its hosts (matched to lines or not) and their
    // ports, in one transaction. The same file (by SHA-256) is refused a second time.
    [[nodiscard]] Result<ScanImport> addScanImport(const ScanImport &header, const QList<ScanHost> &hosts);
    // Removes an import with its hosts and ports (audited; the sync is told).
    [[nodiscard]] Result<void> removeScanImport(const QString &uuid);
    // Sets the line each host (by id) is matched to, and how; returns how many changed.
    [[nodiscard]] Result<int> setScanHostMatches(const QList<ScanHost> &hosts);
    // Imports, oldest scan first, with their counts.
    [[nodiscard]] Result<QList<ScanImport>> scanImports() const;
    // Every host of every import with its ports, oldest scan first.
    [[nodiscard]] Result<QList<ScanHost>> scanHosts() const;
    // The current ports: those of the latest import that scanned the address (up) for the port's
    // protocol; an earlier import's ports for the same address and protocol are superseded.
    [[nodiscard]] Result<QList<ScanPort>> scanPorts() const;

    // Stores the image file's bytes in pieces with a thumbnail beside them.
    [[nodiscard]] Result<Photo> addPhoto(const QString &filePath, const PhotoTarget &target = {});
    [[nodiscard]] Result<Photo> addPhoto(QIODevice &image, const QString &originalName,
                                         const PhotoTarget &target = {});
    // ---- floor plans and pins (surveystorefloorplans.cpp)
    // Adds a floor plan (an image file or one page of a PDF, its bytes in imageData) at the end,
    // with any pins it carries; the file is stored once however many of its pages are plans.
    // Removed with setRemoved(Entity::FloorPlan); its title and rotation are edited with
    // applyChanges, like a pin's kind, label, position (x, y) and link (target_entity, target_id).
    [[nodiscard]] Result<FloorPlan> addFloorPlan(const FloorPlan &plan);
    // Adds a pin to a plan; pin.target ("line:3", "terminal:2", "device:<uuid>") must exist.
    [[nodiscard]] Result<Pin> addPin(const QString &planUuid, const Pin &pin);
    // What a target as the command line and callouts write it names: line:<n|CAF ID|uuid>,
    // terminal:<n|uuid>, device:<uuid>, pin:<uuid>; "" names nothing.
    [[nodiscard]] Result<PhotoTarget> resolveTarget(const QString &target) const;

    // A read-only, seekable device over a stored blob (a photo, its thumbnail, a floor plan).
    [[nodiscard]] Result<std::unique_ptr<QIODevice>> openBlob(qint64 blobId) const;

    // Fills a survey that has no lines, terminals or contacts yet from imported data (a workbook,
    // the demo, a portal download), in one transaction. CAF IDs are assigned to lines that have
    // none; days replace the default plan when data carries any; floor-plan images are stored as
    // blobs and pins are tied to the lines and terminals they name.
    [[nodiscard]] Result<void> importSurvey(const SurveyData &data);
    [[nodiscard]] Result<void> setMeta(const QString &key, const QString &value);

    // ---- offline-backup questionnaire (surveystorebackup.cpp)
    // The questionnaire with its current copies (removed ones left out) and every checklist item.
    // Its fields, a copy's and a checklist item's are edited with applyChanges (entities
    // BackupQuestionnaire, BackupCopy, BackupChecklist); an override of the class and an item
    // marked not_needed need a reason, checked when the edit commits.
    [[nodiscard]] Result<BackupQuestionnaire> backupQuestionnaire() const;
    // Adds a copy at the end (audited, queued for the portal); removed with setRemoved.
    [[nodiscard]] Result<BackupCopy> addBackupCopy(const BackupCopy &copy);
    // Where a questionnaire's answers come from: edited here (queued for the portal) or part of
    // imported data (the built-in demo; audited as an import and sent with the whole survey, like
    // importSurvey).
    enum class AnswersOrigin
    {
        Edit,
        Import
    };
    // Replaces the answers with those of a filled questionnaire (an answers file), in one
    // transaction: every questionnaire field, the copies (the current ones are removed and the
    // given ones added), and the checklist items it names. The override is kept unless answers
    // sets one.
    [[nodiscard]] Result<void> setBackupAnswers(const BackupQuestionnaire &answers,
                                                AnswersOrigin origin = AnswersOrigin::Edit);

    // ---- team-lead review (surveystorereview.cpp)
    // Moves the survey to another review state, recording who (the actor) and when (the clock),
    // audited and queued for the portal: 作成中 → 提出済 (submit), 提出済 → 差戻し / 承認,
    // 差戻し → 提出済 (resubmit), 承認 → 差戻し (reopen). InvalidArgument for any other move.
    [[nodiscard]] Result<SurveyInfo> setSurveyState(SurveyState state);
    // Adds a comment by the actor on an item: targetEntity is one of ReviewComment's, and the
    // row must exist (the survey's own uuid for the survey). The body is 1–65,535 characters.
    [[nodiscard]] Result<ReviewComment> addReviewComment(const QString &targetEntity,
                                                         const QString &targetUuid, const QString &body);
    // Marks a comment dealt with (by the actor, now) or open again; audited and queued.
    [[nodiscard]] Result<ReviewComment> setReviewCommentResolved(const QString &uuid, bool resolved);
    // Oldest first; openOnly leaves out the resolved ones.
    [[nodiscard]] Result<QList<ReviewComment>> reviewComments(bool openOnly = false) const;
    // Comments made in another FieldSurvey and found on the portal's record, stored as they are
    // (their uuid kept, audited as a sync, not queued); those already here are skipped. Returns
    // how many were new.
    [[nodiscard]] Result<int> storeSyncedReviewComments(const QList<ReviewComment> &comments);

    // ---- portal sync (survey_sync reads and writes through these; see syncstate.h)
    // The survey's rows of one entity with the named sources (SyncSources), as text; removed
    // rows are included (removed = true). InvalidArgument for a source SyncSources does not know.
    [[nodiscard]] Result<QList<SyncRow>> syncRows(const QString &entity, const QStringList &sources) const;
    // The stored file of a photo or floor plan; NotFound when there is none.
    [[nodiscard]] Result<SyncFile> syncFile(const QString &entity, const QString &uuid) const;
    [[nodiscard]] Result<QList<OutboxEntry>> outboxEntries() const;
    [[nodiscard]] Result<SyncRecordState> syncRecord(const QString &entity, const QString &uuid) const;
    [[nodiscard]] Result<QList<PendingUpload>> pendingUploads() const;
    // Kept at once (its own transaction), so that a sync killed after the upload does not send
    // the file again.
    [[nodiscard]] Result<void> rememberUpload(const PendingUpload &upload);
    [[nodiscard]] Result<void> forgetUploads(const QStringList &fileKeys);
    // A confirmed push, in one transaction: the record's new base, the outbox rows it covered
    // (those edited since stay), the uploads now attached, and the conflicts found.
    [[nodiscard]] Result<void> confirmSync(const SyncConfirmation &confirmation);
    // A failed attempt: counted on the outbox rows with the reason; nothing else changes.
    [[nodiscard]] Result<void> recordSyncFailure(const QString &reason);
    [[nodiscard]] Result<QList<SyncConflict>> syncConflicts(bool openOnly = true) const;
    // Decides a conflict: keepLocal keeps this survey's value (the next sync sends it); otherwise
    // the portal's value is written here (audited like any edit). The decision is audited.
    [[nodiscard]] Result<void> resolveConflict(qint64 conflictId, bool keepLocal);
    [[nodiscard]] Result<QList<PortalComment>> portalComments() const;
    // Adds the comments not yet stored (by their portal id); returns how many were new.
    [[nodiscard]] Result<int> storePortalComments(const QList<PortalComment> &comments);

    // ---- maintenance
    // Checks the file: SQLite integrity and foreign keys, the format, and every blob's SHA-256.
    // An empty list means the survey is sound.
    [[nodiscard]] Result<QStringList> verify() const;
    // Writes a consistent, compact copy to destination (VACUUM INTO) that opens read-only on any
    // medium, and verifies the copy before returning.
    [[nodiscard]] Result<void> exportPackage(const QString &destination) const;

private:
    SurveyStore(std::unique_ptr<Database> database, const Clock &clock);

    [[nodiscard]] Result<void> ensureWritable() const;
    // applyChanges inside the caller's transaction.
    // queue: an outbox entry per changed row (false for imported data).
    [[nodiscard]] Result<QList<AppliedChange>> applyInTransaction(const QList<FieldChange> &changes,
                                                                  bool queue = true);
    // An override without a reason, or an item not needed without one, is refused.
    [[nodiscard]] Result<void> checkBackupDecisions() const;
    [[nodiscard]] Result<BackupCopy> insertBackupCopy(const BackupCopy &copy, bool queue = true);
    [[nodiscard]] Result<void> initialise();
    [[nodiscard]] Result<void> audit(const QString &action, const QString &entity, const QString &uuid,
                                     const QString &field = {}, const QVariant &oldValue = {},
                                     const QVariant &newValue = {}) const;
    [[nodiscard]] Result<QString> nextCafId() const;
    [[nodiscard]] Result<void> reserveCafId(const QString &cafId) const;
    [[nodiscard]] Result<void> insertDay(const VisitDay &day) const;
    [[nodiscard]] Result<qint64> insertConnectionPoint(const ConnectionPoint &point,
                                                       const QString &action) const;
    [[nodiscard]] Result<void> insertTerminal(const Terminal &terminal) const;
    [[nodiscard]] Result<qint64> insertFloorPlan(const FloorPlan &plan, int position,
                                                 const QString &action) const;
    [[nodiscard]] Result<qint64> insertPin(qint64 planId, const Pin &pin, const QString &stamp,
                                           const QString &uuid) const;
    // Pins and photos name rows that exist (checked when an edit commits).
    [[nodiscard]] Result<void> checkReferences() const;
    [[nodiscard]] Result<void> insertImportWarnings(const QList<ImportWarning> &warnings) const;
    [[nodiscard]] Result<QString> uuidAt(const QString &table, const QString &where,
                                         const QVariantList &values, const QString &what) const;
    [[nodiscard]] QString now() const;
    // Terminal checks inside the caller's transaction (surveystorecapture.cpp): the id of a
    // terminal not removed (NotFound otherwise), its stored checks (one item, or all), and the
    // insert-or-update of one check (a new uuid when check.uuid is empty).
    [[nodiscard]] Result<qint64> liveTerminalId(const QString &uuid) const;
    [[nodiscard]] Result<QList<TerminalCheck>> storedChecks(qint64 terminalId,
                                                            const QString &item = {}) const;
    [[nodiscard]] Result<void> upsertTerminalCheck(qint64 terminalId, const TerminalCheck &check,
                                                   const QString &stamp) const;
    // recordObservation's work inside the caller's transaction.
    [[nodiscard]] Result<Observation> insertObservation(Entity entity, const QString &uuid,
                                                        const QString &key, const QString &value,
                                                        FactSource source, qint64 transcriptId) const;

    std::unique_ptr<Database> m_database;
    std::unique_ptr<QLockFile> m_lock;
    const Clock &m_clock;
    QString m_actor;
    int m_schemaVersion = 0;
    std::optional<Error> m_readOnlyReason;
};

} // namespace fs::model
