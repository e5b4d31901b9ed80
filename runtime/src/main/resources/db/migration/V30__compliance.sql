-- Compliance: users and roles, the approval setting, review decisions and the history of which
-- version was live when. Decisions and publications are append-only, like the audit log.

CREATE TABLE users (
    id               bigserial PRIMARY KEY,
    username         text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
    -- DelegatingPasswordEncoder format, e.g. {bcrypt}$2a$10$...
    password_hash    text NOT NULL,
    role             text NOT NULL
                     CHECK (role IN ('ADMIN', 'OPERATOR', 'COMPLIANCE', 'PUBLISHER', 'BUYER')),
    publisher_id     text REFERENCES publishers(id),
    buyer_id         text REFERENCES buyers(id),
    enabled          boolean NOT NULL DEFAULT true,
    failed_attempts  integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- a portal user sees exactly one party's data, so the link is part of the role
    CHECK ((role = 'PUBLISHER') = (publisher_id IS NOT NULL)),
    CHECK ((role = 'BUYER') = (buyer_id IS NOT NULL))
);

CREATE TABLE compliance_settings (
    key         text PRIMARY KEY,
    value       jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL
);
INSERT INTO compliance_settings (key, value, updated_by) VALUES ('requireApproval', 'false', 'migration');

-- Approve or reject, with a comment. The latest decision on a version is the one that counts.
CREATE TABLE version_reviews (
    id          bigserial PRIMARY KEY,
    version_id  bigint NOT NULL REFERENCES flow_versions(id),
    decision    text NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    reviewer    text NOT NULL,
    comment     text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX version_reviews_version_idx ON version_reviews (version_id, id);
CREATE TRIGGER version_reviews_append_only BEFORE UPDATE OR DELETE ON version_reviews
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Every change of a flow's live version, written by the database itself whatever code made it, so
-- "the previous live version" is always known. A rollback marks its transaction with
-- set_config('ringtree.publish_kind', 'ROLLBACK', true).
CREATE TABLE flow_publications (
    id                   bigserial PRIMARY KEY,
    flow_id              text NOT NULL REFERENCES flows(id),
    version_id           bigint NOT NULL REFERENCES flow_versions(id),
    previous_version_id  bigint REFERENCES flow_versions(id),
    kind                 text NOT NULL CHECK (kind IN ('PUBLISH', 'ROLLBACK')),
    at                   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flow_publications_flow_idx ON flow_publications (flow_id, id);
CREATE TRIGGER flow_publications_append_only BEFORE UPDATE OR DELETE ON flow_publications
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION record_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO flow_publications (flow_id, version_id, previous_version_id, kind)
    VALUES (NEW.id, NEW.live_version_id, OLD.live_version_id,
            CASE WHEN current_setting('ringtree.publish_kind', true) = 'ROLLBACK'
                 THEN 'ROLLBACK' ELSE 'PUBLISH' END);
    RETURN NEW;
END;
$$;

CREATE TRIGGER flows_record_publication AFTER UPDATE OF live_version_id ON flows
    FOR EACH ROW
    WHEN (NEW.live_version_id IS NOT NULL
          AND OLD.live_version_id IS DISTINCT FROM NEW.live_version_id)
    EXECUTE FUNCTION record_publication();

CREATE INDEX audit_at_idx ON audit_log (at);
