-- A database role for the application that can read and write the data but can never change or
-- delete audit rows (nor review decisions, publications, flow versions or ledger rows, which the
-- triggers already refuse). Roles are cluster-wide and need CREATEROLE to create, so this step
-- does nothing when the migrating user lacks the privilege, and tolerates a role made earlier (for
-- example by another database on the same server). To run the application as this role, give it
-- LOGIN and a password and set spring.datasource.username to it, keeping spring.flyway.user as the
-- owner of the schema: see docs/compliance.md.
DO $$
DECLARE
    can_create boolean;
BEGIN
    SELECT rolsuper OR rolcreaterole INTO can_create FROM pg_roles WHERE rolname = current_user;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ringtree_app') THEN
        IF NOT can_create THEN
            RAISE NOTICE 'ringtree_app not created: % may not create roles', current_user;
            RETURN;
        END IF;
        BEGIN
            CREATE ROLE ringtree_app NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO ringtree_app', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ringtree_app',
                   current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ringtree_app',
                   current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE'
                   || ' ON TABLES TO ringtree_app', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES'
                   || ' TO ringtree_app', current_schema());
    -- append-only by privilege as well as by trigger
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ringtree_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON version_reviews FROM ringtree_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON flow_publications FROM ringtree_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON flow_versions FROM ringtree_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entries FROM ringtree_app;
END;
$$;
