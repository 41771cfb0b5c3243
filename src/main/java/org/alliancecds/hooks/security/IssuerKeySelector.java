package org.alliancecds.hooks.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetAwareJWSKeySelector;

import java.net.URI;
import java.security.Key;
import java.util.List;
import java.util.Set;

/**
 * Picks the keys that may have signed a token: those of the issuer it claims to come from (the claim is only
 * trusted once a key of that issuer verifies the signature), for asymmetric algorithms only, by {@code kid}.
 * Keys given inline for the issuer are the ones used, whatever {@code jku} the token names (the CDS Hooks sandbox
 * sends one with every token); a {@code jku} is fetched only for an issuer without inline keys, and only when it
 * is on that issuer's allow-list.
 * <p>
 * Failures are thrown as {@link RefusedKey}s that name the failed check, for the log.
 */
final class IssuerKeySelector implements JWTClaimsSetAwareJWSKeySelector<SecurityContext> {

    /**
     * ES384 and RS384 are what CDS Hooks recommends; the other RSA (PKCS#1 v1.5 and PSS) and NIST-curve ECDSA
     * strengths are as safe and some EHRs sign with them. No symmetric (HMAC) or unsigned algorithm, ever.
     */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private final TrustedIssuers issuers;
    private final JwksSources sources;

    IssuerKeySelector(TrustedIssuers issuers, JwksSources sources) {
        this.issuers = issuers;
        this.sources = sources;
    }

    @Override
    public List<? extends Key> selectKeys(JWSHeader header, JWTClaimsSet claims, SecurityContext context)
            throws KeySourceException {
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            throw new RefusedKey(Refusal.ALGORITHM, "algorithm " + header.getAlgorithm() + " is not accepted");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new RefusedKey(Refusal.NO_KID, "the header names no kid");
        }
        TrustedIssuer issuer = issuers.get(claims.getIssuer()).orElseThrow(() ->
                new RefusedKey(Refusal.UNKNOWN_ISSUER, "issuer " + claims.getIssuer() + " is not trusted"));
        List<? extends Key> keys;
        try {
            keys = new JWSVerificationKeySelector<>(ACCEPTED, source(header, issuer)).selectJWSKeys(header, context);
        } catch (RefusedKey refused) {
            throw refused;
        } catch (KeySourceException e) {
            throw new RefusedKey(Refusal.KEYS_UNAVAILABLE, "the keys of issuer " + issuer.issuer()
                    + " could not be fetched: " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new RefusedKey(Refusal.UNKNOWN_KEY, "issuer " + issuer.issuer() + " has no "
                    + header.getAlgorithm() + " key with that kid");
        }
        return keys;
    }

    private JWKSource<SecurityContext> source(JWSHeader header, TrustedIssuer issuer) throws RefusedKey {
        if (issuer.jwksIfAny().isPresent()) {
            return sources.keysOf(issuer);
        }
        URI jku = header.getJWKURL();
        if (jku != null) {
            if (!issuer.jkuAllowed().contains(jku)) {
                throw new RefusedKey(Refusal.JKU_NOT_ALLOWED, "jku is not on the allow-list of issuer "
                        + issuer.issuer());
            }
            return sources.remote(jku);
        }
        JWKSource<SecurityContext> keys = sources.keysOf(issuer);
        if (keys == null) {
            throw new RefusedKey(Refusal.UNKNOWN_KEY, "issuer " + issuer.issuer()
                    + " has keys only at jku URLs; no jku given");
        }
        return keys;
    }
}
