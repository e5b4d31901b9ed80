-- Postback screens (issue #19, item 5): the delivery log shows what the publisher's server answered
-- on each attempt, not only its status. The first 1,000 characters of the response body; null when
-- no answer came (refused, timed out) or for attempts logged before this column existed.
ALTER TABLE postback_attempts ADD COLUMN response text;

-- The delivery log pages through postbacks newest first (optionally one publisher's).
CREATE INDEX postbacks_created_idx ON postbacks (created_at DESC, id);
CREATE INDEX postbacks_publisher_created_idx ON postbacks (publisher_id, created_at DESC, id);
