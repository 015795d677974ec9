-- Schema version 8: the scan day (脆弱性診断) and imported scans.
--
-- An import keeps what the scanner said about itself (version, arguments, the protocols it
-- scanned) and the warnings of the import. Each scanned host is kept, matched to a line or not
-- (an unmatched host is reported, never dropped), with how it was matched; its ports hang off the
-- host. A later import that scanned the same address and protocol supersedes an earlier one's
-- ports for that address and protocol (see SurveyStore::scanPorts).
ALTER TABLE scan_import ADD COLUMN scanner_version TEXT NOT NULL DEFAULT '';
ALTER TABLE scan_import ADD COLUMN args TEXT NOT NULL DEFAULT '';
ALTER TABLE scan_import ADD COLUMN protocols TEXT NOT NULL DEFAULT '';   -- "tcp,udp"
ALTER TABLE scan_import ADD COLUMN finished_at TEXT;
ALTER TABLE scan_import ADD COLUMN imported_by TEXT NOT NULL DEFAULT '';
ALTER TABLE scan_import ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';  -- JSON [{code, where, subject, detail}]
CREATE UNIQUE INDEX scan_import_sha256 ON scan_import (sha256) WHERE sha256 <> '';

CREATE TABLE scan_host (
    id                  INTEGER PRIMARY KEY,
    scan_import_id      INTEGER NOT NULL REFERENCES scan_import(id) ON DELETE CASCADE,
    connection_point_id INTEGER REFERENCES connection_point(id) ON DELETE SET NULL,  -- NULL: unmatched
    matched_by          TEXT NOT NULL DEFAULT ''
                        CHECK (matched_by IN ('', 'scan_ip', 'global_ip', 'global_ip_block', 'fqdn')),
    address             TEXT NOT NULL,
    hostnames           TEXT NOT NULL DEFAULT '',   -- "name (type)", newline-separated
    status              TEXT NOT NULL DEFAULT 'up',
    os_match            TEXT NOT NULL DEFAULT '',
    host_scripts        TEXT NOT NULL DEFAULT '',   -- "id: output" blocks
    started_at          TEXT
);
CREATE INDEX scan_host_import ON scan_host (scan_import_id);
CREATE INDEX scan_host_address ON scan_host (address);
CREATE INDEX scan_host_connection_point ON scan_host (connection_point_id);

-- scan_port is rebuilt: ports belong to a host, sctp is allowed, and the reason, extra info and
-- CPEs are kept. Rows written before (none by a released version) move onto hosts made for them.
INSERT INTO scan_host (scan_import_id, connection_point_id, matched_by, address, hostnames)
    SELECT scan_import_id, MAX(connection_point_id), '', address, MAX(hostname)
    FROM scan_port GROUP BY scan_import_id, address;
CREATE TABLE scan_port_v8 (
    id            INTEGER PRIMARY KEY,
    scan_host_id  INTEGER NOT NULL REFERENCES scan_host(id) ON DELETE CASCADE,
    protocol      TEXT NOT NULL CHECK (protocol IN ('tcp', 'udp', 'sctp', 'ip')),
    port          INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    state         TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    service       TEXT NOT NULL DEFAULT '',
    product       TEXT NOT NULL DEFAULT '',
    version       TEXT NOT NULL DEFAULT '',
    extra_info    TEXT NOT NULL DEFAULT '',
    cpe           TEXT NOT NULL DEFAULT '',         -- space-separated
    script_output TEXT NOT NULL DEFAULT ''          -- "id: output" blocks
);
INSERT INTO scan_port_v8 (id, scan_host_id, protocol, port, state, service, product, version, script_output)
    SELECT p.id, h.id, p.protocol, p.port, p.state, p.service, p.product, p.version, p.script_output
    FROM scan_port p JOIN scan_host h ON h.scan_import_id = p.scan_import_id AND h.address = p.address;
DROP TABLE scan_port;
ALTER TABLE scan_port_v8 RENAME TO scan_port;
CREATE INDEX scan_port_host ON scan_port (scan_host_id);
