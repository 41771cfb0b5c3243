package org.alliancecds.facts;

/**
 * The lowest and highest value a scale can take, for putting scores of different instruments on one 0–1 scale.
 *
 * @param min the lowest possible score
 * @param max the highest possible score
 */
public record ScaleRange(double min, double max) {

    public ScaleRange {
        if (!(max > min)) {
            throw new IllegalArgumentException("a scale range needs max > min, not " + min + "…" + max);
        }
    }

    public double normalise(double value) {
        return (value - min) / (max - min);
    }
}
