package org.alliancecds.release;

import java.util.Locale;

/** Where a release stands, in the knowledge-artifact lifecycle's terms plus the two steps between. */
public enum ReleaseState {
    /** Created, never active. */
    DRAFT,
    /** Running in shadow beside the active release. */
    SHADOW,
    /** To be activated at a time to come. */
    SCHEDULED,
    /** Serving now. */
    ACTIVE,
    /** Active once, replaced since. */
    RETIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
