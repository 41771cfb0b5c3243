package org.alliancecds.hooks.security;

/**
 * A request whose credentials were not accepted: which check failed, and a detail for the log. Neither contains the
 * token, and the caller sees neither (the answer is a bare 401).
 */
public class AuthenticationException extends Exception {

    private final Refusal refusal;

    public AuthenticationException(Refusal refusal, String detail) {
        super(refusal.check() + ": " + detail);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
