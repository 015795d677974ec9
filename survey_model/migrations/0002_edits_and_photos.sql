-- Schema version 2: what editing, the outbox and photos need.

-- Photos keep a small JPEG beside the original for lists and the report's appendix.
ALTER TABLE photo ADD COLUMN thumbnail_blob_id INTEGER REFERENCES blob(id);
CREATE INDEX photo_target ON photo (target_entity, target_id);

-- The outbox counts edits to a row while it is queued: a sync that sent generation N removes
-- the row only if no edit came after (generation is still N).
ALTER TABLE outbox ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN changed_at TEXT;

-- Where a blob is used (verify checks every reference).
CREATE INDEX floor_plan_blob ON floor_plan (blob_id);
CREATE INDEX photo_blob ON photo (blob_id);
CREATE INDEX photo_thumbnail_blob ON photo (thumbnail_blob_id);
