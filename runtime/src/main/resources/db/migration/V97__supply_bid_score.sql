-- The call-quality score of the pinged caller when the bid was made (docs/rtb.md, "The score in a
-- bid"); null for pings refused before scoring, and for bids made before scores existed.
ALTER TABLE rtb_supply_bids ADD COLUMN score smallint CHECK (score BETWEEN 0 AND 100);
