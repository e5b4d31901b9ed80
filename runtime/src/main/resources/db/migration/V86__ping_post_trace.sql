-- True ping-post (docs/rtb.md, "Ping-post"): the winner of a ping-post target's auction is posted
-- the call's full details before it is dialled; the post and the buyer's answer are trace lines of
-- their own kind, 'post' (outcomes as a ping's: STEP when sent, then ACCEPTED, DECLINED, TIMEOUT,
-- ERROR or INVALID). The target's mode, post URL, post timeout and declared maximum bid are kept
-- in its settings JSON with the rest of its RTB endpoint: no column.
ALTER TABLE routing_trace DROP CONSTRAINT routing_trace_kind_check;
ALTER TABLE routing_trace ADD CONSTRAINT routing_trace_kind_check CHECK (kind IN (
    'incoming', 'step', 'decision', 'ping', 'post', 'route', 'dial', 'connector', 'status',
    'billing', 'reconcile'));
