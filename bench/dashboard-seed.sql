-- The dashboard benchmark's clinic, in SQL that H2 and PostgreSQL both run: 99 more clinicians in the bench
-- clinician's team, 100,000 clients (the first 1,000 the bench clinician's), ORS and SRS at sessions 1-4 each.
INSERT INTO users (username, display_name, role, team_id, password_hash, created_at)
  SELECT 'other-' || n, 'Other ' || n, 'clinician', (SELECT team_id FROM users WHERE username = 'bench'), 'x', now()
  FROM generate_series(1, 99) AS g(n);
INSERT INTO clients (reference, clinician_id, created_at)
  SELECT 'client-' || lpad(CAST(n AS VARCHAR), 6, '0'),
         CASE WHEN n <= 1000 THEN (SELECT id FROM users WHERE username = 'bench')
              ELSE (SELECT id FROM users WHERE username = 'other-' || (1 + MOD(n, 99))) END, now()
  FROM generate_series(1, 100000) AS g(n);
INSERT INTO administrations (client_id, instrument_id, instrument_version, session_number, administered_on, answers,
                             total, valid, band, risk_flags, created_by, created_at)
  SELECT c.id, m.instrument, m.version, s.n, DATE '2026-01-05' + CAST(7 * s.n AS INTEGER),
         m.answers, m.total + MOD(c.id + s.n, 5), TRUE, NULL, NULL, c.clinician_id, now()
  FROM clients c CROSS JOIN generate_series(1, 4) AS s(n)
  CROSS JOIN (VALUES ('ors', '1.0', '{"ors_1":5,"ors_2":5,"ors_3":5,"ors_4":5}', 20.0),
                     ('srs', '3.0', '{"srs_1":9,"srs_2":9,"srs_3":9,"srs_4":9}', 34.0)) AS m(instrument, version, answers, total);
ANALYZE;
