-- Four eyes on billing overrides: with approval required, a change to an override (save or delete)
-- is asked for by one person and applied or rejected by another. The change holds exactly what is
-- applied.
CREATE TABLE billing_override_changes (
    id           bigserial PRIMARY KEY,
    action       text        NOT NULL CHECK (action IN ('SAVE', 'DELETE')),
    scope        text        NOT NULL,
    party_id     text        NOT NULL,
    campaign_id  text,
    policy       jsonb,
    state        text        NOT NULL DEFAULT 'PENDING'
                 CHECK (state IN ('PENDING', 'APPLIED', 'REJECTED')),
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    decided_by   text,
    decided_at   timestamptz,
    note         text,
    CHECK ((action = 'SAVE') = (policy IS NOT NULL)),
    CHECK ((state = 'PENDING') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
