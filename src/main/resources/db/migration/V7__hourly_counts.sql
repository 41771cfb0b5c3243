-- The console's feedback statistics, counted per hour as the audit is written instead of over every row at each
-- read: at a national network's 10 M rows a day, a month's rows take minutes to aggregate (BENCHMARKS.md, "The
-- audit at network scale"). org.alliancecds.audit.HourlyCounts adds to these rows in the transaction that writes
-- the audit rows, FeedbackStatisticsQuery sums them, Retention removes the hours it expires. An hour is the number
-- of whole hours since 1970-01-01T00:00Z (UTC, whatever the database's time zone). A rule version, reason system or
-- reason that is absent is '' here, since a key column cannot be null. Portable SQL, as V1; the counts of the rows
-- already written are filled in at the end.

-- Cards shown, by the hour of the call that showed them, rule and rule version.
CREATE TABLE audit_hourly_cards (
    shown_hour   BIGINT       NOT NULL,
    rule_id      VARCHAR(128) NOT NULL,
    rule_version VARCHAR(64)  NOT NULL,
    cards        BIGINT       NOT NULL,
    PRIMARY KEY (shown_hour, rule_id, rule_version)
);

-- Answers to known cards, by the hour the card was shown, its rule, the outcome and the override reason: every
-- answer (answers), and those that are their card's latest (latest; the others are superseded).
CREATE TABLE audit_hourly_answers (
    shown_hour    BIGINT       NOT NULL,
    rule_id       VARCHAR(128) NOT NULL,
    outcome       VARCHAR(64)  NOT NULL,
    reason_system VARCHAR(512) NOT NULL,
    reason        VARCHAR(128) NOT NULL,
    latest        BIGINT       NOT NULL,
    answers       BIGINT       NOT NULL,
    PRIMARY KEY (shown_hour, rule_id, outcome, reason_system, reason)
);

-- Answers to cards the audit does not know, by the hour they were received.
CREATE TABLE audit_hourly_unmatched (
    received_hour BIGINT NOT NULL PRIMARY KEY,
    answers       BIGINT NOT NULL
);

-- Calls answered (status 200) by each rule-base version, by the hour they came in, with the first and the last.
CREATE TABLE audit_hourly_calls (
    received_hour     BIGINT                   NOT NULL,
    rule_base_version VARCHAR(128)             NOT NULL,
    calls             BIGINT                   NOT NULL,
    first_call        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_call         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (received_hour, rule_base_version)
);

INSERT INTO audit_hourly_cards (shown_hour, rule_id, rule_version, cards)
SELECT shown_hour, rule_id, rule_version, COUNT(*) FROM (
    SELECT CAST(FLOOR(EXTRACT(EPOCH FROM i.received_at) / 3600) AS BIGINT) AS shown_hour, c.rule_id,
           COALESCE(c.rule_version, '') AS rule_version
    FROM audit_card c JOIN audit_invocation i ON i.id = c.invocation_id) shown
GROUP BY shown_hour, rule_id, rule_version;

INSERT INTO audit_hourly_answers (shown_hour, rule_id, outcome, reason_system, reason, latest, answers)
SELECT shown_hour, rule_id, outcome, reason_system, reason, SUM(latest), COUNT(*) FROM (
    SELECT CAST(FLOOR(EXTRACT(EPOCH FROM i.received_at) / 3600) AS BIGINT) AS shown_hour, c.rule_id, f.outcome,
           COALESCE(f.override_reason_system, '') AS reason_system, COALESCE(f.override_reason, '') AS reason,
           CASE WHEN EXISTS (SELECT 1 FROM audit_feedback later WHERE later.card_uuid = f.card_uuid
                    AND (later.outcome_at > f.outcome_at
                         OR (later.outcome_at = f.outcome_at AND later.received_at > f.received_at)
                         OR (later.outcome_at = f.outcome_at AND later.received_at = f.received_at
                             AND later.id > f.id))) THEN 0 ELSE 1 END AS latest
    FROM audit_feedback f JOIN audit_card c ON c.card_uuid = f.card_uuid
    JOIN audit_invocation i ON i.id = c.invocation_id
    WHERE f.matched = TRUE) answered
GROUP BY shown_hour, rule_id, outcome, reason_system, reason;

INSERT INTO audit_hourly_unmatched (received_hour, answers)
SELECT received_hour, COUNT(*) FROM (
    SELECT CAST(FLOOR(EXTRACT(EPOCH FROM received_at) / 3600) AS BIGINT) AS received_hour
    FROM audit_feedback WHERE matched = FALSE) unmatched
GROUP BY received_hour;

INSERT INTO audit_hourly_calls (received_hour, rule_base_version, calls, first_call, last_call)
SELECT received_hour, rule_base_version, COUNT(*), MIN(received_at), MAX(received_at) FROM (
    SELECT CAST(FLOOR(EXTRACT(EPOCH FROM received_at) / 3600) AS BIGINT) AS received_hour, rule_base_version,
           received_at
    FROM audit_invocation WHERE status = 200 AND rule_base_version IS NOT NULL) answered
GROUP BY received_hour, rule_base_version;
