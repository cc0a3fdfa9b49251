-- A password an admin has reset must be changed by its user at the next sign-in, before anything else.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

-- A session ends after a time without requests (the server's --session-idle-minutes), as well as 12 hours
-- after sign-in. Sessions open during the upgrade count as last seen when they began.
ALTER TABLE login_sessions ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
UPDATE login_sessions SET last_seen_at = created_at;
ALTER TABLE login_sessions ALTER COLUMN last_seen_at SET NOT NULL;
