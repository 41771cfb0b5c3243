package org.alliancecds.rules;

import java.util.List;

/** A rule base that cannot be put in service, with every problem found, each at its file and line. */
public class RuleFileException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleFileException(List<RuleProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    private static String describe(List<RuleProblem> problems) {
        StringBuilder text = new StringBuilder("the rule base has ").append(problems.size()).append(" problem(s)");
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem));
        return text.toString();
    }
}
