-- The second factor (TOTP): the seed sealed with the server key, a seed waiting for its first
-- code, and the last 30-second step used, so a code cannot be used twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
