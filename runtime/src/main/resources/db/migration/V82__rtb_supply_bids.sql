-- Ringtree as a bid endpoint (docs/rtb.md, "Ringtree as a bid endpoint"): publishers on other
-- platforms ping a campaign, get a bid and a number reserved for that bid. Owner: supply.SupplyBidStore.

-- Which campaigns answer pings, and what the network keeps of the winning buyer's price.
CREATE TABLE rtb_supply_campaigns (
    campaign_id      text PRIMARY KEY REFERENCES campaigns(id),
    enabled          boolean NOT NULL DEFAULT true,
    margin_percent   numeric(5, 2) NOT NULL DEFAULT 0 CHECK (margin_percent >= 0 AND margin_percent < 100),
    margin_fixed     numeric(12, 2) NOT NULL DEFAULT 0 CHECK (margin_fixed >= 0),
    min_payout       numeric(12, 2) NOT NULL DEFAULT 0.01 CHECK (min_payout > 0),
    bid_ttl_seconds  integer NOT NULL DEFAULT 60 CHECK (bid_ttl_seconds BETWEEN 5 AND 600),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Tracking numbers set aside as RTB pool numbers: each is lent to one open bid at a time, and a
-- call to it before the bid expires is joined to that bid.
CREATE TABLE rtb_pool_numbers (
    number          text PRIMARY KEY REFERENCES tracking_numbers(number) ON DELETE CASCADE,
    lent_to_bid     uuid,
    lent_until      timestamptz
);

-- Every ping answered (bid or no bid) and what became of it.
CREATE TABLE rtb_supply_bids (
    id              uuid PRIMARY KEY,
    publisher_id    text NOT NULL,
    campaign_id     text NOT NULL,
    caller_number   text,
    shape           text NOT NULL CHECK (shape IN ('RINGTREE', 'RINGBA')),
    state           text NOT NULL CHECK (state IN ('NO_BID', 'OPEN', 'JOINED', 'EXPIRED')),
    reason          text,
    destination     text,
    node_id         text,
    target_id       text,
    buyer_id        text,
    buyer_price     numeric(12, 2),
    payout          numeric(12, 2),
    currency        text NOT NULL DEFAULT 'USD',
    reservation_id  uuid,
    plan            jsonb,
    trace           jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    call_id         uuid,
    joined_at       timestamptz
);
CREATE INDEX rtb_supply_bids_repeat_idx ON rtb_supply_bids (publisher_id, campaign_id, caller_number)
    WHERE state = 'OPEN';
CREATE INDEX rtb_supply_bids_destination_idx ON rtb_supply_bids (destination) WHERE state = 'OPEN';
CREATE INDEX rtb_supply_bids_report_idx ON rtb_supply_bids (created_at, publisher_id);
CREATE UNIQUE INDEX rtb_supply_bids_call_idx ON rtb_supply_bids (call_id) WHERE call_id IS NOT NULL;
