package org.alliancecds.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The URLs and names the artifacts are known by, under the project's canonical base (the one our Questionnaires and
 * code systems use), so that a registry can resolve {@code url|version} to the artifact of one release.
 */
final class Canonicals {

    static final String BASE = "https://alliance-cds.org/fhir";
    static final String THRESHOLDS_ID = "thresholds";
    /** The catalogue id of a rule, as cards and the audit name it. */
    static final String RULE_ID_SYSTEM = BASE + "/identifier/rule";
    /** A rule's own version, as {@code id|version}: it changes only when the rule does, unlike the release's. */
    static final String RULE_VERSION_SYSTEM = BASE + "/identifier/rule-version";
    static final String RELEASE_HASH_SYSTEM = BASE + "/identifier/release-content-hash";

    private Canonicals() {
    }

    static String planDefinition(String ruleId) {
        return BASE + "/PlanDefinition/" + ruleId;
    }

    static String thresholdsLibrary() {
        return BASE + "/Library/" + THRESHOLDS_ID;
    }

    /** A name machines can use ({@code ALLIANCE-LOW-NOW} is {@code AllianceLowNow}), as the artifacts' name asks. */
    static String computableName(String id) {
        String name = Arrays.stream(id.split("[^A-Za-z0-9]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT)
                        + part.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "Rule" + name : name;
    }
}
