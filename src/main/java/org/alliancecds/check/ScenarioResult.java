package org.alliancecds.check;

import java.util.Set;
import java.util.TreeSet;

/**
 * How one case went.
 *
 * @param scenario the case
 * @param fired    the rules that fired
 * @param error    why it could not run (the service's answer was an error), or null
 */
public record ScenarioResult(ScenarioCase scenario, Set<String> fired, String error) {

    public boolean passed() {
        return error == null && fired.equals(scenario.fires());
    }

    /** Rules expected but silent. */
    public Set<String> missing() {
        Set<String> missing = new TreeSet<>(scenario.fires());
        missing.removeAll(fired);
        return missing;
    }

    /** Rules that fired but should have stayed silent. */
    public Set<String> unexpected() {
        Set<String> unexpected = new TreeSet<>(fired);
        unexpected.removeAll(scenario.fires());
        return unexpected;
    }

    /** One line for a report. */
    public String line() {
        if (error != null) {
            return "ERROR " + scenario.file() + ": " + error;
        }
        if (passed()) {
            return "pass  " + scenario.file() + " " + new TreeSet<>(fired);
        }
        return "FAIL  " + scenario.file() + ": missing " + missing() + ", unexpected " + unexpected();
    }
}
