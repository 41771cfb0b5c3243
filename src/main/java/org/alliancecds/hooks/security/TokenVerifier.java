package org.alliancecds.hooks.security;

import org.alliancecds.common.Caller;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

/**
 * Verifies the bearer JWT of a CDS Hooks call: a signed JWT with header {@code typ} JWT and a {@code kid}, signed
 * by a trusted issuer with an accepted algorithm, for the URL called, within its time bounds, and not seen before.
 * Signature and claims are nimbus's work ({@link DefaultJWTProcessor}); the replay check comes last, so that only
 * genuine tokens take up room in the store.
 */
public final class TokenVerifier {

    /** Far above any real CDS Hooks JWT; a longer header is not worth parsing. */
    static final int MAX_TOKEN_CHARS = 8192;
    private static final String BEARER = "bearer ";

    private static final SignatureVerifiers SIGNATURES = new SignatureVerifiers();

    private final IssuerKeySelector keys;
    private final ReplayStore replays;
    private final TokenPolicy policy;
    private final Clock clock;

    public TokenVerifier(TrustedIssuers issuers, ReplayStore replays, TokenPolicy policy, Clock clock) {
        this.keys = new IssuerKeySelector(issuers, new JwksSources(policy));
        this.replays = replays;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The caller, if the {@code Authorization} header holds an acceptable token for one of the audiences.
     *
     * @param authorization the header value, or null
     * @param audiences     the URL called, in the forms a client may write it
     */
    public Caller verify(String authorization, Set<String> audiences) throws AuthenticationException {
        SignedJWT jwt = signed(token(authorization));
        JWTClaimsSet claims;
        try {
            claims = processor(audiences).process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new AuthenticationException(refusalOf(e), e.getMessage());
        }
        String tenant;
        try {
            tenant = claims.getStringClaim("tenant");
        } catch (ParseException e) {
            throw new AuthenticationException(Refusal.TENANT, "the tenant claim is not a string");
        }
        switch (replays.record(tokenId(claims))) {
            case REPLAY -> throw new AuthenticationException(Refusal.REPLAYED,
                    "jti already used by issuer " + claims.getIssuer());
            case STORE_FULL -> throw new AuthenticationException(Refusal.REPLAY_STORE_FULL,
                    "no room to remember the jti of issuer " + claims.getIssuer());
            case FIRST -> {
                // a token not seen before
            }
        }
        return new Caller(claims.getIssuer(), tenant);
    }

    /**
     * Which check nimbus's processor failed. Our key selector's and claims verifier's exceptions name themselves;
     * of nimbus's own, a bad signature is a {@link BadJWSException}, claims it cannot read a {@link BadJWTException},
     * any other {@link BadJOSEException} the {@code typ} check (the only other check it makes), and a
     * {@link JOSEException} a verifier that could not verify.
     */
    private static Refusal refusalOf(Exception e) {
        if (e instanceof Refusal.Reasoned reasoned) {
            return reasoned.refusal();
        }
        if (e instanceof BadJWSException) {
            return Refusal.SIGNATURE;
        }
        if (e instanceof BadJWTException) {
            return Refusal.MALFORMED;
        }
        return e instanceof BadJOSEException ? Refusal.TYPE : Refusal.SIGNATURE;
    }

    private static String token(String authorization) throws AuthenticationException {
        if (authorization == null || authorization.isBlank()) {
            throw new AuthenticationException(Refusal.NO_TOKEN, "no Authorization header");
        }
        if (authorization.length() > MAX_TOKEN_CHARS) {
            throw new AuthenticationException(Refusal.MALFORMED, "Authorization header too long");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationException(Refusal.NO_TOKEN, "Authorization is not a Bearer token");
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private static SignedJWT signed(String token) throws AuthenticationException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            // The parser's message may quote parts of the token: not for the log.
            throw new AuthenticationException(Refusal.MALFORMED, "not a JWT");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw new AuthenticationException(Refusal.UNSIGNED, "not a signed JWT (unsecured or encrypted)");
    }

    private DefaultJWTProcessor<SecurityContext> processor(Set<String> audiences) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // CDS Hooks fixes typ to JWT; nimbus would also let a token without typ through.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWTClaimsSetAwareJWSKeySelector(keys);
        processor.setJWSVerifierFactory(SIGNATURES);
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(audiences, policy, clock));
        return processor;
    }

    /** Issuer and jti hashed together: a fixed-size key whatever the client sends, and no token text in a cache. */
    private static String tokenId(JWTClaimsSet claims) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((claims.getIssuer() + "\n" + claims.getJWTID()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
