-- Retention (cds.audit.retention-days) removes rows by age in batches; every table it expires needs an index on
-- the column that says when a row came, or each batch would scan the table. Portable SQL, as V1.
CREATE INDEX audit_feedback_received_at ON audit_feedback (received_at);
CREATE INDEX rule_release_shadow_difference_recorded_at ON rule_release_shadow_difference (recorded_at);
