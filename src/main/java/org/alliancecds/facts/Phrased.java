package org.alliancecds.facts;

/**
 * A derived fact that a card summary can name in words of its own ("mean SRS total 31.3 of sessions 1-3"), where no
 * single score says what the rule found.
 */
public interface Phrased {

    String phrase();
}
