-- Publisher quality monitoring (issue #21.4, docs/fraud.md "Publisher quality monitoring"): each run
-- of the tests over a window of ended calls, the flags it raised with their evidence, the pauses of a
-- publisher's numbers made from the screen, and the operator's alert webhook with its deliveries.
CREATE TABLE quality_runs (
    id            bigserial PRIMARY KEY,
    started_at    timestamptz NOT NULL,
    window_from   timestamptz NOT NULL,
    window_to     timestamptz NOT NULL,
    -- SCHEDULE (ringtree.quality.cron) or DEMAND (POST /api/quality/runs, "Run now")
    trigger       text NOT NULL CHECK (trigger IN ('SCHEDULE', 'DEMAND')),
    requested_by  text NOT NULL,
    calls         integer NOT NULL,
    flags         integer NOT NULL,
    new_flags     integer NOT NULL,
    -- the QualitySettings the tests ran with (α, minimum calls, Δ, repeat window)
    settings      jsonb NOT NULL,
    -- per publisher: calls scored, counts in the score bands 0-19 … 80-100, median score
    score_bands   jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE quality_flags (
    id              bigserial PRIMARY KEY,
    publisher_id    text NOT NULL,
    source          text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('THRESHOLD_CLUSTERING', 'REPEAT_CALLERS', 'LOW_CONVERSION')),
    -- OPEN until a person acknowledges or dismisses it; CLEARED when a run no longer raises it
    state           text NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'DISMISSED', 'CLEARED')),
    first_run_id    bigint NOT NULL REFERENCES quality_runs(id),
    last_run_id     bigint NOT NULL REFERENCES quality_runs(id),
    raised_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    hits            integer NOT NULL,
    calls           integer NOT NULL,
    baseline_hits   integer NOT NULL,
    baseline_calls  integer NOT NULL,
    baseline_rate   double precision NOT NULL,
    p_value         double precision NOT NULL,
    evidence        text NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    reason          text
);
-- one live flag per publisher, source and test: raised again, it is updated, not repeated
CREATE UNIQUE INDEX quality_flags_live ON quality_flags (publisher_id, source, kind)
    WHERE state <> 'CLEARED';

CREATE TABLE quality_pauses (
    id            bigserial PRIMARY KEY,
    publisher_id  text NOT NULL,
    -- the numbers this pause took out of service: "Resume" puts back exactly these
    numbers       text[] NOT NULL,
    paused_by     text NOT NULL,
    paused_at     timestamptz NOT NULL,
    resumed_by    text,
    resumed_at    timestamptz
);
CREATE UNIQUE INDEX quality_pauses_active ON quality_pauses (publisher_id) WHERE resumed_at IS NULL;

-- the network's alert webhook: one row, the URL an operator typed (data, checked by the SSRF guard)
CREATE TABLE quality_alert_settings (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    url         text NOT NULL DEFAULT '',
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE quality_alert_deliveries (
    id           bigserial PRIMARY KEY,
    flag_id      bigint NOT NULL REFERENCES quality_flags(id),
    run_id       bigint NOT NULL REFERENCES quality_runs(id),
    url          text NOT NULL,
    attempt      integer NOT NULL,
    at           timestamptz NOT NULL,
    http_status  integer,
    delivered    boolean NOT NULL,
    error        text
);
CREATE INDEX quality_alert_deliveries_flag ON quality_alert_deliveries (flag_id);
