-- A winning RTB bid may carry its own conversion timer: how long the call must last for that buyer
-- to pay (Retreaver's retreaver_seconds, a template target's conversionSeconds; docs/rtb.md). It is
-- written with the connected buyer (CallStore.markConnected) and read when the call is settled,
-- where it replaces the campaign's billable duration for that buyer on that call (CallBilling).
ALTER TABLE calls ADD COLUMN bid_conversion_seconds INTEGER
    CHECK (bid_conversion_seconds IS NULL OR bid_conversion_seconds BETWEEN 0 AND 86400);
COMMENT ON COLUMN calls.bid_conversion_seconds IS
    'the connected buyer''s winning bid''s own billable duration in seconds; null: the campaign''s';
