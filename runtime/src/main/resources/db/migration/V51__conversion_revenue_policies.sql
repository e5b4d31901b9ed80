-- A buyer's conversion postback may change a call's revenue only where the campaign opts in, and
-- only within bounds: between min and max, for calls younger than the window. Any other revenue a
-- postback asks for becomes a dispute holding the requested amount, which staff approve or reject.
CREATE TABLE conversion_revenue_policies (
    campaign_id  text PRIMARY KEY REFERENCES campaigns (id),
    min_revenue  numeric(12, 2) NOT NULL CHECK (min_revenue >= 0),
    max_revenue  numeric(12, 2) NOT NULL,
    window_hours integer        NOT NULL CHECK (window_hours > 0),
    updated_by   text           NOT NULL,
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    CHECK (max_revenue >= min_revenue)
);

ALTER TABLE disputes ADD COLUMN requested_revenue numeric(12, 2) CHECK (requested_revenue >= 0);
