package org.alliancecds.facts;

import java.math.BigDecimal;

/** Scores as clinicians write them: 27, not 27.0; 3.25 stays 3.25. */
public final class Numbers {

    private static final int DECIMALS = 2;

    private Numbers() {
    }

    public static String format(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
