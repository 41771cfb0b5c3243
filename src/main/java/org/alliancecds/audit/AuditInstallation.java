package org.alliancecds.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * The one row of {@code audit_installation}: the installation's own pseudonym key, made by the first instance that
 * found none, so that every instance sharing the database pseudonymises a patient alike.
 */
@Entity
@Table(name = "audit_installation")
public class AuditInstallation {

    static final int THE_ROW = 1;

    @Id
    private int id;
    @Column(name = "pseudonym_key")
    private String pseudonymKey;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected AuditInstallation() {
        // for JPA
    }

    AuditInstallation(String pseudonymKey, OffsetDateTime createdAt) {
        this.id = THE_ROW;
        this.pseudonymKey = pseudonymKey;
        this.createdAt = createdAt;
    }

    String pseudonymKey() {
        return pseudonymKey;
    }
}
