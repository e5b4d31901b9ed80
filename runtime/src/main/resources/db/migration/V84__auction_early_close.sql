-- Auctions close early (docs/rtb.md, "When the auction stops waiting"): a target the auction did
-- not wait for is traced NOT_WAITED, and its answer, when it comes, LATE_ANSWER, so the bid history
-- (the highest bid and slowest answer of each target over a look-back) learns from it.
ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_outcome_check;
ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_outcome_check CHECK (outcome IN (
    'STEP', 'SKIPPED', 'ELIGIBLE', 'WINNER', 'PAY', 'NO_PAY',
    'ACCEPTED', 'DECLINED', 'TIMEOUT', 'ERROR', 'INVALID', 'RATE_LIMITED', 'NOT_WAITED',
    'LATE_ANSWER',
    'DEADLINE_CUT', 'OUT_OF_TIME', 'EXHAUSTED',
    'DIALLING', 'ANSWERED', 'CONNECTED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED', 'IGNORED',
    'OK',
    'UNROUTED', 'WAITING', 'NO_DIAL_RESULT', 'NO_STATUS', 'PROVIDER_RECORD'));

-- The bid history reads each target's recent pings.
CREATE INDEX routing_trace_ping_target_idx ON routing_trace (target_id, created_at)
    WHERE kind = 'ping';
