package org.alliancecds.hooks.security;

/**
 * A request whose credentials were not accepted. The message says why, for the log; it never contains the token,
 * and the caller never sees it (the answer is a bare 401).
 */
public class AuthenticationException extends Exception {

    public AuthenticationException(String reason) {
        super(reason);
    }
}
