package org.alliancecds.release;

import java.util.List;

/** A release that was not created or stored: why, and the rules check's problems when it failed. */
public class ReleaseRefusedException extends RuntimeException {

    private final String reason;
    private final transient List<String> problems;

    public ReleaseRefusedException(String reason, List<String> problems) {
        super(describe(reason, problems));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public ReleaseRefusedException(String reason) {
        this(reason, List.of());
    }

    /** Why, without the problems that the message lists after it. */
    public String reason() {
        return reason;
    }

    /** The rules check's problems, each naming its file from the release's root ({@code rules/foo.drl:12: ...}). */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String reason, List<String> problems) {
        StringBuilder text = new StringBuilder(reason);
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem));
        return text.toString();
    }
}
