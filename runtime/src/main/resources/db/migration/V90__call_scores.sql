-- The call-quality score (issue #21.1–2, docs/score.md): one row per scored call, written before
-- the call is routed. The features are the ones the score was computed from, as they were then
-- (rules.score.ScoreFeatures as JSON): later models are trained on exactly what routing knew.
CREATE TABLE call_scores (
    call_id      uuid PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    scored_at    timestamptz NOT NULL,
    score        smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
    -- PRIOR (the documented rules) or MODEL (a promoted learned model)
    source       text NOT NULL CHECK (source IN ('PRIOR', 'MODEL')),
    -- the prior's version (e.g. prior-1) or the model version's name
    model        text NOT NULL,
    -- the learned model's probability of the label; null when the prior scored the call
    probability  double precision,
    -- the top reasons: [{"feature": "calls24h", "shown": "caller called 4 times in 24 h", "points": -18}, …]
    reasons      jsonb NOT NULL DEFAULT '[]',
    -- why the prior stood in for a model (missing, failed); '' otherwise
    note         text NOT NULL DEFAULT '',
    features     jsonb NOT NULL
);

CREATE INDEX call_scores_scored_at ON call_scores (scored_at);
