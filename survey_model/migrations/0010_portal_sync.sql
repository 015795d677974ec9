-- Schema version 10: what the portal sync (kintone) needs.

-- The survey record as the portal last confirmed it, in the mapping's terms (JSON): the base of
-- the three-way merge. remote_id / remote_revision are the record's $id and $revision.
ALTER TABLE sync_record ADD COLUMN base_json TEXT NOT NULL DEFAULT '';

-- Files uploaded to the portal's temporary storage (file.json) whose record update is not yet
-- confirmed. Kept so that a sync that is interrupted does not send the same bytes again; a key
-- older than the portal keeps unattached files is not used.
CREATE TABLE sync_upload (
    entity      TEXT NOT NULL,   -- photo, floor_plan, survey (the survey's JSON)
    entity_uuid TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    file_key    TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_uuid)
) WITHOUT ROWID;

-- The same field changed here and on the portal since the last sync: held until someone decides.
-- The decision is kept (and audited) once made.
CREATE TABLE sync_conflict (
    id              INTEGER PRIMARY KEY,
    entity          TEXT NOT NULL,
    entity_uuid     TEXT NOT NULL,
    field           TEXT NOT NULL,   -- the mapping's source (column) name
    field_code      TEXT NOT NULL,   -- the portal's field code
    base_value      TEXT NOT NULL DEFAULT '',
    local_value     TEXT NOT NULL DEFAULT '',
    portal_value    TEXT NOT NULL DEFAULT '',
    portal_revision TEXT NOT NULL DEFAULT '',
    portal_modifier TEXT NOT NULL DEFAULT '',
    detected_at     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
    resolution      TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('', 'local', 'portal')),
    resolved_at     TEXT,
    resolved_by     TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sync_conflict_open ON sync_conflict (entity, entity_uuid, field) WHERE state = 'open';

-- Review comments pulled from the portal's record comments carry the portal's comment id.
ALTER TABLE review_comment ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX review_comment_remote ON review_comment (remote_id) WHERE remote_id IS NOT NULL;
