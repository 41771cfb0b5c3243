package org.alliancecds.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A row of {@code audit_feedback}: one clinician's answer to one card. The rule is copied from the card when the
 * card is known; feedback on a card the audit does not have is kept all the same, with {@code matched} false.
 */
@Entity
@Table(name = "audit_feedback")
public class AuditFeedback {

    @Id
    private String id;
    @Column(name = "service_id")
    private String serviceId;
    @Column(name = "card_uuid")
    private String cardUuid;
    private boolean matched;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "rule_version")
    private String ruleVersion;
    private String outcome;
    @Column(name = "accepted_suggestions")
    private String acceptedSuggestions;
    @Column(name = "override_reason_system")
    private String overrideReasonSystem;
    @Column(name = "override_reason")
    private String overrideReason;
    @Column(name = "comment_length")
    private Integer commentLength;
    @Column(name = "outcome_at")
    private OffsetDateTime outcomeAt;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;
    private String issuer;
    private String tenant;

    protected AuditFeedback() {
        // for JPA
    }

    AuditFeedback(FeedbackAudit item, AuditCard card) {
        this.id = item.id();
        this.serviceId = Columns.cut(item.serviceId(), Columns.NAME);
        this.cardUuid = Columns.cut(item.card(), Columns.NAME);
        this.matched = card != null;
        this.ruleId = card == null ? null : card.ruleId();
        this.ruleVersion = card == null ? null : card.ruleVersion();
        this.outcome = Columns.cut(item.outcome(), Columns.SHORT);
        this.acceptedSuggestions = Columns.joined(item.acceptedSuggestions(), Columns.LIST);
        this.overrideReasonSystem = Columns.cut(item.overrideSystem(), Columns.LONG);
        this.overrideReason = Columns.cut(item.overrideCode(), Columns.NAME);
        this.commentLength = item.commentLength();
        this.outcomeAt = Columns.utc(item.outcomeAt());
        this.receivedAt = Columns.utc(item.receivedAt());
        this.issuer = Columns.cut(item.caller().issuer(), Columns.LONG);
        this.tenant = Columns.cut(item.caller().tenant(), Columns.NAME);
    }

    public boolean matched() {
        return matched;
    }

    public String ruleId() {
        return ruleId;
    }

    String outcome() {
        return outcome;
    }

    String overrideReasonSystem() {
        return overrideReasonSystem;
    }

    String overrideReason() {
        return overrideReason;
    }
}
