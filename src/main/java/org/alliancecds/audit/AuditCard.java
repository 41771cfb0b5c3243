package org.alliancecds.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code audit_card}: a card an invocation returned, and the rule that made it. */
@Entity
@Table(name = "audit_card")
public class AuditCard {

    @Id
    @Column(name = "card_uuid")
    private String cardUuid;
    @ManyToOne(optional = false)
    @JoinColumn(name = "invocation_id")
    private AuditInvocation invocation;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "rule_version")
    private String ruleVersion;
    private String indicator;
    @Column(name = "clinical_state")
    private String clinicalState;

    protected AuditCard() {
        // for JPA
    }

    AuditCard(AuditInvocation invocation, CardAudit card) {
        this.cardUuid = Columns.cut(card.uuid(), Columns.SHORT);
        this.invocation = invocation;
        this.ruleId = Columns.cut(card.ruleId(), Columns.NAME);
        this.ruleVersion = Columns.cut(card.ruleVersion(), Columns.SHORT);
        this.indicator = Columns.cut(card.indicator(), Columns.SHORT);
        this.clinicalState = Columns.cut(card.clinicalState(), Columns.STATE);
    }

    public String cardUuid() {
        return cardUuid;
    }

    public String ruleId() {
        return ruleId;
    }

    public String ruleVersion() {
        return ruleVersion;
    }

    /** When the call that showed it came in. */
    Instant shownAt() {
        return invocation.receivedAt();
    }
}
