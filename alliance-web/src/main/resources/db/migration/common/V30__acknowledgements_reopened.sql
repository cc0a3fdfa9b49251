-- An acknowledged alert can be re-opened: the acknowledgement stays, marked with who re-opened it and
-- when, and the alert can be acknowledged again. One open acknowledgement per alert is kept by the
-- server, which locks the client's row while it checks.
ALTER TABLE alert_acknowledgements DROP CONSTRAINT alert_acknowledgements_once;
ALTER TABLE alert_acknowledgements ADD COLUMN reopened_by BIGINT REFERENCES users (id);
ALTER TABLE alert_acknowledgements ADD COLUMN reopened_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX alert_acknowledgements_client ON alert_acknowledgements (client_id);
