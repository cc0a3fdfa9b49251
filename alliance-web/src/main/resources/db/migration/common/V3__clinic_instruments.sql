-- Instruments the clinic added, in the toolkit's instrument JSON (docs/instruments.md). Never deleted or
-- replaced: stored administrations name them by id and version.
CREATE TABLE custom_instruments (
  instrument_id VARCHAR(64) PRIMARY KEY,
  version VARCHAR(32) NOT NULL,
  definition VARCHAR NOT NULL,
  added_by BIGINT NOT NULL REFERENCES users (id),
  added_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Instruments the clinic has switched off: no new data is taken for them, what is stored stays visible.
-- A clinic uses every instrument not listed here, so a new clinic uses them all.
CREATE TABLE instruments_off (
  instrument_id VARCHAR(64) PRIMARY KEY,
  switched_by BIGINT NOT NULL REFERENCES users (id),
  switched_at TIMESTAMP WITH TIME ZONE NOT NULL
);
