-- How much of the publisher's payout an approved dispute claws back, per campaign (#19).
-- A campaign without a row claws back all of it (100), as before this table.
CREATE TABLE dispute_clawback_rules (
    campaign_id      text PRIMARY KEY REFERENCES campaigns(id),
    clawback_percent numeric(5,2) NOT NULL
        CHECK (clawback_percent >= 0 AND clawback_percent <= 100),
    updated_by       text NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
