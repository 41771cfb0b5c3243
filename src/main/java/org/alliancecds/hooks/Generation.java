package org.alliancecds.hooks;

import org.alliancecds.fhir.Instruments;
import org.alliancecds.rules.RuleBase;

import java.util.Objects;

/**
 * Everything a hook call is answered with, read and compiled together and never changed: the instruments (their
 * scorer and the prefetch queries they need) and the rule base. A call takes one generation at its start and uses it
 * throughout, so it cannot score with one set of profiles and judge with rules loaded for another.
 */
public record Generation(Instruments instruments, RuleBase ruleBase) {

    public Generation {
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(ruleBase, "ruleBase");
    }
}
