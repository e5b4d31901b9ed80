-- The call log pages newest first by the keyset (started_at, id): these indexes let each page start
-- at its cursor and read only the rows it shows, unfiltered or filtered by the columns that have no
-- (column, started_at) index yet; campaign, publisher, buyer and caller use the V1 indexes. The
-- first replaces V1's index on started_at alone, which every call insert would otherwise also pay.
CREATE INDEX calls_log_idx ON calls (started_at, id);
CREATE INDEX calls_log_target_idx ON calls (target_id, started_at, id);
CREATE INDEX calls_log_number_idx ON calls (tracking_number, started_at, id);
DROP INDEX IF EXISTS calls_started_idx;
