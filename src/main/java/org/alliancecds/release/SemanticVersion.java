package org.alliancecds.release;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's version, {@code MAJOR.MINOR.PATCH} with an optional {@code -prerelease}, ordered by the precedence of
 * Semantic Versioning 2.0.0. Build metadata ({@code +...}) is refused: two versions differing only in it would have
 * the same precedence, so "strictly greater than every stored release" could not tell them apart, and the content
 * hash already identifies what was built.
 *
 * @param major      the major version
 * @param minor      the minor version
 * @param patch      the patch version
 * @param prerelease the dot-separated pre-release identifiers; empty for a normal version
 */
public record SemanticVersion(int major, int minor, int patch, List<String> prerelease)
        implements Comparable<SemanticVersion> {

    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String IDENTIFIER = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern FORM = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER
            + "(?:-(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative");
        }
        prerelease = List.copyOf(prerelease);
    }

    /**
     * Reads a version such as {@code 2.1.0} or {@code 2.1.0-rc.1}; surrounding white space is ignored.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static SemanticVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no version given: expected MAJOR.MINOR.PATCH, such as 2.1.0");
        }
        String trimmed = text.strip();
        if (trimmed.contains("+")) {
            throw new IllegalArgumentException("'" + trimmed + "' has build metadata (+...): give MAJOR.MINOR.PATCH"
                    + " with an optional -prerelease; the release's content hash identifies the build");
        }
        Matcher matcher = FORM.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a semantic version: expected"
                    + " MAJOR.MINOR.PATCH with an optional -prerelease (such as 2.1.0 or 2.1.0-rc.1), numbers"
                    + " without leading zeros, identifiers of letters, digits and hyphens");
        }
        List<String> prerelease = matcher.group(4) == null ? List.of() : Arrays.asList(matcher.group(4).split("\\."));
        return new SemanticVersion(number(matcher.group(1), trimmed), number(matcher.group(2), trimmed),
                number(matcher.group(3), trimmed), prerelease);
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Precedence: numbers first; a pre-release before its normal version; then identifier by identifier. */
    @Override
    public int compareTo(SemanticVersion other) {
        int numbers = major != other.major ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
        if (numbers != 0) {
            return numbers;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
            int identifiers = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (identifiers != 0) {
                return identifiers;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    @Override
    public String toString() {
        String normal = major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? normal : normal + "-" + String.join(".", prerelease);
    }

    /** Numeric identifiers compare as numbers (of any length) and before alphanumeric ones, which compare in ASCII. */
    private static int compareIdentifiers(String left, String right) {
        boolean leftNumeric = NUMERIC.matcher(left).matches();
        boolean rightNumeric = NUMERIC.matcher(right).matches();
        if (leftNumeric && rightNumeric) {
            return left.length() != right.length() ? Integer.compare(left.length(), right.length())
                    : left.compareTo(right);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return left.compareTo(right);
    }

    private static int number(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a number larger than " + Integer.MAX_VALUE, e);
        }
    }
}
