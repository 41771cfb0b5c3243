package org.alliancecds.admin;

/**
 * A threshold a rule relies on, as the thresholds table has it.
 *
 * @param id       its id in {@code thresholds.csv}
 * @param value    the cut-off
 * @param unit     what the value counts
 * @param basis    citation, or "provisional: …"
 * @param reviewed when it was last reviewed (ISO date)
 * @param via      where the use was found: {@code rule} (its own conditions), a {@code common/} file (a
 *                 classification it matches) or {@code header} (named in its header's "When:")
 */
public record ThresholdUse(String id, double value, String unit, String basis, String reviewed, String via) {
}
