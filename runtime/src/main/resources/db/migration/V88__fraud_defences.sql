-- Fraud defences at the door (issue #21.3, docs/fraud.md): a network's blocklist, its fraud policy
-- and each campaign's, and what the defences found for a call in the call's trace.

-- One blocked caller: a whole number (E.164), a prefix or a US area code, from a list (e.g. a bought
-- litigator list, or "manual"), with the operator's note, who added it and when.
CREATE TABLE fraud_blocklist (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('NUMBER', 'PREFIX', 'AREA_CODE')),
    value      text NOT NULL,
    list_name  text NOT NULL DEFAULT 'manual',
    note       text NOT NULL DEFAULT '',
    added_by   text NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, value)
);

-- The network's policy (scope '*') and campaigns' overrides (scope = campaign id): FraudPolicy's
-- settings as JSON; every change is in the audit log (object type fraud-policy) with before/after.
CREATE TABLE fraud_policies (
    scope      text PRIMARY KEY,
    settings   jsonb NOT NULL,
    version    int NOT NULL DEFAULT 1,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A defence's finding is a trace line of kind 'fraud' whose outcome is the action it took. The
-- constraints are extended from what they are now (not re-listed), so kinds and outcomes other
-- migrations add keep working whatever order they were merged in.
DO $$
DECLARE def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
     WHERE conname = 'routing_trace_kind_check' AND conrelid = 'routing_trace'::regclass;
    EXECUTE 'ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_kind_check';
    EXECUTE 'ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_kind_check '
        || replace(def, 'ARRAY[', 'ARRAY[''fraud''::text, ');
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
     WHERE conname = 'routing_trace_outcome_check' AND conrelid = 'routing_trace'::regclass;
    EXECUTE 'ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_outcome_check';
    EXECUTE 'ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_outcome_check '
        || replace(def, 'ARRAY[', 'ARRAY[''REJECTED''::text, ''HUNG_UP''::text,'
            || ' ''NOT_PAYABLE''::text, ''FLAGGED''::text, ');
END $$;

-- the console's recent findings, newest first
CREATE INDEX routing_trace_fraud_idx ON routing_trace (created_at DESC) WHERE kind = 'fraud';
