-- Schema version 5: the SSH host keys the investigator accepted for this survey. FieldSurvey keeps
-- its own list per survey (never ~/.ssh/known_hosts): the first contact shows the key's SHA-256
-- fingerprint for explicit acceptance, and a changed key refuses the connection.
CREATE TABLE ssh_known_host (
    id          INTEGER PRIMARY KEY,
    host        TEXT NOT NULL,
    port        INTEGER NOT NULL,
    key_type    TEXT NOT NULL,             -- ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …
    fingerprint TEXT NOT NULL,             -- "SHA256:" and the base64 digest, as OpenSSH prints it
    accepted_at TEXT NOT NULL,
    accepted_by TEXT NOT NULL DEFAULT '',
    UNIQUE (host, port)
);
