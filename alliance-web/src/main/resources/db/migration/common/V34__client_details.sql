-- What a clinic knows about a client beyond the pseudonymous reference: a date of birth or an age band
-- (never both), the language of the pages the client sees, and the contacts measures are sent to. The
-- contacts are personal data: they stay in this table, and no export or log carries them.
ALTER TABLE clients ADD COLUMN birth_date DATE;
ALTER TABLE clients ADD COLUMN age_band VARCHAR(16);
ALTER TABLE clients ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
ALTER TABLE clients ADD COLUMN email VARCHAR(254);
ALTER TABLE clients ADD COLUMN mobile VARCHAR(16);
ALTER TABLE clients ADD CONSTRAINT clients_birth_date_or_age_band
  CHECK (birth_date IS NULL OR age_band IS NULL);

-- A discharged client is off the active caseload; everything of theirs stays. Re-admitting clears these;
-- the audit log keeps every discharge and re-admission.
ALTER TABLE clients ADD COLUMN discharged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE clients ADD COLUMN discharged_by BIGINT REFERENCES users (id);

