-- Failed sign-ins are counted per client address and username, in memory (limits.SignInLimiter),
-- so guessing from one address no longer locks the account everywhere. The account-wide count and
-- lock are gone.
ALTER TABLE users DROP COLUMN failed_attempts, DROP COLUMN locked_until;
