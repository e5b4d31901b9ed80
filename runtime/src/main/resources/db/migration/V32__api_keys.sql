-- API keys for machine clients (contract 4). A key acts as its user, with that user's role. Only a
-- SHA-256 hash of the secret is kept; the id is the key's public prefix, used to find the row and
-- to name the key in listings and in the audit log. Keys are revoked, never deleted, so the record
-- of who could act as whom stays.
CREATE TABLE api_keys (
    id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9]{12}$'),
    username      text NOT NULL REFERENCES users(username),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    secret_sha256 bytea NOT NULL CHECK (octet_length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    -- refreshed at most once a minute per key, so a busy client does not write on every request
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE INDEX api_keys_by_user ON api_keys (username, created_at);

-- The application role of V31: reads keys, creates them, marks them used or revoked, never deletes
-- them. Like V31, nothing to do where the migrator could not create the role.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ringtree_app') THEN
        GRANT SELECT, INSERT, UPDATE ON api_keys TO ringtree_app;
        REVOKE DELETE, TRUNCATE ON api_keys FROM ringtree_app;
    END IF;
END;
$$;
