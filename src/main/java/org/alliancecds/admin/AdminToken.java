package org.alliancecds.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin API's shared secret ({@code cds.admin.token}) and the check of an {@code Authorization} header against
 * it. Without a configured token the admin API is off: no default secret exists that someone could forget to change.
 */
public final class AdminToken {

    static final String SCHEME = "Bearer ";

    /** What a request's header amounts to. */
    public enum Check {
        /** no token is configured: the admin API is off */
        DISABLED,
        /** no bearer token in the request */
        MISSING,
        /** a bearer token that is not the configured one */
        WRONG,
        GRANTED
    }

    private final byte[] expectedDigest;

    private AdminToken(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    /** @param configured the configured token; absent or blank turns the admin API off */
    public static AdminToken of(Optional<String> configured) {
        return new AdminToken(configured.map(String::trim).filter(token -> !token.isEmpty())
                .map(AdminToken::digest).orElse(null));
    }

    public Check check(String authorizationHeader) {
        if (expectedDigest == null) {
            return Check.DISABLED;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Check.MISSING;
        }
        String presented = authorizationHeader.substring(SCHEME.length()).trim();
        // Comparing digests of equal length in constant time reveals neither the token's characters nor its length.
        return MessageDigest.isEqual(expectedDigest, digest(presented)) ? Check.GRANTED : Check.WRONG;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
