package org.alliancecds.hooks;

/**
 * A request the service cannot answer with cards, with the HTTP status and the FHIR issue type of its
 * OperationOutcome.
 */
public class CdsProblem extends RuntimeException {

    private final int status;
    private final String issueType;

    public CdsProblem(int status, String issueType, String message) {
        super(message);
        this.status = status;
        this.issueType = issueType;
    }

    public static CdsProblem invalid(String message) {
        return new CdsProblem(400, "invalid", message);
    }

    public int status() {
        return status;
    }

    public String issueType() {
        return issueType;
    }
}
