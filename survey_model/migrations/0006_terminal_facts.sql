-- Schema version 6: what is known about a terminal, as imported from the read-only collector's
-- JSON or entered by hand (the same schema, fieldsurvey-terminal-facts/1), kept as evidence with
-- its SHA-256. The current facts of a terminal are its newest row not withdrawn; an undone import
-- is withdrawn, never deleted.
CREATE TABLE terminal_facts (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    terminal_id   INTEGER NOT NULL REFERENCES terminal(id) ON DELETE CASCADE,
    source        TEXT NOT NULL CHECK (source IN ('collector', 'manual')),
    file_name     TEXT NOT NULL DEFAULT '',
    sha256        TEXT NOT NULL,
    facts         TEXT NOT NULL,             -- the JSON as checked against the schema
    computer_name TEXT NOT NULL DEFAULT '',
    collected_at  TEXT,                      -- the terminal's clock, UTC
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL DEFAULT '',
    withdrawn_at  TEXT,
    updated_at    TEXT NOT NULL
);
CREATE INDEX terminal_facts_terminal ON terminal_facts (terminal_id, id);

-- A rule finds one thing once per target: re-evaluation updates it in place (keeping a dismissal).
CREATE UNIQUE INDEX finding_rule ON finding (target_entity, target_id, rule_id) WHERE rule_id <> '';
