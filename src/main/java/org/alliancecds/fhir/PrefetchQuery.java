package org.alliancecds.fhir;

import org.alliancecds.fhir.scoring.FhirIds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prefetch key of our services and its FHIR query template.
 *
 * @param key      the key in the prefetch object
 * @param template the relative FHIR query, with {@code {{context.x}}} placeholders
 * @param need     whether the rules read it, and whether a call can be answered without it
 */
public record PrefetchQuery(String key, String template, Need need) {

    /** How much the rules depend on a key. */
    public enum Need {
        /** Read by the rules; when it cannot be had, the call cannot be answered (412). */
        REQUIRED,
        /** Read when it can be had; without it the rules fall back (episodes by gaps instead of EpisodeOfCare). */
        OPTIONAL
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{context\\.([A-Za-z]+)}}");
    private static final String PATIENT_ID = "patientId";

    /** The resource type the query searches, e.g. {@code Observation}. */
    public String resourceType() {
        return template.replaceAll("[?/].*", "");
    }

    /** The query for one call; the patient id is put in bare, whichever way the EHR wrote it. */
    public String fill(Map<String, String> context) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder query = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = context.getOrDefault(name, "");
            if (PATIENT_ID.equals(name)) {
                value = FhirIds.patientIdOf(value);
            }
            matcher.appendReplacement(query, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        matcher.appendTail(query);
        return query.toString();
    }
}
