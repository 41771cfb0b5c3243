package org.alliancecds.admin;

import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.release.ReleaseNotFoundException;
import org.alliancecds.release.ReleaseRefusedException;
import org.alliancecds.release.ReleaseStoreException;
import org.alliancecds.release.ReleasesOffException;

import java.util.function.Supplier;

/**
 * What a release step's refusal tells the admin: 422 with the rules check's problems at their file and line when
 * the folder failed it, 409 when releases are off or the step does not fit the releases' state, 404 for an unknown
 * release, 400 for a missing comment, 503 when the database does not answer.
 */
final class ReleaseProblems {

    private ReleaseProblems() {
    }

    static <T> T answer(Supplier<T> step) {
        try {
            return step.get();
        } catch (ReleaseRefusedException e) {
            if (!e.problems().isEmpty()) {
                // the reason, then one problem a line: the message would list them a second time, indented
                throw new CdsProblem(422, "invalid", e.reason() + "\n" + String.join("\n", e.problems()));
            }
            throw new CdsProblem(409, "conflict", e.getMessage());
        } catch (ReleasesOffException e) {
            throw new CdsProblem(409, "conflict", e.getMessage());
        } catch (ReleaseNotFoundException e) {
            throw new CdsProblem(404, "not-found", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CdsProblem(400, "invalid", e.getMessage());
        } catch (ReleaseStoreException e) {
            throw new CdsProblem(503, "transient", "the release database did not answer; try again: "
                    + e.getMessage());
        }
    }
}
