-- Secrets operators enter (a SIP target's password), encrypted with AES-256-GCM under a key kept
-- outside the database (ringtree.secrets.key); everything else stores the reference secret:<id>.
-- Existing SIP passwords in targets are moved here by the application at start-up
-- (secrets.SipPasswordMigration), since the key is not known to SQL.
CREATE TABLE secrets (
    id         text PRIMARY KEY,
    nonce      bytea       NOT NULL,
    ciphertext bytea       NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
