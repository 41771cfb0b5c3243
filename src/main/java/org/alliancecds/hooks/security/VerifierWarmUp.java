package org.alliancecds.hooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies one RS384 and one ES384 token of a throwaway issuer before the first call, so that the first EHR's call
 * does not pay for loading the JWT and signature classes and the first use of each algorithm (a tenth of a second
 * on a slow machine). The keys live only here and the verifier that accepts them is this class's own: the
 * service's trusted issuers and replay store are not touched, so nothing here can make a token acceptable.
 */
final class VerifierWarmUp {

    private static final String ISSUER = "urn:alliance-cds:verifier-warm-up";
    private static final String AUDIENCE = "urn:alliance-cds:verifier-warm-up:audience";
    private static final ReplayStore NOTHING_KEPT = tokenId -> ReplayStore.Use.FIRST;
    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private VerifierWarmUp() {
    }

    /** The number of tokens verified: 2 when the path is warm. */
    static int run(TokenPolicy policy, Clock clock) {
        try {
            JWK rsa = new RSAKeyGenerator(2048).keyID("warm-up-rs384").generate();
            JWK ec = new ECKeyGenerator(Curve.P_384).keyID("warm-up-es384").generate();
            TrustedIssuers issuers = TrustedIssuers.parse("[{\"iss\": \"" + ISSUER + "\", \"jwks\": "
                    + new JWKSet(List.of(rsa, ec)).toPublicJWKSet() + "}]");
            TokenVerifier verifier = new TokenVerifier(issuers, NOTHING_KEPT, policy, clock);
            int verified = 0;
            // within whatever lifetime the site allows, so that the warm-up is never refused for its own token
            Duration lifetime = policy.maxLifetime().compareTo(LIFETIME) < 0 ? policy.maxLifetime() : LIFETIME;
            for (String token : List.of(
                    token(rsa, JWSAlgorithm.RS384, new RSASSASigner(rsa.toRSAKey()), clock, lifetime),
                    token(ec, JWSAlgorithm.ES384, new ECDSASigner(ec.toECKey()), clock, lifetime))) {
                verifier.verify("Bearer " + token, Set.of(AUDIENCE));
                verified++;
            }
            return verified;
        } catch (JOSEException | AuthenticationException e) {
            throw new IllegalStateException("the verifier's warm-up token was refused: " + e.getMessage(), e);
        }
    }

    private static String token(JWK key, JWSAlgorithm algorithm, JWSSigner signer, Clock clock, Duration lifetime)
            throws JOSEException {
        Instant now = clock.instant();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID())
                .build(), new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).build());
        jwt.sign(signer);
        return jwt.serialize();
    }
}
