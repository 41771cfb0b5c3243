package org.alliancecds.audit;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code audit_invocation}: one hook call, answered or refused. */
@Entity
@Table(name = "audit_invocation")
public class AuditInvocation {

    @Id
    private String id;
    @Column(name = "hook_instance")
    private String hookInstance;
    @Column(name = "service_id")
    private String serviceId;
    private String hook;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;
    private String issuer;
    private String tenant;
    @Column(name = "rule_base_version")
    private String ruleBaseVersion;
    @Column(name = "fired_rules")
    private String firedRules;
    private int status;
    @Column(name = "issue_type")
    private String issueType;
    @Column(name = "latency_ms")
    private long latencyMs;
    @Column(name = "patient_pseudonym")
    private String patientPseudonym;
    @Column(name = "user_pseudonym")
    private String userPseudonym;
    @OneToMany(mappedBy = "invocation", cascade = CascadeType.PERSIST)
    private List<AuditCard> cards = new ArrayList<>();

    protected AuditInvocation() {
        // for JPA
    }

    AuditInvocation(InvocationAudit call, String patientPseudonym, String userPseudonym) {
        this.id = call.id();
        this.hookInstance = Columns.cut(call.hookInstance(), Columns.NAME);
        this.serviceId = Columns.cut(call.serviceId(), Columns.NAME);
        this.hook = Columns.cut(call.hook(), Columns.SHORT);
        this.receivedAt = Columns.utc(call.receivedAt());
        this.issuer = Columns.cut(call.caller().issuer(), Columns.LONG);
        this.tenant = Columns.cut(call.caller().tenant(), Columns.NAME);
        this.ruleBaseVersion = Columns.cut(call.ruleBaseVersion(), Columns.NAME);
        this.firedRules = Columns.joined(call.firedRules(), Columns.LIST);
        this.status = call.status();
        this.issueType = Columns.cut(call.issueType(), Columns.SHORT);
        this.latencyMs = call.latencyMs();
        this.patientPseudonym = patientPseudonym;
        this.userPseudonym = userPseudonym;
        call.cards().forEach(card -> cards.add(new AuditCard(this, card)));
    }

    public String id() {
        return id;
    }

    String ruleBaseVersion() {
        return ruleBaseVersion;
    }

    Instant receivedAt() {
        return receivedAt.toInstant();
    }

    public List<AuditCard> cards() {
        return List.copyOf(cards);
    }
}
