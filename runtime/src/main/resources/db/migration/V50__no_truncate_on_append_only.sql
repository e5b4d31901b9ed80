-- Row triggers refuse UPDATE and DELETE on the append-only tables, but TRUNCATE fires no row
-- trigger: a statement trigger refuses it too, for every role including the schema's owner (the
-- restricted ringtree_app role also lacks the privilege, V31). Emptying one of these tables on
-- purpose means dropping this trigger first, in a migration someone reviews.
CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME;
END;
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_log', 'ledger_entries', 'flow_versions', 'version_reviews',
                             'flow_publications', 'billing_tables', 'postback_attempts']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()',
                       t || '_no_truncate', t);
    END LOOP;
END;
$$;
