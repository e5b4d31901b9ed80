-- Ringtree core schema. Money is NUMERIC (exact), timestamps are timestamptz stored and read in UTC.
-- Directory ids are short stable text keys (e.g. 'acme-law') because flow documents reference them.

CREATE TABLE verticals (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaigns (
    id          text PRIMARY KEY,
    vertical_id text NOT NULL REFERENCES verticals(id),
    name        text NOT NULL,
    currency    char(3) NOT NULL DEFAULT 'USD',
    timezone    text NOT NULL DEFAULT 'America/New_York',
    -- billable/payout policy, recording, unknown-number handling: typed on the Java side
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE publishers (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE buyers (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    currency    char(3) NOT NULL DEFAULT 'USD',
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A target is where a buyer takes calls: a number, a SIP URI, or an RTB endpoint that bids first.
CREATE TABLE targets (
    id           text PRIMARY KEY,
    buyer_id     text NOT NULL REFERENCES buyers(id),
    name         text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('NUMBER', 'SIP', 'RTB')),
    destination  text NOT NULL,
    fixed_price  numeric(12, 2),
    -- eligibility (geo, hours, tags), caps, duplicate rule, RTB settings: typed on the Java side
    settings     jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled      boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (fixed_price IS NULL OR fixed_price >= 0)
);
CREATE INDEX targets_buyer_idx ON targets (buyer_id);

CREATE TABLE target_groups (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE target_group_members (
    group_id    text NOT NULL REFERENCES target_groups(id) ON DELETE CASCADE,
    target_id   text NOT NULL REFERENCES targets(id),
    priority    integer NOT NULL DEFAULT 1,
    weight      integer NOT NULL DEFAULT 1 CHECK (weight >= 0),
    PRIMARY KEY (group_id, target_id)
);

CREATE TABLE tracking_numbers (
    number        text PRIMARY KEY CHECK (number ~ '^\+[1-9][0-9]{6,14}$'),
    campaign_id   text NOT NULL REFERENCES campaigns(id),
    publisher_id  text NOT NULL REFERENCES publishers(id),
    source_tags   jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracking_numbers_campaign_idx ON tracking_numbers (campaign_id);

CREATE TABLE flows (
    id              text PRIMARY KEY,
    campaign_id     text NOT NULL REFERENCES campaigns(id),
    name            text NOT NULL,
    draft           jsonb,
    live_version_id bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX flows_one_per_campaign ON flows (campaign_id);

-- A flow version is immutable once written: the document and what it compiled to never change.
CREATE TABLE flow_versions (
    id            bigserial PRIMARY KEY,
    flow_id       text NOT NULL REFERENCES flows(id),
    version       integer NOT NULL,
    -- content hash of document + directory snapshot: what call state and traces refer to
    version_key   text NOT NULL UNIQUE,
    document      jsonb NOT NULL,
    -- the directory entries the flow referenced when it compiled, so a version is self-contained
    directory     jsonb NOT NULL,
    drl           text NOT NULL,
    routing_dmn   text NOT NULL,
    payout_dmn    text NOT NULL,
    camel_routes  text NOT NULL DEFAULT '',
    checksum      text NOT NULL,
    author        text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (flow_id, version)
);
ALTER TABLE flows ADD CONSTRAINT flows_live_version_fk FOREIGN KEY (live_version_id) REFERENCES flow_versions(id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER flow_versions_immutable BEFORE UPDATE OR DELETE ON flow_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE calls (
    id                  uuid PRIMARY KEY,
    call_sid            text NOT NULL UNIQUE,
    tracking_number     text NOT NULL,
    campaign_id         text REFERENCES campaigns(id),
    publisher_id        text REFERENCES publishers(id),
    flow_version_id     bigint REFERENCES flow_versions(id),
    caller_number       text NOT NULL,
    caller_city         text,
    caller_state        text,
    caller_zip          text,
    caller_country      text,
    status              text NOT NULL,
    -- IVR position, answers, tags, attempts: what any runtime node needs to take the next webhook
    state               jsonb NOT NULL DEFAULT '{}'::jsonb,
    state_version       integer NOT NULL DEFAULT 0,
    started_at          timestamptz NOT NULL,
    answered_at         timestamptz,
    connected_at        timestamptz,
    ended_at            timestamptz,
    total_seconds       integer,
    ivr_seconds         integer,
    talk_seconds        integer,
    target_id           text REFERENCES targets(id),
    buyer_id            text REFERENCES buyers(id),
    revenue             numeric(12, 2),
    payout              numeric(12, 2),
    currency            char(3) NOT NULL DEFAULT 'USD',
    billable_to_buyer   boolean,
    payable_to_publisher boolean,
    duplicate           boolean NOT NULL DEFAULT false,
    converted           boolean NOT NULL DEFAULT false,
    recording_url       text,
    recording_sid       text,
    recording_seconds   integer
);
CREATE INDEX calls_started_idx ON calls (started_at);
CREATE INDEX calls_caller_idx ON calls (caller_number, started_at);
CREATE INDEX calls_campaign_idx ON calls (campaign_id, started_at);
CREATE INDEX calls_publisher_idx ON calls (publisher_id, started_at);
CREATE INDEX calls_buyer_idx ON calls (buyer_id, started_at);

-- Every webhook the call received and what we answered. (call_sid, step_key) makes a replayed
-- webhook find its earlier answer instead of acting twice.
CREATE TABLE call_events (
    id          bigserial PRIMARY KEY,
    call_sid    text NOT NULL,
    call_id     uuid REFERENCES calls(id),
    step_key    text NOT NULL,
    kind        text NOT NULL,
    request     jsonb NOT NULL DEFAULT '{}'::jsonb,
    response    text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (call_sid, step_key)
);
CREATE INDEX call_events_call_idx ON call_events (call_id);

-- Every routing decision: candidates, skips with reasons, pings, the winner.
CREATE TABLE routing_trace (
    id           bigserial PRIMARY KEY,
    call_id      uuid NOT NULL REFERENCES calls(id),
    seq          integer NOT NULL,
    node_id      text,
    target_id    text,
    kind         text NOT NULL,
    outcome      text NOT NULL,
    reason       text NOT NULL,
    bid_amount   numeric(12, 2),
    latency_ms   integer,
    http_status  integer,
    detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (call_id, seq)
);

-- The books. Append-only: a correction is a new row pointing at the row it corrects.
CREATE TABLE ledger_entries (
    id            bigserial PRIMARY KEY,
    call_id       uuid REFERENCES calls(id),
    kind          text NOT NULL CHECK (kind IN ('REVENUE', 'PAYOUT', 'ADJUSTMENT')),
    party_type    text NOT NULL CHECK (party_type IN ('BUYER', 'PUBLISHER')),
    party_id      text NOT NULL,
    campaign_id   text REFERENCES campaigns(id),
    amount        numeric(14, 2) NOT NULL,
    currency      char(3) NOT NULL,
    rule_ref      text NOT NULL,
    description   text NOT NULL,
    corrects_id   bigint REFERENCES ledger_entries(id),
    idempotency_key text UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_call_idx ON ledger_entries (call_id);
CREATE INDEX ledger_party_idx ON ledger_entries (party_type, party_id, created_at);

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    action       text NOT NULL,
    object_type  text NOT NULL,
    object_id    text NOT NULL,
    before       jsonb,
    after        jsonb
);
CREATE INDEX audit_object_idx ON audit_log (object_type, object_id, at);
CREATE INDEX audit_actor_idx ON audit_log (actor, at);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
