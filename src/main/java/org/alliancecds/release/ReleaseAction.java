package org.alliancecds.release;

import java.util.Arrays;

/** A step in a release's life, as the event table spells it. */
public enum ReleaseAction {
    CREATED("created"),
    SHADOW_STARTED("shadow-started"),
    SHADOW_STOPPED("shadow-stopped"),
    ACTIVATED("activated"),
    ROLLED_BACK("rolled-back");

    private final String code;

    ReleaseAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the step decides which release serves, from its effective time on. */
    public boolean activates() {
        return this == ACTIVATED || this == ROLLED_BACK;
    }

    /** @throws IllegalArgumentException for a code no action has */
    public static ReleaseAction ofCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no release action '" + code + "'"));
    }
}
