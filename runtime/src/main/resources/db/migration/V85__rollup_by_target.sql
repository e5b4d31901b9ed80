-- Reports group by target (issue #19, item 3): the roll-up keeps the call's target beside its buyer.
-- A buyer has several targets (numbers, SIP endpoints, RTB campaigns), and an operator compares
-- them. Money without a call (number rent) has no target: ''.
ALTER TABLE report_rollup ADD COLUMN target_id text NOT NULL DEFAULT '';
ALTER TABLE report_rollup_pending ADD COLUMN target_id text NOT NULL DEFAULT '';
ALTER TABLE report_rollup DROP CONSTRAINT report_rollup_pkey;
ALTER TABLE report_rollup ADD PRIMARY KEY
    (bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number, currency);

CREATE OR REPLACE FUNCTION fold_report_rollup() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    moved bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ringtree.report_rollup.fold'));
    WITH queued AS (DELETE FROM report_rollup_pending RETURNING *),
         folded AS (
             INSERT INTO report_rollup AS r (bucket, campaign_id, publisher_id, buyer_id,
                                             target_id, tracking_number, currency, calls,
                                             connected, billable, duplicates, converted, revenue,
                                             payout, cost)
             SELECT bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number,
                    currency, sum(calls), sum(connected), sum(billable), sum(duplicates),
                    sum(converted), sum(revenue), sum(payout), sum(cost)
               FROM queued
              GROUP BY bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number,
                       currency
             ON CONFLICT (bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number,
                          currency)
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

-- As V74, with the target among the dimensions a call's counts and money move with.
CREATE OR REPLACE FUNCTION calls_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rev numeric := 0;
    pay numeric := 0;
    cst numeric := 0;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.campaign_id, OLD.publisher_id, OLD.buyer_id, OLD.target_id, OLD.tracking_number,
            OLD.currency, date_bin('15 minutes', OLD.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'))
           IS DISTINCT FROM
           (NEW.campaign_id, NEW.publisher_id, NEW.buyer_id, NEW.target_id, NEW.tracking_number,
            NEW.currency, date_bin('15 minutes', NEW.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')) THEN
            -- the call moved to other dimensions: its money moves with it
            SELECT coalesce(sum(amount) FILTER (WHERE party_type = 'BUYER'), 0),
                   coalesce(sum(amount) FILTER (WHERE party_type = 'PUBLISHER'), 0),
                   coalesce(sum(amount) FILTER (WHERE party_type = 'PROVIDER'), 0)
              INTO rev, pay, cst FROM ledger_entries WHERE call_id = NEW.id;
        END IF;
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id, target_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout, cost)
        VALUES (date_bin('15 minutes', OLD.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                coalesce(OLD.campaign_id, ''), coalesce(OLD.publisher_id, ''),
                coalesce(OLD.buyer_id, ''), coalesce(OLD.target_id, ''),
                coalesce(OLD.tracking_number, ''), OLD.currency, -1,
                -(OLD.connected_at IS NOT NULL)::int, -(coalesce(OLD.billable_to_buyer, false))::int,
                -(OLD.duplicate)::int, -(OLD.converted)::int, -rev, -pay, -cst);
    END IF;
    INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id, target_id,
                                       tracking_number, currency, calls, connected, billable,
                                       duplicates, converted, revenue, payout, cost)
    VALUES (date_bin('15 minutes', NEW.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
            coalesce(NEW.campaign_id, ''), coalesce(NEW.publisher_id, ''),
            coalesce(NEW.buyer_id, ''), coalesce(NEW.target_id, ''),
            coalesce(NEW.tracking_number, ''), NEW.currency, 1,
            (NEW.connected_at IS NOT NULL)::int, (coalesce(NEW.billable_to_buyer, false))::int,
            (NEW.duplicate)::int, (NEW.converted)::int, rev, pay, cst);
    RETURN NULL;
END;
$$;

-- As V10, with a change of target counted too.
DROP TRIGGER calls_rollup_update ON calls;
CREATE TRIGGER calls_rollup_update AFTER UPDATE ON calls
    FOR EACH ROW WHEN (
        (OLD.campaign_id, OLD.publisher_id, OLD.buyer_id, OLD.target_id, OLD.tracking_number,
         OLD.currency, OLD.started_at, OLD.connected_at IS NOT NULL,
         coalesce(OLD.billable_to_buyer, false), OLD.duplicate, OLD.converted)
        IS DISTINCT FROM
        (NEW.campaign_id, NEW.publisher_id, NEW.buyer_id, NEW.target_id, NEW.tracking_number,
         NEW.currency, NEW.started_at, NEW.connected_at IS NOT NULL,
         coalesce(NEW.billable_to_buyer, false), NEW.duplicate, NEW.converted))
    EXECUTE FUNCTION calls_rollup();

-- As V74, a call's money under its target.
CREATE OR REPLACE FUNCTION ledger_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c calls%ROWTYPE;
BEGIN
    SELECT * INTO c FROM calls WHERE id = NEW.call_id;
    IF FOUND THEN
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id, target_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout, cost)
        VALUES (rollup_bucket(c.started_at), coalesce(c.campaign_id, ''),
                coalesce(c.publisher_id, ''), coalesce(c.buyer_id, ''), coalesce(c.target_id, ''),
                coalesce(c.tracking_number, ''), NEW.currency, 0, 0, 0, 0, 0,
                CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PROVIDER' THEN NEW.amount ELSE 0 END);
    ELSE
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id, target_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout, cost)
        VALUES (rollup_bucket(NEW.created_at), coalesce(NEW.campaign_id, ''),
                coalesce(CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.party_id END, ''),
                coalesce(CASE WHEN NEW.party_type = 'BUYER' THEN NEW.party_id END, ''), '',
                coalesce(NEW.tracking_number, ''), NEW.currency, 0, 0, 0, 0, 0,
                CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.party_type = 'PROVIDER' THEN NEW.amount ELSE 0 END);
    END IF;
    RETURN NULL;
END;
$$;

-- The roll-up rebuilt from the calls and the ledger with the target, as V36 did with quarter
-- hours: writers wait for the rebuild (one transaction), so no change is counted twice or lost.
LOCK TABLE calls, ledger_entries IN SHARE MODE;
DELETE FROM report_rollup_pending;
DELETE FROM report_rollup;
INSERT INTO report_rollup (bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number,
                           currency, calls, connected, billable, duplicates, converted)
SELECT rollup_bucket(started_at), coalesce(campaign_id, ''), coalesce(publisher_id, ''),
       coalesce(buyer_id, ''), coalesce(target_id, ''), coalesce(tracking_number, ''), currency,
       count(*), count(*) FILTER (WHERE connected_at IS NOT NULL),
       count(*) FILTER (WHERE coalesce(billable_to_buyer, false)),
       count(*) FILTER (WHERE duplicate), count(*) FILTER (WHERE converted)
  FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO report_rollup AS r (bucket, campaign_id, publisher_id, buyer_id, target_id,
                                tracking_number, currency, revenue, payout, cost)
SELECT bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number, currency,
       sum(revenue), sum(payout), sum(cost)
  FROM (SELECT CASE WHEN c.id IS NULL THEN rollup_bucket(l.created_at)
                    ELSE rollup_bucket(c.started_at) END AS bucket,
               coalesce(CASE WHEN c.id IS NULL THEN l.campaign_id ELSE c.campaign_id END, '')
                   AS campaign_id,
               coalesce(CASE WHEN c.id IS NOT NULL THEN c.publisher_id
                             WHEN l.party_type = 'PUBLISHER' THEN l.party_id END, '')
                   AS publisher_id,
               coalesce(CASE WHEN c.id IS NOT NULL THEN c.buyer_id
                             WHEN l.party_type = 'BUYER' THEN l.party_id END, '') AS buyer_id,
               coalesce(c.target_id, '') AS target_id,
               coalesce(CASE WHEN c.id IS NULL THEN l.tracking_number ELSE c.tracking_number END,
                        '') AS tracking_number,
               l.currency,
               CASE WHEN l.party_type = 'BUYER' THEN l.amount ELSE 0 END AS revenue,
               CASE WHEN l.party_type = 'PUBLISHER' THEN l.amount ELSE 0 END AS payout,
               CASE WHEN l.party_type = 'PROVIDER' THEN l.amount ELSE 0 END AS cost
          FROM ledger_entries l LEFT JOIN calls c ON c.id = l.call_id) money
 GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number, currency)
DO UPDATE SET revenue = r.revenue + excluded.revenue, payout = r.payout + excluded.payout,
              cost = r.cost + excluded.cost;
