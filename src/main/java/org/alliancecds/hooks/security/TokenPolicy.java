package org.alliancecds.hooks.security;

import java.time.Duration;

/**
 * The time rules a client JWT must meet, and how remote key sets are fetched.
 *
 * @param clockSkew       tolerance for {@code exp} and {@code iat} between the client's clock and ours
 * @param maxLifetime     how far in the future {@code exp} may lie; it bounds how long a {@code jti} must be kept
 * @param jwksConnect     connect timeout for fetching a JWK set
 * @param jwksRead        read timeout for fetching a JWK set
 * @param jwksCacheTtl    how long a fetched JWK set is used before it is fetched again
 * @param jwksMinInterval at most two fetches of one JWK set per interval (an unknown {@code kid} triggers one)
 */
public record TokenPolicy(Duration clockSkew, Duration maxLifetime, Duration jwksConnect, Duration jwksRead,
                          Duration jwksCacheTtl, Duration jwksMinInterval) {

    /** Above this, a "skew" is no longer a clock difference but a token that is accepted too long. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);
    /** A JWK set larger than this is not a key set. */
    static final int JWKS_SIZE_LIMIT = 64 * 1024;

    public TokenPolicy {
        requireWithin(clockSkew, Duration.ZERO, MAX_CLOCK_SKEW, "cds.auth.clock-skew-seconds");
        requireWithin(maxLifetime, Duration.ofSeconds(1), MAX_TOKEN_LIFETIME, "cds.auth.max-token-lifetime-seconds");
    }

    /** The defaults: 60 s skew, tokens valid at most 5 minutes ahead, key sets fetched within 2 s, kept 5 min. */
    public static TokenPolicy defaults() {
        return new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    public TokenPolicy withClockSkew(Duration skew) {
        return new TokenPolicy(skew, maxLifetime, jwksConnect, jwksRead, jwksCacheTtl, jwksMinInterval);
    }

    public TokenPolicy withMaxLifetime(Duration lifetime) {
        return new TokenPolicy(clockSkew, lifetime, jwksConnect, jwksRead, jwksCacheTtl, jwksMinInterval);
    }

    /** How long a used {@code jti} must be remembered: as long as any token carrying it can still be accepted. */
    public Duration replayWindow() {
        return maxLifetime.plus(clockSkew).plus(clockSkew);
    }

    private static void requireWithin(Duration value, Duration min, Duration max, String name) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min.toSeconds() + " and "
                    + max.toSeconds() + " seconds, not " + value.toSeconds());
        }
    }
}
