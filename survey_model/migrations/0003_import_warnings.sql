-- Schema version 3: what a workbook import noticed, kept with the survey so that the office and
-- the investigator see the same list later.
CREATE TABLE import_warning (
    id          INTEGER PRIMARY KEY,
    position    INTEGER NOT NULL,
    code        TEXT NOT NULL,             -- stable, see docs/import-warnings.md
    location    TEXT NOT NULL DEFAULT '',  -- "回線・機器情報記入シート!P6" or a sheet name
    subject     TEXT NOT NULL DEFAULT '',  -- "line:1", "terminal:2", "hospital", …
    detail      TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
