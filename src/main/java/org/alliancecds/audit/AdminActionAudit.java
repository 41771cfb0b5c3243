package org.alliancecds.audit;

import org.alliancecds.common.LogText;

import java.time.Instant;

/**
 * One call of the admin API, granted or refused.
 *
 * @param id            the row's key
 * @param admin         the name of the admin credential it presented, or null when refused
 * @param action        the method and path called ({@code POST /admin/try})
 * @param remoteAddress the address it came from
 * @param receivedAt    when it arrived
 * @param status        the HTTP status it got
 */
public record AdminActionAudit(String id, String admin, String action, String remoteAddress, Instant receivedAt,
                               int status) implements AuditEntry {

    @Override
    public String describe() {
        return "admin action " + id + " (" + LogText.safe(action) + " by " + (admin == null ? "nobody" : admin)
                + ", status " + status + ")";
    }
}
