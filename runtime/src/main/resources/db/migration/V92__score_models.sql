-- Score model versions (issue #21.1, docs/score.md "Model versions"): every model trained, with what
-- it was trained on, how it did on the calls held out of training, its bytes (ScoreModel.toBytes),
-- who trained it and when, and its state. At most one is promoted: that one scores the calls.
CREATE TABLE score_models (
    id                 bigserial PRIMARY KEY,
    name               text NOT NULL UNIQUE,
    -- CONVERTED (converted by a buyer's postback) or BILLABLE (buyer revenue in the ledger)
    label              text NOT NULL CHECK (label IN ('CONVERTED', 'BILLABLE')),
    weighted_by_revenue boolean NOT NULL DEFAULT false,
    -- the calls asked for (from inclusive, to exclusive) and the first and last call found in it
    range_from         timestamptz NOT NULL,
    range_to           timestamptz NOT NULL,
    data_from          timestamptz NOT NULL,
    data_to            timestamptz NOT NULL,
    labelled_rows      integer NOT NULL,
    training_rows      integer NOT NULL,
    held_out_rows      integer NOT NULL,
    encoder_version    integer NOT NULL,
    features           text[] NOT NULL,
    library            text NOT NULL,
    auc                double precision NOT NULL,
    auc_low            double precision NOT NULL,
    auc_high           double precision NOT NULL,
    brier              double precision NOT NULL,
    base_rate_brier    double precision NOT NULL,
    calibration_error  double precision NOT NULL,
    base_rate          double precision NOT NULL,
    promotable         boolean NOT NULL,
    -- ModelQuality as JSON: the figures above, the reliability bins and the verdict in words
    quality            jsonb NOT NULL,
    model              bytea NOT NULL,
    train_millis       bigint NOT NULL,
    trained_by         text NOT NULL,
    trained_at         timestamptz NOT NULL DEFAULT now(),
    state              text NOT NULL DEFAULT 'CANDIDATE'
                       CHECK (state IN ('CANDIDATE', 'PROMOTED', 'RETIRED')),
    promoted_by        text,
    promoted_at        timestamptz
);

CREATE UNIQUE INDEX score_models_one_promoted ON score_models ((true)) WHERE state = 'PROMOTED';

-- A promotion (or roll back) asked for while approval is required: someone other than who asked
-- applies it (the model is promoted then) or rejects it; without approval it is applied at once.
CREATE TABLE score_model_promotions (
    id            bigserial PRIMARY KEY,
    model_id      bigint NOT NULL REFERENCES score_models(id),
    rollback      boolean NOT NULL DEFAULT false,
    state         text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPLIED', 'REJECTED')),
    requested_by  text NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    reason        text NOT NULL DEFAULT '',
    decided_by    text,
    decided_at    timestamptz,
    note          text
);

CREATE INDEX score_model_promotions_pending ON score_model_promotions (model_id) WHERE state = 'PENDING';
