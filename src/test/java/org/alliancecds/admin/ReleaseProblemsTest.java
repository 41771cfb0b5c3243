package org.alliancecds.admin;

import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.release.ReleaseRefusedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A refused release's answer: the console lists its diagnostics' lines after the first as the check's problems. */
class ReleaseProblemsTest {

    @Test
    void aReleaseTheRulesCheckRefusedIsA422WithItsReasonThenOneProblemALine() {
        List<String> problems = List.of("rules/a.drl:107: [ERR 102] mismatched input", "rules/a.drl: no package");
        CdsProblem answer = assertThrows(CdsProblem.class, () -> ReleaseProblems.answer(() -> {
            throw new ReleaseRefusedException("release 9.0.0 not created: the rules check found 2 problem(s)",
                    problems);
        }));
        assertEquals(422, answer.status());
        assertEquals("release 9.0.0 not created: the rules check found 2 problem(s)\n"
                + "rules/a.drl:107: [ERR 102] mismatched input\nrules/a.drl: no package", answer.getMessage());
    }

    @Test
    void aStepThatDoesNotFitIsA409WithItsReason() {
        CdsProblem answer = assertThrows(CdsProblem.class, () -> ReleaseProblems.answer(() -> {
            throw new ReleaseRefusedException("release 2.1.0 is in shadow already");
        }));
        assertEquals(409, answer.status());
        assertEquals("release 2.1.0 is in shadow already", answer.getMessage());
    }
}
