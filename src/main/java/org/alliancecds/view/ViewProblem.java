package org.alliancecds.view;

/**
 * Why the view cannot go on: an HTTP status, a short code the page can act on ({@code no-session}, {@code expired},
 * {@code state-mismatch} …) and a message for the clinician. Messages never carry a token.
 */
public class ViewProblem extends RuntimeException {

    private final int status;
    private final String problem;

    public ViewProblem(int status, String problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String problem() {
        return problem;
    }
}
