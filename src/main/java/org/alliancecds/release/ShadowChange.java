package org.alliancecds.release;

import java.util.Arrays;

/** How a candidate's card for a rule differed from the live release's on one call. */
public enum ShadowChange {
    /** The candidate gave a card the live release did not. */
    ADDED("added"),
    /** The live release gave a card the candidate did not. */
    REMOVED("removed"),
    /** Both gave the card, with another indicator. */
    INDICATOR("indicator"),
    /** Both gave the card, with another summary. */
    SUMMARY("summary");

    private final String code;

    ShadowChange(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code no change has */
    public static ShadowChange ofCode(String code) {
        return Arrays.stream(values()).filter(change -> change.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shadow change '" + code + "'"));
    }
}
