-- Each directory row counts its saves, so a save made from an entry someone else changed since it
-- was opened is refused (409 over REST, a message in the console) instead of overwriting theirs.
ALTER TABLE verticals ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE publishers ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE buyers ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE targets ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE target_groups ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE tracking_numbers ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- The console's grids sort by name and page with LIMIT/OFFSET (10,000 targets, 100,000 numbers):
-- these let the first pages of each default order come from an index instead of a sort.
CREATE INDEX targets_name_idx ON targets (name, id);
CREATE INDEX targets_buyer_name_idx ON targets (buyer_id, name, id);
CREATE INDEX tracking_numbers_publisher_idx ON tracking_numbers (publisher_id);
CREATE INDEX campaigns_vertical_idx ON campaigns (vertical_id);
CREATE INDEX target_group_members_target_idx ON target_group_members (target_id);
