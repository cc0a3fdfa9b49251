-- The audit log is append-only: H2 calls a Java trigger that refuses every UPDATE and DELETE.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'org.alliance.web.db.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'org.alliance.web.db.AppendOnlyTrigger';
