package org.alliancecds.cards;

import java.math.BigDecimal;

/** Scores as clinicians write them: 27, not 27.0; 3.25 stays 3.25. */
final class Numbers {

    private static final int DECIMALS = 2;

    private Numbers() {
    }

    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
