-- The live view counts each target's and buyer's calls in progress (legs ringing or connected) at
-- every call-state change; this keeps that count to the open reservations only.
CREATE INDEX cap_reservations_open_idx ON cap_reservations (target_id, buyer_id)
    WHERE ended_at IS NULL;
