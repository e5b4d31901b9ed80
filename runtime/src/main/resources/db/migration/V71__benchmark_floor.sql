-- The benchmark floor's one row per request (benchmark.FloorEndpoint, off unless a benchmark
-- turns it on): the durable write any platform makes for a signed incoming call.
CREATE TABLE benchmark_floor (
    id          bigserial   PRIMARY KEY,
    call_sid    text        NOT NULL,
    caller      text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
