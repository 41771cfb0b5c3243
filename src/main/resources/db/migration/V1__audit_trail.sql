-- The audit trail: every hook invocation, the cards it returned, and every feedback item.
-- Portable SQL: the same file runs on the embedded H2 and on PostgreSQL. Column widths match
-- org.alliancecds.audit.Columns, which cuts longer values instead of losing the row.

-- The installation's own pseudonym key, used when cds.audit.pseudonym-key is not configured.
CREATE TABLE audit_installation (
    id            INTEGER                  NOT NULL PRIMARY KEY,
    pseudonym_key VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_invocation (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    hook_instance     VARCHAR(128),
    service_id        VARCHAR(128)             NOT NULL,
    hook              VARCHAR(64),
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    issuer            VARCHAR(512),
    tenant            VARCHAR(128),
    rule_base_version VARCHAR(128),
    fired_rules       VARCHAR(2048),
    status            INTEGER                  NOT NULL,
    issue_type        VARCHAR(64),
    latency_ms        BIGINT                   NOT NULL,
    patient_pseudonym VARCHAR(64)
);
CREATE INDEX audit_invocation_hook_instance ON audit_invocation (hook_instance);
CREATE INDEX audit_invocation_received_at ON audit_invocation (received_at);

CREATE TABLE audit_card (
    card_uuid     VARCHAR(64)  NOT NULL PRIMARY KEY,
    invocation_id VARCHAR(36)  NOT NULL REFERENCES audit_invocation (id),
    rule_id       VARCHAR(128) NOT NULL,
    rule_version  VARCHAR(64),
    indicator     VARCHAR(64)
);
CREATE INDEX audit_card_invocation ON audit_card (invocation_id);
CREATE INDEX audit_card_rule ON audit_card (rule_id);

CREATE TABLE audit_feedback (
    id                   VARCHAR(36)              NOT NULL PRIMARY KEY,
    service_id           VARCHAR(128)             NOT NULL,
    card_uuid            VARCHAR(128)             NOT NULL,
    matched              BOOLEAN                  NOT NULL,
    rule_id              VARCHAR(128),
    rule_version         VARCHAR(64),
    outcome              VARCHAR(64)              NOT NULL,
    accepted_suggestions VARCHAR(2048),
    override_reason      VARCHAR(128),
    comment_length       INTEGER,
    outcome_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    issuer               VARCHAR(512),
    tenant               VARCHAR(128)
);
CREATE INDEX audit_feedback_card ON audit_feedback (card_uuid);
CREATE INDEX audit_feedback_rule ON audit_feedback (rule_id);
