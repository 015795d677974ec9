-- Schema version 7: the investigator's judgment on findings. A finding whose status, text or
-- recommendation the investigator changed carries edited_at/edited_by; re-evaluating the rules
-- never touches such a finding again (it is not updated and not removed). Dismissals record who
-- and when beside the reason.
ALTER TABLE finding ADD COLUMN edited_at TEXT;
ALTER TABLE finding ADD COLUMN edited_by TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN dismissed_at TEXT;
ALTER TABLE finding ADD COLUMN dismissed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX finding_target ON finding (target_entity, target_id);
