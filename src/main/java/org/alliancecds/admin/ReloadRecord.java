package org.alliancecds.admin;

import org.alliancecds.rules.RuleProblem;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to put changed rules or profiles in service.
 *
 * @param at       when
 * @param accepted whether the new files went into service
 * @param version  the rule-base version serving afterwards
 * @param problems why the files were refused, each at its file and line; empty when accepted
 * @param tookMs   how long reading and compiling the changed files took, so informaticists see a reload's cost
 */
public record ReloadRecord(Instant at, boolean accepted, String version, List<RuleProblem> problems, long tookMs) {

    public ReloadRecord {
        problems = List.copyOf(problems);
    }
}
