-- "Qualified" (issue #19): a call that passed the flow's qualification and reached a route node,
-- whether or not a buyer then took it. calls.routed_at is when the call's first routing step was
-- traced (a route node's decision, ping, dial or route row); null: it never reached routing (hung
-- up in the IVR, failed a check, voicemail without routing). A trigger on the trace sets it, so
-- every path that routes a call (first webhook, later webhooks, failover) records it alike.
ALTER TABLE calls ADD COLUMN routed_at timestamptz;

UPDATE calls c SET routed_at = r.first
  FROM (SELECT call_id, min(created_at) AS first FROM routing_trace
         WHERE kind IN ('decision', 'ping', 'route', 'dial') GROUP BY call_id) r
 WHERE r.call_id = c.id;

-- the dashboard counts a period's qualified calls per currency from this index alone
CREATE INDEX calls_routed_started_idx ON calls (started_at, currency) WHERE routed_at IS NOT NULL;

CREATE FUNCTION call_routed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE calls SET routed_at = NEW.created_at WHERE id = NEW.call_id AND routed_at IS NULL;
    RETURN NULL;
END;
$$;

CREATE TRIGGER routing_trace_routed AFTER INSERT ON routing_trace
    FOR EACH ROW WHEN (NEW.kind IN ('decision', 'ping', 'route', 'dial'))
    EXECUTE FUNCTION call_routed();
