-- A call's end is stored on its own, before it is settled (capacity given back, billed), so a
-- failure while settling can never lose the end: the reconciler settles what was stored but not
-- settled. settled_at says a call is done; end_reason says why a call ended the way it did when
-- the provider did not tell us (e.g. "no status from provider"), for operators.
ALTER TABLE calls ADD COLUMN settled_at timestamptz;
ALTER TABLE calls ADD COLUMN end_reason text;

-- Calls that ended before this migration were settled in the same transaction as their end.
UPDATE calls SET settled_at = ended_at WHERE ended_at IS NOT NULL;

-- What the reconciler looks for: ended but not settled; and not ended at all (status never came).
CREATE INDEX calls_unsettled_idx ON calls (ended_at) WHERE ended_at IS NOT NULL AND settled_at IS NULL;
CREATE INDEX calls_unended_idx ON calls (started_at) WHERE ended_at IS NULL;
