-- A supply bid may send its call to a SIP address carrying a token instead of a pool number
-- (docs/rtb.md, "Ringtree as a bid endpoint"): the token joins the call to its bid, and the call
-- is counted on one of the publisher's pool numbers for the campaign (tracking_number), which is
-- not lent. A pool-number bid's tracking_number is its lent number.
ALTER TABLE rtb_supply_bids ADD COLUMN sip_token text;
ALTER TABLE rtb_supply_bids ADD COLUMN tracking_number text;
UPDATE rtb_supply_bids SET tracking_number = destination WHERE destination IS NOT NULL;
CREATE UNIQUE INDEX rtb_supply_bids_sip_token_idx ON rtb_supply_bids (sip_token)
    WHERE sip_token IS NOT NULL;
