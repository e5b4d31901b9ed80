-- API keys may carry an expiry, so a key handed to a contractor or a one-off export stops working
-- on its own; a key without one lasts until revoked, as before.
ALTER TABLE api_keys
    ADD COLUMN expires_at timestamptz,
    ADD CONSTRAINT api_keys_expire_after_creation CHECK (expires_at IS NULL OR expires_at > created_at);
