-- Four eyes on bulk adjustments: with approval required, one person asks for a previewed batch and
-- another applies it (approves). A request holds the exact previewed request and its token; the
-- batch is applied only if the calls still stand where the preview saw them.
CREATE TABLE adjustment_requests (
    id           bigserial PRIMARY KEY,
    request      jsonb       NOT NULL,
    preview      text        NOT NULL,
    summary      jsonb       NOT NULL,
    state        text        NOT NULL DEFAULT 'PENDING'
                 CHECK (state IN ('PENDING', 'APPLIED', 'REJECTED')),
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    decided_by   text,
    decided_at   timestamptz,
    note         text,
    batch_id     uuid REFERENCES adjustment_batches (id),
    CHECK ((state = 'PENDING') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);

CREATE INDEX adjustment_requests_pending ON adjustment_requests (requested_at) WHERE state = 'PENDING';
