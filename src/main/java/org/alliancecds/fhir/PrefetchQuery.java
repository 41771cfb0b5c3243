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
 * @param needed   whether the rules read it; keys that are not needed are never fetched
 */
public record PrefetchQuery(String key, String template, boolean needed) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{context\\.([A-Za-z]+)}}");
    private static final String PATIENT_ID = "patientId";

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
