-- Money: effective billing tables, policy overrides, report roll-ups, conversions, publisher
-- postbacks, disputes and bulk adjustments. The ledger itself (V1) stays append-only.

-- Every billing decision table that ever decided a call, by content hash, so a ledger row's
-- rule_ref ("bt-<hash>#<row>") always resolves to the exact DMN row that produced it.
CREATE TABLE billing_tables (
    ref         text PRIMARY KEY,
    policy      jsonb NOT NULL,
    dmn         text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER billing_tables_immutable BEFORE UPDATE OR DELETE ON billing_tables
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Overrides on top of a campaign's payout policy: for a whole campaign (extras such as region
-- bonus and tag tiers), for a buyer or a publisher (on every campaign, or on one).
CREATE TABLE billing_policy_overrides (
    id           bigserial PRIMARY KEY,
    scope        text NOT NULL CHECK (scope IN ('CAMPAIGN', 'BUYER', 'PUBLISHER')),
    party_id     text NOT NULL,
    campaign_id  text REFERENCES campaigns(id),
    policy       jsonb NOT NULL,
    updated_by   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (scope <> 'CAMPAIGN' OR campaign_id IS NULL)
);
CREATE UNIQUE INDEX billing_policy_overrides_key
    ON billing_policy_overrides (scope, party_id, coalesce(campaign_id, ''));

ALTER TABLE calls ADD COLUMN converted_at timestamptz;
ALTER TABLE calls ADD COLUMN billing_table text;

-- Report roll-up: one row per UTC hour of the call's start and its dimensions, kept exact by the
-- triggers below (calls: counts; ledger: money). Reports sum these rows, never the raw tables.
CREATE TABLE report_rollup (
    bucket           timestamptz NOT NULL,
    campaign_id      text NOT NULL,
    publisher_id     text NOT NULL,
    buyer_id         text NOT NULL,
    tracking_number  text NOT NULL,
    currency         char(3) NOT NULL,
    calls            bigint NOT NULL DEFAULT 0,
    connected        bigint NOT NULL DEFAULT 0,
    billable         bigint NOT NULL DEFAULT 0,
    duplicates       bigint NOT NULL DEFAULT 0,
    converted        bigint NOT NULL DEFAULT 0,
    revenue          numeric(16, 2) NOT NULL DEFAULT 0,
    payout           numeric(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency)
);

CREATE FUNCTION rollup_hour(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT date_trunc('hour', t AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
$$;

CREATE FUNCTION rollup_add(b timestamptz, c text, p text, bu text, tn text, cur char(3),
                           n bigint, con bigint, bil bigint, dup bigint, conv bigint,
                           rev numeric, pay numeric) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_rollup AS r (bucket, campaign_id, publisher_id, buyer_id, tracking_number,
                                    currency, calls, connected, billable, duplicates, converted,
                                    revenue, payout)
    VALUES (b, coalesce(c, ''), coalesce(p, ''), coalesce(bu, ''), coalesce(tn, ''), cur,
            n, con, bil, dup, conv, rev, pay)
    ON CONFLICT (bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency)
    DO UPDATE SET calls = r.calls + excluded.calls,
                  connected = r.connected + excluded.connected,
                  billable = r.billable + excluded.billable,
                  duplicates = r.duplicates + excluded.duplicates,
                  converted = r.converted + excluded.converted,
                  revenue = r.revenue + excluded.revenue,
                  payout = r.payout + excluded.payout
$$;

CREATE FUNCTION calls_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rev numeric := 0;
    pay numeric := 0;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.campaign_id, OLD.publisher_id, OLD.buyer_id, OLD.tracking_number, OLD.currency,
            rollup_hour(OLD.started_at))
           IS DISTINCT FROM
           (NEW.campaign_id, NEW.publisher_id, NEW.buyer_id, NEW.tracking_number, NEW.currency,
            rollup_hour(NEW.started_at)) THEN
            -- the call moved to other dimensions: its money moves with it
            SELECT coalesce(sum(amount) FILTER (WHERE party_type = 'BUYER'), 0),
                   coalesce(sum(amount) FILTER (WHERE party_type = 'PUBLISHER'), 0)
              INTO rev, pay FROM ledger_entries WHERE call_id = NEW.id;
        END IF;
        PERFORM rollup_add(rollup_hour(OLD.started_at), OLD.campaign_id, OLD.publisher_id,
                           OLD.buyer_id, OLD.tracking_number, OLD.currency, -1,
                           -(OLD.connected_at IS NOT NULL)::int,
                           -(coalesce(OLD.billable_to_buyer, false))::int,
                           -(OLD.duplicate)::int, -(OLD.converted)::int, -rev, -pay);
    END IF;
    PERFORM rollup_add(rollup_hour(NEW.started_at), NEW.campaign_id, NEW.publisher_id,
                       NEW.buyer_id, NEW.tracking_number, NEW.currency, 1,
                       (NEW.connected_at IS NOT NULL)::int,
                       (coalesce(NEW.billable_to_buyer, false))::int,
                       (NEW.duplicate)::int, (NEW.converted)::int, rev, pay);
    RETURN NULL;
END;
$$;

CREATE TRIGGER calls_rollup_insert AFTER INSERT ON calls
    FOR EACH ROW EXECUTE FUNCTION calls_rollup();
-- Only changes that matter to reports pay for the roll-up; state saves per webhook do not.
CREATE TRIGGER calls_rollup_update AFTER UPDATE ON calls
    FOR EACH ROW WHEN (
        (OLD.campaign_id, OLD.publisher_id, OLD.buyer_id, OLD.tracking_number, OLD.currency,
         OLD.started_at, OLD.connected_at IS NOT NULL, coalesce(OLD.billable_to_buyer, false),
         OLD.duplicate, OLD.converted)
        IS DISTINCT FROM
        (NEW.campaign_id, NEW.publisher_id, NEW.buyer_id, NEW.tracking_number, NEW.currency,
         NEW.started_at, NEW.connected_at IS NOT NULL, coalesce(NEW.billable_to_buyer, false),
         NEW.duplicate, NEW.converted))
    EXECUTE FUNCTION calls_rollup();

CREATE FUNCTION ledger_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c calls%ROWTYPE;
BEGIN
    SELECT * INTO c FROM calls WHERE id = NEW.call_id;
    IF FOUND THEN
        PERFORM rollup_add(rollup_hour(c.started_at), c.campaign_id, c.publisher_id, c.buyer_id,
                           c.tracking_number, NEW.currency, 0, 0, 0, 0, 0,
                           CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                           CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END);
    ELSE
        PERFORM rollup_add(rollup_hour(NEW.created_at), NEW.campaign_id,
                           CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.party_id END,
                           CASE WHEN NEW.party_type = 'BUYER' THEN NEW.party_id END,
                           NULL, NEW.currency, 0, 0, 0, 0, 0,
                           CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                           CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_entries_rollup AFTER INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_rollup();

-- Calls and ledger rows written before this migration.
INSERT INTO report_rollup (bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency,
                           calls, connected, billable, duplicates, converted)
SELECT rollup_hour(started_at), coalesce(campaign_id, ''), coalesce(publisher_id, ''),
       coalesce(buyer_id, ''), tracking_number, currency, count(*),
       count(*) FILTER (WHERE connected_at IS NOT NULL),
       count(*) FILTER (WHERE billable_to_buyer), count(*) FILTER (WHERE duplicate),
       count(*) FILTER (WHERE converted)
  FROM calls GROUP BY 1, 2, 3, 4, 5, 6;
SELECT rollup_add(rollup_hour(c.started_at), c.campaign_id, c.publisher_id, c.buyer_id,
                  c.tracking_number, l.currency, 0, 0, 0, 0, 0,
                  sum(l.amount) FILTER (WHERE l.party_type = 'BUYER'),
                  sum(l.amount) FILTER (WHERE l.party_type = 'PUBLISHER'))
  FROM ledger_entries l JOIN calls c ON c.id = l.call_id
 GROUP BY rollup_hour(c.started_at), c.campaign_id, c.publisher_id, c.buyer_id,
          c.tracking_number, l.currency;
CREATE INDEX report_rollup_campaign_idx ON report_rollup (campaign_id, bucket);
CREATE INDEX report_rollup_publisher_idx ON report_rollup (publisher_id, bucket);
CREATE INDEX report_rollup_buyer_idx ON report_rollup (buyer_id, bucket);

-- Buyer conversion postbacks in: one secret key per buyer, stored as its SHA-256.
CREATE TABLE buyer_postback_keys (
    buyer_id    text PRIMARY KEY REFERENCES buyers(id),
    key_sha256  text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Publisher postbacks out.
CREATE TABLE publisher_postback_settings (
    publisher_id   text PRIMARY KEY REFERENCES publishers(id),
    url_template   text NOT NULL,
    on_every_call  boolean NOT NULL DEFAULT false,
    enabled        boolean NOT NULL DEFAULT true,
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE postbacks (
    id            uuid PRIMARY KEY,
    call_id       uuid NOT NULL REFERENCES calls(id),
    publisher_id  text NOT NULL,
    event         text NOT NULL CHECK (event IN ('conversion', 'call')),
    url           text NOT NULL,
    state         text NOT NULL CHECK (state IN ('SENDING', 'DELIVERED', 'DEAD')),
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (call_id, event)
);
CREATE INDEX postbacks_dead_idx ON postbacks (updated_at) WHERE state = 'DEAD';

-- Every HTTP attempt at a postback, append-only.
CREATE TABLE postback_attempts (
    id           bigserial PRIMARY KEY,
    postback_id  uuid NOT NULL REFERENCES postbacks(id),
    attempt      integer NOT NULL,
    url          text NOT NULL,
    at           timestamptz NOT NULL,
    http_status  integer,
    latency_ms   bigint NOT NULL,
    delivered    boolean NOT NULL,
    error        text
);
CREATE INDEX postback_attempts_postback_idx ON postback_attempts (postback_id, id);
CREATE TRIGGER postback_attempts_append_only BEFORE UPDATE OR DELETE ON postback_attempts
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Buyer disputes of a call.
CREATE TABLE disputes (
    id           bigserial PRIMARY KEY,
    call_id      uuid NOT NULL REFERENCES calls(id),
    buyer_id     text NOT NULL,
    reason       text NOT NULL,
    state        text NOT NULL CHECK (state IN ('OPEN', 'APPROVED', 'REJECTED')),
    opened_by    text NOT NULL,
    opened_at    timestamptz NOT NULL DEFAULT now(),
    decided_by   text,
    decided_at   timestamptz,
    note         text
);
CREATE UNIQUE INDEX disputes_one_open_per_call ON disputes (call_id) WHERE state = 'OPEN';

-- Applied bulk adjustments: what was asked, by whom, and the summary before and after.
CREATE TABLE adjustment_batches (
    id          uuid PRIMARY KEY,
    request     jsonb NOT NULL,
    preview     text NOT NULL,
    summary     jsonb NOT NULL,
    actor       text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);
