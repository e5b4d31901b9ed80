-- A network starts with its blocklist in force: a number an operator puts on the blocklist is
-- rejected at the door (TwiML <Reject>, Twilio's own advice for a block list) without a policy to
-- write first. Every other defence stays off until an operator turns it on. The row is an ordinary
-- policy: shown on the Fraud screen, changed or deleted there (and audited) like any other.
-- A network that already has a policy keeps it.
INSERT INTO fraud_policies (scope, settings, updated_by)
VALUES ('*', '{"actions": {"BLOCKLIST": "REJECT"}}'::jsonb, 'ringtree (default)')
ON CONFLICT (scope) DO NOTHING;
