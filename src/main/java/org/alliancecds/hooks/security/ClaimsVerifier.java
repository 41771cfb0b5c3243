package org.alliancecds.hooks.security;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The claims CDS Hooks requires: {@code iss}, {@code aud} naming the URL called, {@code exp}, {@code iat} and
 * {@code jti}. Nimbus checks presence, audience and expiry (with the clock skew); on top of that a token may not be
 * issued in the future, nor live longer than the policy allows, since its {@code jti} must be remembered that long.
 */
final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    private static final Set<String> REQUIRED = Set.of("iss", "aud", "exp", "iat", "jti");

    private final TokenPolicy policy;
    private final Clock clock;

    ClaimsVerifier(Set<String> audiences, TokenPolicy policy, Clock clock) {
        super(audiences, null, REQUIRED, null);
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
        super.verify(claims, context);
        Instant now = clock.instant();
        if (claims.getIssueTime().toInstant().isAfter(now.plus(policy.clockSkew()))) {
            throw new BadJWTException("JWT issued in the future (iat beyond the clock skew)");
        }
        if (claims.getExpirationTime().toInstant().isAfter(now.plus(policy.maxLifetime()).plus(policy.clockSkew()))) {
            throw new BadJWTException("JWT expires too far ahead (exp beyond the maximum token lifetime)");
        }
        if (claims.getJWTID().isBlank()) {
            throw new BadJWTException("JWT jti is blank");
        }
    }
}
