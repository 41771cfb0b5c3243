package org.alliancecds.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code GET /metrics}), by metric name: the values of its
 * {@code name{labels} value} lines, in order (one per label set); comments skipped.
 */
final class PrometheusText {

    // name, optional {labels}, value, optional timestamp
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)(\\s+\\d+)?");

    private PrometheusText() {
    }

    static Map<String, List<Double>> samples(String text) {
        Map<String, List<Double>> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample: " + line);
            }
            samples.computeIfAbsent(sample.group(1), name -> new ArrayList<>()).add(Double.valueOf(sample.group(3)));
        }
        return samples;
    }
}
