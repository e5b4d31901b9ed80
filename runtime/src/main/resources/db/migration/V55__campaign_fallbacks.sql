-- Where a campaign's caller goes when the flow has nowhere to send them or something inside
-- Ringtree fails: a fallback number, voicemail, a message, or (only if the operator chose it) a
-- hang-up. Campaigns without a row use the network default from the configuration.
CREATE TABLE campaign_fallbacks (
    campaign_id text PRIMARY KEY REFERENCES campaigns (id),
    kind        text        NOT NULL CHECK (kind IN ('NUMBER', 'VOICEMAIL', 'MESSAGE', 'HANGUP')),
    number      text,
    message     text,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'NUMBER') = (number IS NOT NULL))
);
