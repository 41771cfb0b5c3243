package org.alliancecds.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header comment of a rule file, by paragraph: {@code Finding}, {@code When}, {@code Then}, {@code Evidence}.
 * A paragraph starts with its name and a colon after {@code // } and runs on over the lines indented below it.
 */
final class DrlHeader {

    static final Set<String> PARAGRAPHS = Set.of("Finding", "When", "Then", "Evidence");
    private static final Pattern START = Pattern.compile("^([A-Z][a-z]+):\\s*(.*)$");

    private DrlHeader() {
    }

    /** The paragraphs of the comment lines that open the file, each joined into one line. */
    static Map<String, String> paragraphs(String drl) {
        Map<String, StringBuilder> paragraphs = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : drl.split("\\R")) {
            if (!line.startsWith("//")) {
                break;
            }
            String text = line.substring(2);
            String content = text.startsWith(" ") ? text.substring(1) : text;
            Matcher start = START.matcher(content);
            if (start.matches() && PARAGRAPHS.contains(start.group(1))) {
                current = new StringBuilder(start.group(2).trim());
                paragraphs.put(start.group(1), current);
            } else if (current != null && !content.isBlank() && Character.isWhitespace(content.charAt(0))) {
                current.append(' ').append(content.trim());
            } else {
                current = null;
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        paragraphs.forEach((name, text) -> joined.put(name, text.toString()));
        return joined;
    }
}
