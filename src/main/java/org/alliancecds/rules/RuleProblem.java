package org.alliancecds.rules;

/**
 * One thing wrong in {@code rules/}: where it is and what it is.
 *
 * @param file    the file, relative to the rules directory
 * @param line    the line, or 0 when the problem is with the file as a whole
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
