package org.alliancecds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the text of {@code .drl} files that the Drools compiler does not make: each file holds one finding,
 * conditions compare against thresholds rather than number literals, every threshold named exists, and only rules
 * that declare {@code @history} read history.
 */
final class RuleFileScanner {

    static final String COMMON_FOLDER = "common/";

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern THRESHOLD_ID = Pattern.compile("Threshold\\s*\\(\\s*id\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern NUMBER_COMPARISON = Pattern.compile("(<|>|<=|>=|==|!=)\\s*-?\\d");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b", Pattern.MULTILINE);
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE);
    private static final Pattern HISTORY_FACT = Pattern.compile("\\b(HistoricalScore|EpisodeBaseline)\\s*\\(");

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
            checkHistoryReaders(file, text, problems);
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

    /** A card file holds one finding: one rule, or variants of it named {@code "ID category"}. */
    private static void checkOneCardRule(String file, String text, List<RuleProblem> problems) {
        List<String> names = ruleNames(text);
        long findings = names.stream().map(name -> name.split(" ", 2)[0]).distinct().count();
        if (!file.startsWith(COMMON_FOLDER) && findings > 1) {
            problems.add(new RuleProblem(file, 0, "holds rules of " + findings + " findings " + names
                    + "; keep one finding per file (its variants are named \"ID category\"; classification rules"
                    + " go in " + COMMON_FOLDER + ")"));
        }
    }

    /**
     * History (scores past their window, the episode's baseline) is read only by card rules that say so with
     * {@code @history}: a rule that matches scores without saying which gets current ones.
     */
    static void checkHistoryReaders(String file, String text, List<RuleProblem> problems) {
        Matcher rule = RULE.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (rule.find()) {
            starts.add(rule.start());
        }
        for (int index = 0; index < starts.size(); index++) {
            int start = starts.get(index);
            String block = text.substring(start, index + 1 < starts.size() ? starts.get(index + 1) : text.length());
            Matcher history = HISTORY_FACT.matcher(block);
            if (!history.find()) {
                continue;
            }
            if (file.startsWith(COMMON_FOLDER)) {
                problems.add(new RuleProblem(file, lineOf(text, start + history.start()), "a classification rule"
                        + " reads " + history.group(1) + "; only card rules that declare @history may read history"));
            } else if (!block.contains("@history(")) {
                problems.add(new RuleProblem(file, lineOf(text, start + history.start()), "rule reads "
                        + history.group(1) + " but declares no @history(\"what it reads and why\"); rules read"
                        + " current scores unless they say otherwise"));
            }
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
