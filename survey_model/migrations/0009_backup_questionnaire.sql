-- Schema version 9: the offline-backup questionnaire (the programme's second pillar) and the
-- support classification decided from it.
--
-- One questionnaire per survey (one hospital): the EMR, what backups exist today (one row per
-- copy, with how it is kept apart from the network), the restore test, and the hospital's
-- intentions. The class (支援A/B/C, 報告のみ, 対象外) is computed from the answers by
-- BackupClassifier and never stored; only an override the office decides, with its reason, is.
-- Answers left unanswered are '' (not "no"), so a missing answer can be told from a "no".
CREATE TABLE backup_questionnaire (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    uuid                 TEXT NOT NULL UNIQUE,
    emr_product          TEXT NOT NULL DEFAULT '',   -- 電子カルテ製品名
    emr_vendor           TEXT NOT NULL DEFAULT '',   -- 電子カルテベンダー
    patient_count        INTEGER,                    -- 患者数 (records held)
    answered_by          TEXT NOT NULL DEFAULT '',   -- 回答者 at the hospital
    answered_on          TEXT NOT NULL DEFAULT '',   -- 回答日 YYYY-MM-DD
    restore_tested       TEXT NOT NULL DEFAULT '' CHECK (restore_tested IN ('', 'yes', 'no')),
    restore_tested_on    TEXT NOT NULL DEFAULT '',   -- 最終復旧テスト日
    documented_in        TEXT NOT NULL DEFAULT ''    -- 疑義解釈その8: where the offline keeping is written
                         CHECK (documented_in IN ('', 'vendor_contract', 'operations_rule', 'both', 'none')),
    bcp                  TEXT NOT NULL DEFAULT '' CHECK (bcp IN ('', 'yes', 'no')),
    new_server           TEXT NOT NULL DEFAULT ''
                         CHECK (new_server IN ('', 'this_fiscal_year', 'later_fiscal_year', 'none')),
    media_on_existing    TEXT NOT NULL DEFAULT '' CHECK (media_on_existing IN ('', 'yes', 'no')),
    planning_with_vendor TEXT NOT NULL DEFAULT '' CHECK (planning_with_vendor IN ('', 'yes', 'no')),
    already_operating    TEXT NOT NULL DEFAULT '' CHECK (already_operating IN ('', 'yes', 'no')),
    note                 TEXT NOT NULL DEFAULT '',
    -- The office's decision when it differs from the computed class; never without a reason
    -- (checked when an edit commits: SurveyStore::applyChanges).
    override_class       TEXT NOT NULL DEFAULT ''
                         CHECK (override_class IN ('', 'support_a', 'support_b', 'support_c',
                                                   'report_only', 'not_applicable')),
    override_reason      TEXT NOT NULL DEFAULT '',
    override_by          TEXT NOT NULL DEFAULT '',
    override_at          TEXT,
    updated_at           TEXT NOT NULL
);

-- One backup copy of a system as it is kept today.
CREATE TABLE backup_copy (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    position      INTEGER NOT NULL,
    target_system TEXT NOT NULL DEFAULT 'emr'
                  CHECK (target_system IN ('emr', 'ordering', 'receipt', 'pacs', 'other')),
    method        TEXT NOT NULL DEFAULT ''
                  CHECK (method IN ('', 'backup_server', 'nas', 'tape', 'optical', 'external_hdd',
                                    'usb_memory', 'cloud', 'immutable_appliance', 'other')),
    media         TEXT NOT NULL DEFAULT '',        -- e.g. LTO-8, BD-R, 4TB HDD ×2
    frequency     TEXT NOT NULL DEFAULT ''
                  CHECK (frequency IN ('', 'daily', 'weekly', 'monthly', 'quarterly', 'half_yearly',
                                       'yearly', 'irregular', 'not_updated')),
    generations   INTEGER,                         -- 世代数
    location      TEXT NOT NULL DEFAULT ''
                  CHECK (location IN ('', 'same_room', 'same_building', 'other_building', 'offsite',
                                      'cloud')),
    -- How the copy is kept apart from the network (疑義解釈その7).
    separation    TEXT NOT NULL DEFAULT ''
                  CHECK (separation IN ('', 'always_connected', 'physically_disconnected',
                                        'logically_separated', 'immutable', 'immutable_cloud')),
    -- Can the EMR LAN reach it with the same credentials (a mounted share)? Then it is not offline.
    reachable_with_emr_credentials TEXT NOT NULL DEFAULT ''
                  CHECK (reachable_with_emr_credentials IN ('', 'yes', 'no')),
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX backup_copy_position ON backup_copy (position);

-- What the hospital must do for its class, item by item. Every item the app knows has a row; the
-- class decides which are shown. Marking one 不要 needs a reason (checked like the override's).
CREATE TABLE backup_checklist (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    item_key   TEXT NOT NULL UNIQUE,
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'not_needed')),
    reason     TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- Random version-4 UUIDs for the rows every survey has.
CREATE TEMP VIEW fs_new_uuid AS
    SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
           substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
           substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) AS uuid;

INSERT INTO backup_questionnaire (id, uuid, updated_at)
    SELECT 1, uuid, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM fs_new_uuid;

INSERT INTO backup_checklist (uuid, item_key, updated_at)
    SELECT (SELECT uuid FROM fs_new_uuid WHERE k.key = k.key), k.key, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM (SELECT 'procure_this_year' AS key UNION ALL SELECT 'budget_later_year'
          UNION ALL SELECT 'procure_media' UNION ALL SELECT 'maintenance_contract'
          UNION ALL SELECT 'vendor_settings' UNION ALL SELECT 'attend_build_day'
          UNION ALL SELECT 'build_by_procedure' UNION ALL SELECT 'planning_meeting'
          UNION ALL SELECT 'media_rotation' UNION ALL SELECT 'report_vendor_plan'
          UNION ALL SELECT 'document_rule' UNION ALL SELECT 'restore_test'
          UNION ALL SELECT 'show_evidence') AS k;

DROP VIEW fs_new_uuid;
