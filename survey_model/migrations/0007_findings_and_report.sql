-- Schema version 7: the investigator's judgment on findings, and what the survey report needs.
--
-- A finding whose status, text or recommendation the investigator changed carries
-- edited_at/edited_by; re-evaluating the rules never touches such a finding again (it is not
-- updated and not removed). Dismissals record who and when beside the reason.
ALTER TABLE finding ADD COLUMN edited_at TEXT;
ALTER TABLE finding ADD COLUMN edited_by TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN dismissed_at TEXT;
ALTER TABLE finding ADD COLUMN dismissed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX finding_target ON finding (target_entity, target_id);

-- Photos keep a print-size JPEG (at most 1600 px, orientation applied) beside the original and
-- its thumbnail: the report's photo appendix decodes that instead of a 6 MB camera file. NULL for
-- photos imported before: the report then decodes the original.
ALTER TABLE photo ADD COLUMN preview_blob_id INTEGER REFERENCES blob(id);
CREATE INDEX photo_preview_blob ON photo (preview_blob_id);
