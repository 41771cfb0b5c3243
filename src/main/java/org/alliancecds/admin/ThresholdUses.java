package org.alliancecds.admin;

import org.alliancecds.facts.Threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which thresholds a card rule relies on, read from the rule files: those its own conditions name, those of the
 * {@code common/} classification rules that insert a fact it matches ({@code LowReadiness}), and those its header
 * names. The header catches cuts picked by computed id ({@code $rating.lowThreshold} is {@code srs.total.low} for
 * an SRS total), which no text search of the conditions can resolve.
 */
final class ThresholdUses {

    static final String OWN = "rule";
    static final String HEADER = "header";
    private static final String COMMON_FOLDER = "common/";

    private static final Pattern THRESHOLD_ID = Pattern.compile("Threshold\\s*\\(\\s*id\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern RULE_BLOCK = Pattern.compile("(?ms)^\\s*rule\\s+\".*?^\\s*end\\b");
    private static final Pattern INSERTED = Pattern.compile("insert(?:Logical)?\\(\\s*new\\s+(\\w+)\\s*\\(");
    private static final Pattern COMMENT = Pattern.compile("(?m)//.*$");

    /** A common fact type, the file whose rules insert it and the thresholds those rules name. */
    private record Classification(String file, List<String> thresholds) {
    }

    private final Map<String, Threshold> table = new LinkedHashMap<>();
    private final Map<String, List<Classification>> byFact = new LinkedHashMap<>();

    ThresholdUses(Map<String, String> drlFiles, List<Threshold> thresholds) {
        thresholds.forEach(threshold -> table.put(threshold.id(), threshold));
        drlFiles.forEach((file, text) -> {
            if (file.startsWith(COMMON_FOLDER)) {
                classifications(file, text);
            }
        });
    }

    /** The thresholds of one card rule, each once, with where the use was found. */
    List<ThresholdUse> of(String ruleText, String whenParagraph) {
        Map<String, String> found = new LinkedHashMap<>();
        String code = COMMENT.matcher(ruleText).replaceAll("");
        ids(code).forEach(id -> found.putIfAbsent(id, OWN));
        byFact.forEach((fact, classifications) -> {
            if (Pattern.compile("\\b" + fact + "\\s*\\(").matcher(code).find()) {
                classifications.forEach(classification -> classification.thresholds()
                        .forEach(id -> found.putIfAbsent(id, classification.file())));
            }
        });
        for (String id : table.keySet()) {
            if (mentions(whenParagraph, id)) {
                found.putIfAbsent(id, HEADER);
            }
        }
        List<ThresholdUse> uses = new ArrayList<>();
        found.forEach((id, via) -> {
            Threshold threshold = table.get(id);
            if (threshold != null) {
                uses.add(new ThresholdUse(id, threshold.value(), threshold.unit(), threshold.basis(),
                        threshold.reviewed().toString(), via));
            }
        });
        return uses;
    }

    private void classifications(String file, String text) {
        Matcher block = RULE_BLOCK.matcher(COMMENT.matcher(text).replaceAll(""));
        while (block.find()) {
            List<String> thresholds = ids(block.group());
            Matcher inserted = INSERTED.matcher(block.group());
            while (inserted.find()) {
                byFact.computeIfAbsent(inserted.group(1), fact -> new ArrayList<>())
                        .add(new Classification(file, thresholds));
            }
        }
    }

    private static List<String> ids(String code) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = THRESHOLD_ID.matcher(code);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** Whether the text names the id as a whole word ("srs.total.low", not "srs.total.lower"). */
    private static boolean mentions(String text, String id) {
        return text != null && Pattern.compile("(?<![\\w.-])" + Pattern.quote(id) + "(?![\\w-]|\\.\\w)")
                .matcher(text).find();
    }
}
