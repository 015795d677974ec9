-- Schema version 4: who attends the visit day (立会い), captured at arrival.
ALTER TABLE visit_day ADD COLUMN attendees TEXT NOT NULL DEFAULT '';
