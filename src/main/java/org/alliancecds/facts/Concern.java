package org.alliancecds.facts;

/**
 * A derived fact that is bad news for the alliance (a low patient rating). A rule that declares an escalated
 * indicator raises its card to it when a concern is among what it matched.
 */
public interface Concern extends Grounded {
}
