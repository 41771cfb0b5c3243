-- Feedback keeps the override reason's code system with its code: CDS Hooks lets an EHR offer reasons of its own
-- besides the card's, and the same code under another system is another reason. Portable SQL, as V1.

-- Null for a reason without a system, and for rows written before this column existed (their system is unknown).
ALTER TABLE audit_feedback ADD COLUMN override_reason_system VARCHAR(512);
