-- A client whose personal data was erased (GDPR art. 17) but whose de-identified scores the clinic kept:
-- when and by which admin. The reference is then a neutral one (erased-...), and no date of birth,
-- contact, chart note, follow-up or correction reason of theirs is left. A client removed entirely
-- leaves no row at all; only the append-only audit log still names their id.
ALTER TABLE clients ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE clients ADD COLUMN erased_by BIGINT REFERENCES users (id);
