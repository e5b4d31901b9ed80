-- Telephony costs (issue #19, item 2): what the network pays its provider, so that profit =
-- revenue - payout - cost. Rates are versioned: a version is never changed once written (only its
-- state moves), and a call is costed by the LIVE version valid when it started.
CREATE TABLE telephony_rates (
    id                    bigserial PRIMARY KEY,
    -- '*' for the network's rates, else a campaign whose calls and numbers use these instead
    campaign_id           text NOT NULL DEFAULT '*',
    currency              char(3) NOT NULL DEFAULT 'USD',
    inbound_per_minute    numeric(10, 4) NOT NULL CHECK (inbound_per_minute >= 0),
    dialled_per_minute    numeric(10, 4) NOT NULL CHECK (dialled_per_minute >= 0),
    recording_per_minute  numeric(10, 4) NOT NULL CHECK (recording_per_minute >= 0),
    number_rent_per_month numeric(10, 2) NOT NULL CHECK (number_rent_per_month >= 0),
    state                 text NOT NULL CHECK (state IN ('PENDING', 'LIVE', 'REJECTED')),
    -- set when the version goes live; a call started at or after it (and before the next) uses it
    valid_from            timestamptz,
    requested_by          text NOT NULL,
    requested_at          timestamptz NOT NULL DEFAULT now(),
    decided_by            text,
    decided_at            timestamptz,
    note                  text,
    CHECK ((state = 'LIVE') = (valid_from IS NOT NULL))
);
CREATE INDEX telephony_rates_live_idx ON telephony_rates (campaign_id, valid_from)
    WHERE state = 'LIVE';

-- the amounts of a version never change: a new rate is a new version
CREATE FUNCTION telephony_rates_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (OLD.campaign_id, OLD.currency, OLD.inbound_per_minute, OLD.dialled_per_minute,
        OLD.recording_per_minute, OLD.number_rent_per_month, OLD.requested_by, OLD.requested_at)
       IS DISTINCT FROM
       (NEW.campaign_id, NEW.currency, NEW.inbound_per_minute, NEW.dialled_per_minute,
        NEW.recording_per_minute, NEW.number_rent_per_month, NEW.requested_by, NEW.requested_at)
       OR OLD.state <> 'PENDING' THEN
        RAISE EXCEPTION 'telephony rate % is decided; a new rate is a new version', OLD.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER telephony_rates_frozen BEFORE UPDATE ON telephony_rates
    FOR EACH ROW EXECUTE FUNCTION telephony_rates_frozen();
CREATE TRIGGER telephony_rates_no_delete BEFORE DELETE ON telephony_rates
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The ledger learns a fourth kind and a third party: COST, owed to the telephony PROVIDER.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
    CHECK (kind IN ('REVENUE', 'PAYOUT', 'ADJUSTMENT', 'COST'));
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_party_type_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_party_type_check
    CHECK (party_type IN ('BUYER', 'PUBLISHER', 'PROVIDER'));
-- number rent is not a call's: it names the tracking number it is for (null on every other row)
ALTER TABLE ledger_entries ADD COLUMN tracking_number text;

-- The roll-up gets the cost next to revenue and payout.
ALTER TABLE report_rollup ADD COLUMN cost numeric(16, 2) NOT NULL DEFAULT 0;
ALTER TABLE report_rollup_pending ADD COLUMN cost numeric(16, 2) NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION fold_report_rollup() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    moved bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ringtree.report_rollup.fold'));
    WITH queued AS (DELETE FROM report_rollup_pending RETURNING *),
         folded AS (
             INSERT INTO report_rollup AS r (bucket, campaign_id, publisher_id, buyer_id,
                                             tracking_number, currency, calls, connected,
                                             billable, duplicates, converted, revenue, payout,
                                             cost)
             SELECT bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency,
                    sum(calls), sum(connected), sum(billable), sum(duplicates), sum(converted),
                    sum(revenue), sum(payout), sum(cost)
               FROM queued
              GROUP BY bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency
             ON CONFLICT (bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency)
             DO UPDATE SET calls = r.calls + excluded.calls,
                           connected = r.connected + excluded.connected,
                           billable = r.billable + excluded.billable,
                           duplicates = r.duplicates + excluded.duplicates,
                           converted = r.converted + excluded.converted,
                           revenue = r.revenue + excluded.revenue,
                           payout = r.payout + excluded.payout,
                           cost = r.cost + excluded.cost)
    SELECT count(*) INTO moved FROM queued;
    RETURN moved;
END;
$$;

-- As V36, with the call's cost moving with it when its dimensions change.
CREATE OR REPLACE FUNCTION calls_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rev numeric := 0;
    pay numeric := 0;
    cst numeric := 0;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.campaign_id, OLD.publisher_id, OLD.buyer_id, OLD.tracking_number, OLD.currency,
            date_bin('15 minutes', OLD.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'))
           IS DISTINCT FROM
           (NEW.campaign_id, NEW.publisher_id, NEW.buyer_id, NEW.tracking_number, NEW.currency,
            date_bin('15 minutes', NEW.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')) THEN
            -- the call moved to other dimensions: its money moves with it
            SELECT coalesce(sum(amount) FILTER (WHERE party_type = 'BUYER'), 0),
                   coalesce(sum(amount) FILTER (WHERE party_type = 'PUBLISHER'), 0),
                   coalesce(sum(amount) FILTER (WHERE party_type = 'PROVIDER'), 0)
              INTO rev, pay, cst FROM ledger_entries WHERE call_id = NEW.id;
        END IF;
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout, cost)
        VALUES (date_bin('15 minutes', OLD.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                coalesce(OLD.campaign_id, ''), coalesce(OLD.publisher_id, ''),
                coalesce(OLD.buyer_id, ''), coalesce(OLD.tracking_number, ''), OLD.currency, -1,
                -(OLD.connected_at IS NOT NULL)::int, -(coalesce(OLD.billable_to_buyer, false))::int,
                -(OLD.duplicate)::int, -(OLD.converted)::int, -rev, -pay, -cst);
    END IF;
    INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id,
                                       tracking_number, currency, calls, connected, billable,
                                       duplicates, converted, revenue, payout, cost)
    VALUES (date_bin('15 minutes', NEW.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
            coalesce(NEW.campaign_id, ''), coalesce(NEW.publisher_id, ''),
            coalesce(NEW.buyer_id, ''), coalesce(NEW.tracking_number, ''), NEW.currency, 1,
            (NEW.connected_at IS NOT NULL)::int, (coalesce(NEW.billable_to_buyer, false))::int,
            (NEW.duplicate)::int, (NEW.converted)::int, rev, pay, cst);
    RETURN NULL;
END;
$$;

-- As V36, with PROVIDER rows counted as cost; a row without a call (number rent) counts at its
-- booking time under its campaign and tracking number.
CREATE OR REPLACE FUNCTION ledger_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c calls%ROWTYPE;
BEGIN
    SELECT * INTO c FROM calls WHERE id = NEW.call_id;
    IF FOUND THEN
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout, cost)
        VALUES (rollup_bucket(c.started_at), coalesce(c.campaign_id, ''),
                coalesce(c.publisher_id, ''), coalesce(c.buyer_id, ''),
                coalesce(c.tracking_number, ''), NEW.currency, 0, 0, 0, 0, 0,
                CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PROVIDER' THEN NEW.amount ELSE 0 END);
    ELSE
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout, cost)
        VALUES (rollup_bucket(NEW.created_at), coalesce(NEW.campaign_id, ''),
                coalesce(CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.party_id END, ''),
                coalesce(CASE WHEN NEW.party_type = 'BUYER' THEN NEW.party_id END, ''),
                coalesce(NEW.tracking_number, ''), NEW.currency, 0, 0, 0, 0, 0,
                CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PROVIDER' THEN NEW.amount ELSE 0 END);
    END IF;
    RETURN NULL;
END;
$$;
