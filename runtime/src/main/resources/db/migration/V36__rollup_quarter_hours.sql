-- Report roll-up buckets are quarter hours (UTC) instead of hours. Reports cut periods in the
-- requested timezone from these buckets; with whole UTC hours, a day in a timezone whose offset is
-- not a whole number of hours (India +5:30, Newfoundland -3:30, Nepal +5:45) began 30 or 45
-- minutes late or early, and the calls of that gap counted in the neighbouring day. Every offset in
-- use today is a multiple of 15 minutes.
CREATE FUNCTION rollup_bucket(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT date_bin('15 minutes', t, TIMESTAMPTZ '2000-01-01 00:00:00+00')
$$;

-- Same as V34, with the bucket inline (see V34 for why it is not a function call here).
CREATE OR REPLACE FUNCTION calls_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rev numeric := 0;
    pay numeric := 0;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.campaign_id, OLD.publisher_id, OLD.buyer_id, OLD.tracking_number, OLD.currency,
            date_bin('15 minutes', OLD.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'))
           IS DISTINCT FROM
           (NEW.campaign_id, NEW.publisher_id, NEW.buyer_id, NEW.tracking_number, NEW.currency,
            date_bin('15 minutes', NEW.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')) THEN
            -- the call moved to other dimensions: its money moves with it
            SELECT coalesce(sum(amount) FILTER (WHERE party_type = 'BUYER'), 0),
                   coalesce(sum(amount) FILTER (WHERE party_type = 'PUBLISHER'), 0)
              INTO rev, pay FROM ledger_entries WHERE call_id = NEW.id;
        END IF;
        INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id,
                                           tracking_number, currency, calls, connected, billable,
                                           duplicates, converted, revenue, payout)
        VALUES (date_bin('15 minutes', OLD.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                coalesce(OLD.campaign_id, ''), coalesce(OLD.publisher_id, ''),
                coalesce(OLD.buyer_id, ''), coalesce(OLD.tracking_number, ''), OLD.currency, -1,
                -(OLD.connected_at IS NOT NULL)::int, -(coalesce(OLD.billable_to_buyer, false))::int,
                -(OLD.duplicate)::int, -(OLD.converted)::int, -rev, -pay);
    END IF;
    INSERT INTO report_rollup_pending (bucket, campaign_id, publisher_id, buyer_id,
                                       tracking_number, currency, calls, connected, billable,
                                       duplicates, converted, revenue, payout)
    VALUES (date_bin('15 minutes', NEW.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
            coalesce(NEW.campaign_id, ''), coalesce(NEW.publisher_id, ''),
            coalesce(NEW.buyer_id, ''), coalesce(NEW.tracking_number, ''), NEW.currency, 1,
            (NEW.connected_at IS NOT NULL)::int, (coalesce(NEW.billable_to_buyer, false))::int,
            (NEW.duplicate)::int, (NEW.converted)::int, rev, pay);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ledger_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c calls%ROWTYPE;
BEGIN
    SELECT * INTO c FROM calls WHERE id = NEW.call_id;
    IF FOUND THEN
        PERFORM rollup_add(rollup_bucket(c.started_at), c.campaign_id, c.publisher_id, c.buyer_id,
                           c.tracking_number, NEW.currency, 0, 0, 0, 0, 0,
                           CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                           CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END);
    ELSE
        PERFORM rollup_add(rollup_bucket(NEW.created_at), NEW.campaign_id,
                           CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.party_id END,
                           CASE WHEN NEW.party_type = 'BUYER' THEN NEW.party_id END,
                           NULL, NEW.currency, 0, 0, 0, 0, 0,
                           CASE WHEN NEW.party_type = 'BUYER' THEN NEW.amount ELSE 0 END,
                           CASE WHEN NEW.party_type = 'PUBLISHER' THEN NEW.amount ELSE 0 END);
    END IF;
    RETURN NULL;
END;
$$;

DROP FUNCTION rollup_hour(timestamptz);

-- The roll-up rebuilt in quarter hours from the calls and the ledger, the same rows the triggers
-- write. Writers wait for the rebuild (it is one transaction), so no change is counted twice or
-- lost.
LOCK TABLE calls, ledger_entries IN SHARE MODE;
DELETE FROM report_rollup_pending;
DELETE FROM report_rollup;
INSERT INTO report_rollup (bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency,
                           calls, connected, billable, duplicates, converted)
SELECT rollup_bucket(started_at), coalesce(campaign_id, ''), coalesce(publisher_id, ''),
       coalesce(buyer_id, ''), coalesce(tracking_number, ''), currency, count(*),
       count(*) FILTER (WHERE connected_at IS NOT NULL),
       count(*) FILTER (WHERE coalesce(billable_to_buyer, false)),
       count(*) FILTER (WHERE duplicate), count(*) FILTER (WHERE converted)
  FROM calls GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO report_rollup AS r (bucket, campaign_id, publisher_id, buyer_id, tracking_number,
                                currency, revenue, payout)
SELECT bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency,
       sum(revenue), sum(payout)
  FROM (SELECT CASE WHEN c.id IS NULL THEN rollup_bucket(l.created_at)
                    ELSE rollup_bucket(c.started_at) END AS bucket,
               coalesce(CASE WHEN c.id IS NULL THEN l.campaign_id ELSE c.campaign_id END, '')
                   AS campaign_id,
               coalesce(CASE WHEN c.id IS NOT NULL THEN c.publisher_id
                             WHEN l.party_type = 'PUBLISHER' THEN l.party_id END, '')
                   AS publisher_id,
               coalesce(CASE WHEN c.id IS NOT NULL THEN c.buyer_id
                             WHEN l.party_type = 'BUYER' THEN l.party_id END, '') AS buyer_id,
               coalesce(c.tracking_number, '') AS tracking_number,
               l.currency,
               CASE WHEN l.party_type = 'BUYER' THEN l.amount ELSE 0 END AS revenue,
               CASE WHEN l.party_type = 'PUBLISHER' THEN l.amount ELSE 0 END AS payout
          FROM ledger_entries l LEFT JOIN calls c ON c.id = l.call_id) money
 GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT (bucket, campaign_id, publisher_id, buyer_id, tracking_number, currency)
DO UPDATE SET revenue = r.revenue + excluded.revenue, payout = r.payout + excluded.payout;
