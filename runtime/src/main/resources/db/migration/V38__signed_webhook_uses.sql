-- Telnyx signs "<timestamp>|<raw body>", not the URL, so a captured request could be sent again
-- within the signature's five-minute window to another endpoint or with another query string. Each
-- Telnyx signature is remembered with the request it first came with (method, path and query); the
-- same signature on any other request is refused. Kept for a quarter of an hour, longer than any
-- signature is accepted, then swept.
CREATE TABLE signed_webhook_uses (
    signature  text PRIMARY KEY,
    request    text        NOT NULL,
    first_used timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX signed_webhook_uses_by_age ON signed_webhook_uses (first_used);
