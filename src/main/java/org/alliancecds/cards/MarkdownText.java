package org.alliancecds.cards;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value the EHR sent (an answer, a resource id) made plain text inside card markdown: the characters that could
 * start markup, a link, an HTML tag or a table cell are backslash-escaped, as CommonMark allows for any ASCII
 * punctuation, and line breaks become spaces, so that a value stays within its table cell or line. CDS Hooks 2.0
 * has {@code detail} rendered as GitHub Flavored Markdown; {@code summary} is plain text and needs none of this.
 */
final class MarkdownText {

    /** Punctuation that can mean something inline; '-', '.' and '/' only do at the start of a line, or in URLs. */
    private static final Pattern ACTIVE = Pattern.compile("[\\\\`*_{}\\[\\]()<>#+!|~&:]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\p{Cntrl}");

    private MarkdownText() {
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = LINE_BREAKS.matcher(value).replaceAll(" ");
        return ACTIVE.matcher(oneLine).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }
}
