-- report_rollup_pending is a queue: every row is deleted within about a second of its insert, so
-- at a few hundred calls a second it gathers tens of thousands of dead rows a minute. Vacuum it on
-- a fixed count of them rather than a share of its (always tiny) live size, without the cost
-- delay meant for big tables. How often autovacuum looks at all is autovacuum_naptime (10 s on
-- the embedded server; see docs/benchmarks.md for an external one).
ALTER TABLE report_rollup_pending SET (
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_cost_delay = 0
);
