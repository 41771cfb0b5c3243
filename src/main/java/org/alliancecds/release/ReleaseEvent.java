package org.alliancecds.release;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One recorded step of a release: who (a named admin credential), when, why.
 *
 * @param id          the event's number, in the order recorded; 0 before it is stored
 * @param version     the release it concerns
 * @param action      what was done
 * @param admin       the admin credential's name
 * @param at          when it was recorded (to the millisecond)
 * @param comment     why, required
 * @param effectiveAt for an activation or a roll-back, when the release starts serving (not before {@code at});
 *                    null for the other steps
 */
public record ReleaseEvent(long id, SemanticVersion version, ReleaseAction action, String admin, Instant at,
                           String comment, Instant effectiveAt) {

    public ReleaseEvent {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(action, "action");
        admin = Required.admin(admin);
        comment = Required.comment(comment);
        at = at.truncatedTo(ChronoUnit.MILLIS);
        effectiveAt = effectiveAt == null ? null : effectiveAt.truncatedTo(ChronoUnit.MILLIS);
        if (action.activates() != (effectiveAt != null)) {
            throw new IllegalArgumentException(action.code() + (action.activates()
                    ? " needs the time it takes effect" : " takes no effective time"));
        }
        if (effectiveAt != null && effectiveAt.isBefore(at)) {
            // Serving is decided by effective times: one in the past would rewrite which release answered calls
            // already answered.
            throw new IllegalArgumentException(action.code() + " cannot take effect before it is recorded ("
                    + effectiveAt + " is before " + at + ")");
        }
    }

    /** A step to record now: not yet stored, effective when recorded if it activates. */
    public static ReleaseEvent now(SemanticVersion version, ReleaseAction action, String admin, Instant at,
                                   String comment) {
        return new ReleaseEvent(0, version, action, admin, at, comment, action.activates() ? at : null);
    }

    /** An activation recorded at {@code at} that takes effect at {@code effectiveAt}. */
    public static ReleaseEvent activation(SemanticVersion version, String admin, Instant at, String comment,
                                          Instant effectiveAt) {
        return new ReleaseEvent(0, version, ReleaseAction.ACTIVATED, admin, at, comment, effectiveAt);
    }
}
