-- The billing table that books a call's money is a reviewed artifact. Each row is one version of the
-- effective table of a campaign for one buyer and one publisher ('*' = any party without terms of
-- its own), computed from one published flow version plus the billing overrides. A change to an
-- override proposes new versions (PENDING); with approval required someone other than who asked
-- approves them, and they go LIVE (the one they replace is RETIRED). Settlement uses the LIVE
-- version of the call's scope and the ledger names its table.
CREATE TABLE billing_table_versions (
    id                bigserial PRIMARY KEY,
    flow_version_id   bigint      NOT NULL,
    campaign_id       text        NOT NULL,
    buyer_key         text        NOT NULL,
    publisher_key     text        NOT NULL,
    table_ref         text        NOT NULL REFERENCES billing_tables (ref),
    previous_ref      text        REFERENCES billing_tables (ref),
    change_id         bigint      REFERENCES billing_override_changes (id),
    cause             text        NOT NULL CHECK (cause IN ('FLOW', 'OVERRIDE')),
    state             text        NOT NULL DEFAULT 'PENDING'
                      CHECK (state IN ('PENDING', 'LIVE', 'RETIRED', 'REJECTED')),
    approval_required boolean     NOT NULL,
    requested_by      text        NOT NULL,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    decided_by        text,
    decided_at        timestamptz,
    CHECK ((state = 'PENDING') = (decided_by IS NULL)),
    CHECK (NOT approval_required OR decided_by IS NULL OR decided_by <> requested_by)
);
CREATE UNIQUE INDEX billing_table_versions_live
    ON billing_table_versions (flow_version_id, campaign_id, buyer_key, publisher_key)
    WHERE state = 'LIVE';
CREATE INDEX billing_table_versions_change ON billing_table_versions (change_id);
CREATE INDEX billing_table_versions_pending ON billing_table_versions (state) WHERE state = 'PENDING';
