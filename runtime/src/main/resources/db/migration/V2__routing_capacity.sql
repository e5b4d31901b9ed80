-- The dial plan of the route node a call is at: ranked candidates and which one is ringing.
ALTER TABLE calls ADD COLUMN dial_plan jsonb;

-- Cap counters, one row per scope and period ('target:acme-main' / 'day:2026-11-25'). Reserving
-- is one conditional upsert per counter (used < limit), never read-modify-write in Java, so caps
-- hold across any number of runtime nodes.
CREATE TABLE cap_counters (
    scope    text NOT NULL,
    period   text NOT NULL,
    used     integer NOT NULL DEFAULT 0 CHECK (used >= 0),
    PRIMARY KEY (scope, period)
);

-- Capacity held for a call while its buyer leg rings. HELD rows of a node that crashed are
-- released by whichever node sweeps after expires_at.
CREATE TABLE cap_reservations (
    id          uuid PRIMARY KEY,
    -- no foreign key: a call can hold capacity on its first webhook, before its row is saved
    call_id     uuid NOT NULL,
    target_id   text NOT NULL,
    buyer_id    text NOT NULL,
    counters    text[] NOT NULL,
    state       text NOT NULL CHECK (state IN ('HELD', 'CONNECTED', 'RELEASED', 'EXPIRED')),
    holder      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    ended_at    timestamptz
);
CREATE INDEX cap_reservations_held_idx ON cap_reservations (expires_at) WHERE state = 'HELD';
CREATE INDEX cap_reservations_call_idx ON cap_reservations (call_id);

-- Round-robin position per route node, shared by every runtime node.
CREATE TABLE rotation_counters (
    scope  text PRIMARY KEY,
    value  bigint NOT NULL DEFAULT 0
);
