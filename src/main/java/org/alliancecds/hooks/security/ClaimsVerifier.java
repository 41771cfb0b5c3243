package org.alliancecds.hooks.security;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims CDS Hooks requires: {@code iss}, {@code aud} naming the URL called, {@code exp}, {@code iat} and
 * {@code jti}. Each check is made here, in this order, so that a refusal names the check that failed; on top of
 * what nimbus checks, a token may not be issued in the future, nor live longer than the policy allows, since its
 * {@code jti} must be remembered that long. Nimbus's own verification runs last, as a backstop.
 */
final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    private static final Set<String> REQUIRED = Set.of("iss", "aud", "exp", "iat", "jti");

    private final Set<String> audiences;
    private final TokenPolicy policy;
    private final Clock clock;

    ClaimsVerifier(Set<String> audiences, TokenPolicy policy, Clock clock) {
        super(audiences, null, REQUIRED, null);
        this.audiences = Set.copyOf(audiences);
        this.policy = policy;
        this.clock = clock;
        setMaxClockSkew((int) policy.clockSkew().toSeconds());
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(claims.getClaims().keySet());
        if (!missing.isEmpty()) {
            throw new RefusedClaims(Refusal.MISSING_CLAIM, "JWT lacks " + missing);
        }
        if (claims.getJWTID().isBlank()) {
            throw new RefusedClaims(Refusal.MISSING_CLAIM, "JWT jti is blank");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime().toInstant().plus(policy.clockSkew()).isBefore(now)) {
            throw new RefusedClaims(Refusal.EXPIRED, "JWT expired (exp beyond the clock skew)");
        }
        if (claims.getIssueTime().toInstant().isAfter(now.plus(policy.clockSkew()))) {
            throw new RefusedClaims(Refusal.NOT_YET_VALID, "JWT issued in the future (iat beyond the clock skew)");
        }
        if (claims.getNotBeforeTime() != null
                && claims.getNotBeforeTime().toInstant().isAfter(now.plus(policy.clockSkew()))) {
            throw new RefusedClaims(Refusal.NOT_YET_VALID, "JWT not valid yet (nbf beyond the clock skew)");
        }
        if (claims.getExpirationTime().toInstant().isAfter(now.plus(policy.maxLifetime()).plus(policy.clockSkew()))) {
            throw new RefusedClaims(Refusal.LIFETIME, "JWT expires too far ahead (exp beyond the maximum token lifetime)");
        }
        if (Collections.disjoint(claims.getAudience(), audiences)) {
            throw new RefusedClaims(Refusal.AUDIENCE, "JWT aud " + claims.getAudience() + " names none of "
                    + audiences);
        }
        try {
            super.verify(claims, context);
        } catch (BadJWTException e) {
            throw new RefusedClaims(Refusal.CLAIMS, e.getMessage());
        }
    }
}
