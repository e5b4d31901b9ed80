-- What a publisher's portal shows of its calls (issue #19, item 6). Both are the operator's choice per
-- publisher and off by default: the caller's number is personal data of the buyer's lead, and which
-- buyer took a call is the network's business relationship, not the publisher's.
ALTER TABLE publishers ADD COLUMN portal_shows_caller_number boolean NOT NULL DEFAULT false;
ALTER TABLE publishers ADD COLUMN portal_shows_buyer_names boolean NOT NULL DEFAULT false;
