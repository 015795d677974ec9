-- FieldSurvey survey file, schema version 1.
-- One file per survey (one hospital visit). Shipped migrations are never edited: change the
-- schema with a new NNNN_name.sql file.
--
-- Conventions
--   * Rows that sync with the portal carry `uuid` (stable across devices) and `updated_at`.
--   * Timestamps are ISO 8601 UTC with milliseconds (2026-12-03T00:15:00.000Z); planned times of
--     the day schedule are local wall-clock "HH:MM"; dates are "YYYY-MM-DD".
--   * Text copied from the hospital's workbook keeps the sheet's own words after NFKC
--     normalisation (調査希望あり, あり, 固定IP ...); values the application decides are stable
--     English keys checked by CHECK constraints.
--   * Deleting a synced row sets `deleted_at` (a tombstone the sync can send); local-only rows
--     may be deleted for real.

-- Settings of the file itself (creator version, demo flag, workbook provenance).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Identifier sequences that must never hand out the same value twice (CAF IDs), even after a
-- delete.
CREATE TABLE id_sequence (
    name       TEXT PRIMARY KEY NOT NULL,
    next_value INTEGER NOT NULL CHECK (next_value >= 1)
) WITHOUT ROWID;
INSERT INTO id_sequence (name, next_value) VALUES ('caf', 1);

-- The survey: one visit to one hospital. Exactly one row.
CREATE TABLE survey (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    uuid             TEXT NOT NULL UNIQUE,
    -- 作成中 draft / 提出済 submitted / 差戻し returned / 承認 approved
    state            TEXT NOT NULL DEFAULT 'draft'
                     CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
    state_changed_at TEXT,
    state_changed_by TEXT,
    fiscal_year      INTEGER,
    source_workbook  TEXT NOT NULL DEFAULT '',   -- file name of the imported 別紙2-1
    source_sha256    TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- Investigators on the visit (調査員).
CREATE TABLE investigator (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

-- 基本情報記入シート. Exactly one row.
CREATE TABLE hospital (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    uuid         TEXT NOT NULL UNIQUE,
    code         TEXT NOT NULL DEFAULT '',   -- 医療機関コード
    name         TEXT NOT NULL DEFAULT '',   -- 医療機関名
    name_kana    TEXT NOT NULL DEFAULT '',
    postal       TEXT NOT NULL DEFAULT '',   -- 〒
    prefecture   TEXT NOT NULL DEFAULT '',   -- 都道府県, derived from the address
    address      TEXT NOT NULL DEFAULT '',
    address_kana TEXT NOT NULL DEFAULT '',
    building     TEXT NOT NULL DEFAULT '',   -- ビル名
    beds         INTEGER,                    -- 病床数
    consent      TEXT NOT NULL DEFAULT '',   -- 本施策の同意確認 (同意する / 同意しない)
    confirmer    TEXT NOT NULL DEFAULT '',   -- 確認者名
    updated_at   TEXT NOT NULL
);

-- ■ご担当者情報 (up to four in the workbook).
CREATE TABLE contact (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    position   INTEGER NOT NULL,
    dept       TEXT NOT NULL DEFAULT '',     -- 所属・役職
    name       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    mail       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

-- 当日スケジュール: visit days and their steps.
CREATE TABLE visit_day (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    day_no     INTEGER NOT NULL UNIQUE CHECK (day_no >= 1),
    date       TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD, empty until planned
    note       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE schedule_step (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    day_id        INTEGER NOT NULL REFERENCES visit_day(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    -- arrival 入館 / briefing 作業前打合せ / connection_points 外部接続点調査 /
    -- terminals 端末調査 / departure 片付け・退館 / custom
    kind          TEXT NOT NULL CHECK (kind IN ('arrival', 'briefing', 'connection_points',
                                                'terminals', 'departure', 'custom')),
    title         TEXT NOT NULL DEFAULT '',   -- only for custom steps; others are named by kind
    planned_start TEXT NOT NULL DEFAULT '',   -- HH:MM
    planned_end   TEXT NOT NULL DEFAULT '',
    actual_start  TEXT,
    actual_end    TEXT,
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (day_id, position)
);

-- People present on the day (立会い).
CREATE TABLE attendee (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    day_id     INTEGER NOT NULL REFERENCES visit_day(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- 外部接続点 / 回線: one row per line (回線No), declared in the workbook or found on site.
CREATE TABLE connection_point (
    id                       INTEGER PRIMARY KEY,
    uuid                     TEXT NOT NULL UNIQUE,
    caf_id                   TEXT NOT NULL UNIQUE CHECK (caf_id GLOB 'CAF[0-9][0-9][0-9][0-9]*'),
    line_no                  INTEGER NOT NULL UNIQUE CHECK (line_no >= 1),
    origin                   TEXT NOT NULL DEFAULT 'declared'
                             CHECK (origin IN ('declared', 'found_on_site')),   -- 未申告 when found
    equipment_type           TEXT NOT NULL DEFAULT 'onu'
                             CHECK (equipment_type IN ('onu', 'catv_modem', 'hgw', 'ctu', 'adsl_modem',
                                                       'home_router', 'mobile_router', 'usb_dongle',
                                                       'other')),
    -- as declared in 回線・機器情報記入シート
    wants_version_check      TEXT NOT NULL DEFAULT '',   -- 調査希望 技術バージョン確認
    wants_vulnerability_scan TEXT NOT NULL DEFAULT '',   -- 調査希望 脆弱性診断
    connects_to_emr          TEXT NOT NULL DEFAULT '',   -- 電子カルテ…との接続
    purpose                  TEXT NOT NULL DEFAULT '',   -- 用途・システム名
    line_type                TEXT NOT NULL DEFAULT '',   -- 回線種別
    carrier                  TEXT NOT NULL DEFAULT '',   -- 回線事業者
    carrier_service          TEXT NOT NULL DEFAULT '',   -- 回線サービス名
    line_id                  TEXT NOT NULL DEFAULT '',   -- 回線ID
    provider                 TEXT NOT NULL DEFAULT '',   -- プロバイダ名
    provider_product         TEXT NOT NULL DEFAULT '',   -- プロバイダ品目
    onu_location             TEXT NOT NULL DEFAULT '',   -- 回線終端装置設置場所 (declared)
    connection_type          TEXT NOT NULL DEFAULT '',   -- 通信形態
    uses_global_ip           TEXT NOT NULL DEFAULT '',   -- グローバルIP利用
    ip_assignment            TEXT NOT NULL DEFAULT '',   -- 固定IP / 動的IP
    global_ip                TEXT NOT NULL DEFAULT '',
    fqdn                     TEXT NOT NULL DEFAULT '',
    declared_note            TEXT NOT NULL DEFAULT '',   -- 備考
    -- found on site
    onu_location_status      TEXT NOT NULL DEFAULT 'unchecked'
                             CHECK (onu_location_status IN ('unchecked', 'confirmed', 'corrected', 'not_found')),
    onu_location_found       TEXT NOT NULL DEFAULT '',
    emr_reachability         TEXT NOT NULL DEFAULT 'unknown'       -- 直通可 / 直通不可
                             CHECK (emr_reachability IN ('unknown', 'direct', 'not_direct')),
    protection               TEXT NOT NULL DEFAULT 'unknown'
                             CHECK (protection IN ('unknown', 'ipsec', 'ssl_vpn', 'none', 'closed_network')),
    -- 脆弱性診断当日記入欄: the global IP confirmed by the hospital on the scan day
    scan_ip_confirmed        TEXT NOT NULL DEFAULT '',
    scan_ip                  TEXT NOT NULL DEFAULT '',
    scan_ip_confirmed_by     TEXT NOT NULL DEFAULT '',
    scan_ip_confirmed_at     TEXT,
    note                     TEXT NOT NULL DEFAULT '',
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT
);

-- Equipment on a line, in wiring order below the line (ONU → router → UTM → switch → EMR).
CREATE TABLE device (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    connection_point_id INTEGER NOT NULL REFERENCES connection_point(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    origin             TEXT NOT NULL DEFAULT 'declared' CHECK (origin IN ('declared', 'found_on_site')),
    -- declared in the workbook (機器情報)
    device_type        TEXT NOT NULL DEFAULT '',   -- 機器種別 (ルータ, UTM, …)
    maker              TEXT NOT NULL DEFAULT '',   -- メーカー
    model              TEXT NOT NULL DEFAULT '',   -- 機種名
    hostname           TEXT NOT NULL DEFAULT '',   -- 機器名
    management_ip      TEXT NOT NULL DEFAULT '',   -- 管理IPアドレス
    access_method      TEXT NOT NULL DEFAULT '',   -- 接続方法 SSH / Telnet / コンソール / Web
    access_port        TEXT NOT NULL DEFAULT '',   -- ポート番号
    maintenance_vendor TEXT NOT NULL DEFAULT '',   -- 保守ベンダ
    -- role in the wiring chain, decided on site
    chain_role         TEXT NOT NULL DEFAULT 'unknown'
                       CHECK (chain_role IN ('unknown', 'onu', 'router', 'utm', 'firewall', 'switch',
                                             'vpn_gateway', 'other')),
    note               TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT,
    UNIQUE (connection_point_id, position)
);

-- Saved device sessions (SSH, console, pasted transcripts), secrets removed. Evidence.
CREATE TABLE transcript (
    id                   INTEGER PRIMARY KEY,
    uuid                 TEXT NOT NULL UNIQUE,
    device_id            INTEGER REFERENCES device(id) ON DELETE SET NULL,
    method               TEXT NOT NULL CHECK (method IN ('ssh', 'console', 'transcript')),
    profile              TEXT NOT NULL DEFAULT '',  -- vendor profile used
    peer                 TEXT NOT NULL DEFAULT '',  -- host:port or serial port and speed
    user_name            TEXT NOT NULL DEFAULT '',
    host_key_fingerprint TEXT NOT NULL DEFAULT '',
    started_at           TEXT NOT NULL,
    ended_at             TEXT,
    text                 TEXT NOT NULL DEFAULT '',
    sha256               TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL
);

-- 調査端末: the five terminals (調査端末情報記入シート) and what was checked on them.
CREATE TABLE terminal (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    terminal_no      INTEGER NOT NULL UNIQUE CHECK (terminal_no >= 1),
    system_type      TEXT NOT NULL DEFAULT '',   -- システム種別
    usage_form       TEXT NOT NULL DEFAULT '',   -- 利用形態 (単体 / シンクライアント / 仮想デスクトップ)
    hostname         TEXT NOT NULL DEFAULT '',   -- 端末ホスト名
    ip               TEXT NOT NULL DEFAULT '',   -- with /prefix when given
    location         TEXT NOT NULL DEFAULT '',   -- 設置場所
    vdi_hostname     TEXT NOT NULL DEFAULT '',
    vdi_ip           TEXT NOT NULL DEFAULT '',
    security_product TEXT NOT NULL DEFAULT '',   -- セキュリティ対策製品 (declared)
    declared_note    TEXT NOT NULL DEFAULT '',   -- 備考
    check_state      TEXT NOT NULL DEFAULT 'not_started'
                     CHECK (check_state IN ('not_started', 'in_progress', 'done', 'not_possible')),
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);

-- One checked fact of a terminal (ランサムウェア感染への備え): OS, Windows Update, internet,
-- antivirus, USB storage, and any further item a later collector adds.
CREATE TABLE terminal_check (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    terminal_id INTEGER NOT NULL REFERENCES terminal(id) ON DELETE CASCADE,
    item        TEXT NOT NULL,            -- os, windows_update, internet, antivirus, usb_storage, ...
    value       TEXT NOT NULL DEFAULT '', -- what was found, in the programme's words
    evaluation  TEXT NOT NULL DEFAULT 'unknown' CHECK (evaluation IN ('unknown', 'ok', 'caution', 'danger')),
    detail      TEXT NOT NULL DEFAULT '', -- machine-readable facts (JSON)
    source      TEXT NOT NULL CHECK (source IN ('collector', 'manual')),
    checked_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (terminal_id, item)
);

-- Every collected fact with where it came from: the workbook, a device session, a saved
-- transcript or the investigator's hand. `entity` names the table of the subject.
CREATE TABLE observation (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    entity        TEXT NOT NULL CHECK (entity IN ('connection_point', 'device', 'terminal')),
    entity_id     INTEGER NOT NULL,
    key           TEXT NOT NULL,           -- vendor, model, firmware, serial, uptime, hostname, ipsec, ...
    value         TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('workbook', 'ssh', 'console', 'transcript', 'manual',
                                                   'collector', 'scan')),
    transcript_id INTEGER REFERENCES transcript(id) ON DELETE SET NULL,
    observed_at   TEXT NOT NULL,
    superseded_by INTEGER REFERENCES observation(id) ON DELETE SET NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX observation_subject ON observation (entity, entity_id, key);

-- Content-addressed binary objects (photos, floor-plan images and PDFs), stored in chunks so a
-- large object is never held whole in memory.
CREATE TABLE blob (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    size       INTEGER NOT NULL CHECK (size >= 0),
    mime_type  TEXT NOT NULL DEFAULT 'application/octet-stream',
    created_at TEXT NOT NULL
);

CREATE TABLE blob_chunk (
    blob_id INTEGER NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL CHECK (seq >= 0),
    data    BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
) WITHOUT ROWID;

-- 設置場所: floor plans, from a workbook image, an image file or a PDF page.
CREATE TABLE floor_plan (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    source_kind TEXT NOT NULL CHECK (source_kind IN ('workbook_image', 'image', 'pdf_page')),
    blob_id     INTEGER NOT NULL REFERENCES blob(id),
    page_index  INTEGER NOT NULL DEFAULT 0,
    width       REAL NOT NULL DEFAULT 0,     -- pixels (image) or points (PDF page)
    height      REAL NOT NULL DEFAULT 0,
    rotation    INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

-- Pins on a floor plan; x, y normalised to the unrotated plan, 0..1 from its top-left.
CREATE TABLE pin (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    floor_plan_id INTEGER NOT NULL REFERENCES floor_plan(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('onu', 'router', 'terminal', 'other')),
    target_entity TEXT CHECK (target_entity IN ('connection_point', 'device', 'terminal')),
    target_id     INTEGER,
    x             REAL NOT NULL CHECK (x >= 0 AND x <= 1),
    y             REAL NOT NULL CHECK (y >= 0 AND y <= 1),
    label         TEXT NOT NULL DEFAULT '',
    source_text   TEXT NOT NULL DEFAULT '',  -- the workbook callout's text, when imported
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);

CREATE TABLE photo (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    blob_id        INTEGER NOT NULL REFERENCES blob(id),
    position       INTEGER NOT NULL DEFAULT 0,
    caption        TEXT NOT NULL DEFAULT '',
    original_name  TEXT NOT NULL DEFAULT '',
    taken_at       TEXT,                      -- EXIF DateTimeOriginal
    orientation    INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
    width          INTEGER NOT NULL DEFAULT 0,
    height         INTEGER NOT NULL DEFAULT 0,
    target_entity  TEXT CHECK (target_entity IN ('connection_point', 'device', 'terminal', 'pin')),
    target_id      INTEGER,
    markup         TEXT NOT NULL DEFAULT '',  -- vector overlay (JSON); the original is untouched
    imported_at    TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);

-- Port/vulnerability scans of a line's global IP, imported after the visit.
CREATE TABLE scan_import (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    tool        TEXT NOT NULL DEFAULT 'nmap',
    file_name   TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL DEFAULT '',
    scanned_at  TEXT,
    imported_at TEXT NOT NULL
);

CREATE TABLE scan_port (
    id                  INTEGER PRIMARY KEY,
    scan_import_id      INTEGER NOT NULL REFERENCES scan_import(id) ON DELETE CASCADE,
    connection_point_id INTEGER REFERENCES connection_point(id) ON DELETE SET NULL,  -- NULL: unmatched host
    address             TEXT NOT NULL,
    hostname            TEXT NOT NULL DEFAULT '',
    protocol            TEXT NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    port                INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    state               TEXT NOT NULL,
    service             TEXT NOT NULL DEFAULT '',
    product             TEXT NOT NULL DEFAULT '',
    version             TEXT NOT NULL DEFAULT '',
    script_output       TEXT NOT NULL DEFAULT ''
);

-- Findings: rule output and the investigator's own, with the investigator's judgment on top.
CREATE TABLE finding (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    target_entity    TEXT NOT NULL CHECK (target_entity IN ('survey', 'connection_point', 'device', 'terminal')),
    target_id        INTEGER,
    status           TEXT NOT NULL CHECK (status IN ('danger', 'caution', 'none')),   -- 危険 / 注意 / —
    category         TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL DEFAULT '',
    evidence         TEXT NOT NULL DEFAULT '',
    recommendation   TEXT NOT NULL DEFAULT '',
    rule_id          TEXT NOT NULL DEFAULT '',   -- empty for a finding the investigator added
    needs_confirmation INTEGER NOT NULL DEFAULT 0 CHECK (needs_confirmation IN (0, 1)),
    dismissed        INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
    dismissed_reason TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    CHECK (dismissed = 0 OR dismissed_reason <> '')
);

-- Team-lead review comments on any item.
CREATE TABLE review_comment (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    target_entity TEXT NOT NULL,
    target_uuid   TEXT NOT NULL,
    author        TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    resolved_at   TEXT,
    resolved_by   TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);

-- Who changed what: one row per changed field. Never updated or deleted.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import', 'sync')),
    entity      TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    field       TEXT NOT NULL DEFAULT '',
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_uuid);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Sync bookkeeping: what the portal knows of each synced row.
CREATE TABLE sync_record (
    entity          TEXT NOT NULL,
    entity_uuid     TEXT NOT NULL,
    remote_id       TEXT NOT NULL DEFAULT '',
    remote_revision TEXT NOT NULL DEFAULT '',
    synced_at       TEXT,
    PRIMARY KEY (entity, entity_uuid)
) WITHOUT ROWID;

-- The outbox: local changes not yet confirmed by the portal. A row leaves only when the portal
-- has confirmed it; `request_id` makes a retried send recognisable.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    entity          TEXT NOT NULL,
    entity_uuid     TEXT NOT NULL,
    operation       TEXT NOT NULL CHECK (operation IN ('upsert', 'delete', 'upload')),
    request_id      TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'conflict'))
);
CREATE UNIQUE INDEX outbox_one_per_entity ON outbox (entity, entity_uuid) WHERE state <> 'conflict';
