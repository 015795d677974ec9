#pragma once

#include "fieldmapping.h"
#include "kintoneclient.h"
#include "portalrecord.h"

#include <QObject>
#include <QString>

namespace fs::model {
class SurveyStore;
}

namespace fs::sync {

struct SyncProgress
{
    QString step; // "read", "upload", "record", "comments", "done"
    int itemsDone = 0;
    int itemsTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

struct SyncReport
{
    QString recordId;
    QString revision;
    bool created = false; // the portal's record was created by this sync
    bool pushed = false;  // the record was updated
    int uploaded = 0;     // files sent
    int reused = 0;       // files sent by an earlier, interrupted sync and used now
    int pulled = 0;       // portal changes written here
    int removedHere = 0;  // rows the portal deleted, removed here
    int conflicts = 0;    // open conflicts after the sync
    int newComments = 0;
    int rounds = 0; // read–merge–write rounds (a revision conflict or a lost answer adds one)
    qint64 bytesSent = 0;
};

// One sync of one survey with the portal. The outbox says what is unsent; the record is found by
// the survey's UUID (the update key), merged three-way against the last confirmed base, files are
// uploaded first (two at a time; each upload key kept at once), then the record is written with
// the revision just read. Every write is repeatable: after a lost answer the next round reads the
// portal again and sends only what is still missing, so nothing is created or attached twice, and
// the outbox loses a row only once the portal has confirmed it.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(model::SurveyStore &store, KintoneClient &client, FieldMapping mapping,
               QObject *parent = nullptr);

    [[nodiscard]] Result<SyncReport> run();
    void cancel();
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const { return m_paused; }

signals:
    void progress(const fs::sync::SyncProgress &progress);

private:
    [[nodiscard]] KintoneResult<void> round(SyncReport &report);
    [[nodiscard]] KintoneResult<std::optional<PortalRecord>> findRecord(const QString &surveyUuid);
    [[nodiscard]] KintoneResult<QHash<QString, QString>>
    upload(const QList<QPair<QString, QString>> &files, const QByteArray &surveyJson, SyncReport &report);
    [[nodiscard]] KintoneResult<void> applyPortalChanges(struct MergePlan &plan, const QString &modifier,
                                                         SyncReport &report);
    [[nodiscard]] KintoneResult<void> pullComments(const QString &recordId, SyncReport &report);
    [[nodiscard]] bool waitWhilePaused();
    void emitProgress(const QString &step);

    model::SurveyStore &m_store;
    KintoneClient &m_client;
    FieldMapping m_mapping;
    bool m_paused = false;
    bool m_freshUploads = false; // the portal refused a kept upload key: upload everything again
    SyncProgress m_progress;
};

[[nodiscard]] KintoneError localError(const Error &error);

} // namespace fs::sync
