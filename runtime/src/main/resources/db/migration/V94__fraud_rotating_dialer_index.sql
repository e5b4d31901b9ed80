-- The rotating-dialer limit (docs/fraud.md) counts, in the incoming webhook's one read, the other
-- numbers sharing the caller's first eight digits (+1 NPA NXX X) that called through the same
-- publisher in the policy's window: this index makes that an index range scan.
CREATE INDEX calls_publisher_prefix_idx ON calls (publisher_id, left(caller_number, 9), started_at);
