package org.alliancecds.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code audit_admin_action}: who called which admin action when, and what they got. */
@Entity
@Table(name = "audit_admin_action")
public class AuditAdminAction {

    @Id
    private String id;
    @Column(name = "admin_name")
    private String adminName;
    private String action;
    @Column(name = "remote_address")
    private String remoteAddress;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;
    private int status;

    protected AuditAdminAction() {
        // for JPA
    }

    AuditAdminAction(AdminActionAudit entry) {
        this.id = entry.id();
        this.adminName = Columns.cut(entry.admin(), Columns.SHORT);
        this.action = Columns.cut(entry.action(), Columns.LONG);
        this.remoteAddress = Columns.cut(entry.remoteAddress(), Columns.SHORT);
        this.receivedAt = Columns.utc(entry.receivedAt());
        this.status = entry.status();
    }
}
