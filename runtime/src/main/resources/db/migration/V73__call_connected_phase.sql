-- The buyer leg's answer, as it happens. Twilio reports a dialled <Number>/<Sip> leg's answer to
-- the statusCallback the TwiML names (statusCallbackEvent="answered"), so a call now moves from
-- RINGING_BUYER to CONNECTED while the caller and the buyer talk, instead of looking like it rings
-- until the leg ends. answered_at (in the schema since V1, never written until now) is when that
-- event came: the live view's talk clock. The trace says it too, with the outcome ANSWERED.
COMMENT ON COLUMN calls.answered_at IS
    'when the ringing buyer leg answered (its answered event), while it talks; null before';

ALTER TABLE calls DROP CONSTRAINT calls_phase_check;
ALTER TABLE calls ADD CONSTRAINT calls_phase_check CHECK (phase IN (
    'UNROUTED', 'IN_IVR', 'RINGING_BUYER', 'CONNECTED', 'FLOW_ENDED', 'ENDED',
    'ENDED_WITHOUT_STATUS'));

ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_outcome_check;
ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_outcome_check CHECK (outcome IN (
    'STEP', 'SKIPPED', 'ELIGIBLE', 'WINNER', 'PAY', 'NO_PAY',
    'ACCEPTED', 'DECLINED', 'TIMEOUT', 'ERROR', 'INVALID', 'RATE_LIMITED',
    'DEADLINE_CUT', 'OUT_OF_TIME', 'EXHAUSTED',
    'DIALLING', 'ANSWERED', 'CONNECTED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED', 'IGNORED',
    'OK',
    'UNROUTED', 'WAITING', 'NO_DIAL_RESULT', 'NO_STATUS', 'PROVIDER_RECORD'));
