package org.alliancecds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the text of {@code .drl} files that the Drools compiler does not make: each file holds one card rule,
 * conditions compare against thresholds rather than number literals, and every threshold named exists.
 */
final class RuleFileScanner {

    static final String COMMON_FOLDER = "common/";

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern THRESHOLD_ID = Pattern.compile("Threshold\\s*\\(\\s*id\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern NUMBER_COMPARISON = Pattern.compile("(<|>|<=|>=|==|!=)\\s*-?\\d");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b", Pattern.MULTILINE);
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE);

    private RuleFileScanner() {
    }

    /** The names of the rules a file declares. */
    static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher matcher = RULE.matcher(drl);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static void checkThresholdReferences(Map<String, String> drlFiles, Set<String> thresholdIds,
                                         List<RuleProblem> problems) {
        drlFiles.forEach((file, text) -> {
            Matcher matcher = THRESHOLD_ID.matcher(text);
            while (matcher.find()) {
                if (!thresholdIds.contains(matcher.group(1))) {
                    problems.add(new RuleProblem(file, lineOf(text, matcher.start()),
                            "threshold '" + matcher.group(1) + "' is not in " + ThresholdTable.FILE));
                }
            }
            checkNoNumberLiterals(file, text, problems);
            checkOneCardRule(file, text, problems);
        });
    }

    private static void checkNoNumberLiterals(String file, String text, List<RuleProblem> problems) {
        Matcher when = WHEN.matcher(text);
        while (when.find()) {
            Matcher then = THEN.matcher(text);
            int end = then.find(when.end()) ? then.start() : text.length();
            Matcher number = NUMBER_COMPARISON.matcher(text.substring(when.end(), end));
            while (number.find()) {
                problems.add(new RuleProblem(file, lineOf(text, when.end() + number.start()),
                        "a condition compares with a number; put the number in " + ThresholdTable.FILE
                                + " and compare with the Threshold"));
            }
        }
    }

    private static void checkOneCardRule(String file, String text, List<RuleProblem> problems) {
        List<String> names = ruleNames(text);
        if (!file.startsWith(COMMON_FOLDER) && names.size() > 1) {
            problems.add(new RuleProblem(file, 0, "holds " + names.size() + " rules " + names
                    + "; keep one finding per file (classification rules go in " + COMMON_FOLDER + ")"));
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
