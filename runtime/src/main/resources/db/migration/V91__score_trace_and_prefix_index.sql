-- The call-quality score in the running platform (issue #21.1–2, docs/score.md, "In the webhook").
-- A trace line of kind 'score' says what the score was, who scored it and why; its outcome is
-- SCORED. The constraints are extended from what they are now (not re-listed), as V88 does, so
-- kinds and outcomes other migrations add keep working whatever order they were merged in.
DO $$
DECLARE def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
     WHERE conname = 'routing_trace_kind_check' AND conrelid = 'routing_trace'::regclass;
    EXECUTE 'ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_kind_check';
    EXECUTE 'ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_kind_check '
        || replace(def, 'ARRAY[', 'ARRAY[''score''::text, ');
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
     WHERE conname = 'routing_trace_outcome_check' AND conrelid = 'routing_trace'::regclass;
    EXECUTE 'ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_outcome_check';
    EXECUTE 'ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_outcome_check '
        || replace(def, 'ARRAY[', 'ARRAY[''SCORED''::text, ');
END $$;

-- The arrival counts the other numbers sharing the caller's first 8 digits (+1 NPA NXX X) that
-- came through the same publisher in the look-back (the last hour for the score, the policy's window
-- for the rotating-dialer limit, docs/fraud.md): this index answers it from that prefix's rows only.
CREATE INDEX calls_publisher_prefix_idx ON calls (publisher_id, left(caller_number, 9), started_at);
