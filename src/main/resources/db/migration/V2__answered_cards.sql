-- Answered cards stay quiet: which clinician answered a card, and the patient's clinical state the card was
-- issued for, so that an answer can be found again by (patient, clinician) and compared with the state now.
-- Portable SQL, as V1: the same file runs on the embedded H2 and on PostgreSQL.

-- The HMAC pseudonym of the hook context's userId, under the same key as the patient's; null when the call
-- named no user.
ALTER TABLE audit_invocation ADD COLUMN user_pseudonym VARCHAR(64);

-- An opaque string the cards side gives for each card; null when it gave none.
ALTER TABLE audit_card ADD COLUMN clinical_state VARCHAR(256);

-- The answers one clinician gave about one patient (org.alliancecds.quiet.AnswerQueries).
CREATE INDEX audit_invocation_patient_user ON audit_invocation (patient_pseudonym, user_pseudonym);
