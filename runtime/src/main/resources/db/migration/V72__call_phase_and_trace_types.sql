-- States are types. calls.status held two things: the platform's phase of a call (in-ivr,
-- ringing-buyer, ...) and, once the call ended, the provider's CallStatus (completed, no-answer,
-- ...). They are now two columns: phase, the name of a CallPhase, and provider_status, Twilio's
-- CallStatus as the provider spells it. Users still see one status: the phase's label while the
-- call is ours, the provider's status once it ended (CallPhase.shown). Trace kinds and outcomes
-- were free text; each now has a CHECK listing the names of TraceKind and TraceOutcome.
ALTER TABLE calls RENAME COLUMN status TO phase;
ALTER TABLE calls ADD COLUMN provider_status text;

UPDATE calls SET provider_status = phase, phase = 'ENDED'
 WHERE phase IN ('queued', 'ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer',
                 'canceled');
UPDATE calls SET phase = CASE phase
    WHEN 'unrouted' THEN 'UNROUTED'
    WHEN 'in-ivr' THEN 'IN_IVR'
    WHEN 'ringing-buyer' THEN 'RINGING_BUYER'
    WHEN 'flow-ended' THEN 'FLOW_ENDED'
    WHEN 'no-status' THEN 'ENDED_WITHOUT_STATUS'
    ELSE phase END
 WHERE phase <> 'ENDED';

-- A value neither list knows makes this migration fail rather than guess what it meant.
ALTER TABLE calls ADD CONSTRAINT calls_phase_check CHECK (phase IN (
    'UNROUTED', 'IN_IVR', 'RINGING_BUYER', 'FLOW_ENDED', 'ENDED', 'ENDED_WITHOUT_STATUS'));
ALTER TABLE calls ADD CONSTRAINT calls_provider_status_check CHECK (provider_status IN (
    'queued', 'ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer', 'canceled'));

-- The one outcome whose text was not an enum name: a dial leg's DialCallStatus, upper-cased.
UPDATE routing_trace SET outcome = 'NO_ANSWER' WHERE outcome = 'NO-ANSWER';

ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_kind_check CHECK (kind IN (
    'incoming', 'step', 'decision', 'ping', 'route', 'dial', 'connector', 'status', 'billing',
    'reconcile'));
ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_outcome_check CHECK (outcome IN (
    'STEP', 'SKIPPED', 'ELIGIBLE', 'WINNER', 'PAY', 'NO_PAY',
    'ACCEPTED', 'DECLINED', 'TIMEOUT', 'ERROR', 'INVALID', 'RATE_LIMITED',
    'DEADLINE_CUT', 'OUT_OF_TIME', 'EXHAUSTED',
    'DIALLING', 'CONNECTED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED', 'IGNORED',
    'OK',
    'UNROUTED', 'WAITING', 'NO_DIAL_RESULT', 'NO_STATUS', 'PROVIDER_RECORD'));
