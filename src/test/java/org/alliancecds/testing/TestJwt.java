package org.alliancecds.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * CDS Hooks client JWTs for tests, valid by default (iat now, exp in a minute, a fresh jti, typ JWT, the key's
 * kid and algorithm), with a setter for every way a test needs to spoil one.
 *
 * <pre>{@code
 * String token = TestJwt.by(key, "https://ehr.example").audience(url).expiresAt(now.minusSeconds(600)).sign();
 * }</pre>
 */
public final class TestJwt {

    private final JWK key;
    private final String issuer;
    private JWSAlgorithm algorithm;
    private String kid;
    private JOSEObjectType type = JOSEObjectType.JWT;
    private URI jku;
    private List<String> audience = List.of();
    private Instant issuedAt = Instant.now();
    private Instant expiresAt = issuedAt.plusSeconds(60);
    private String jti = UUID.randomUUID().toString();
    private Object tenant = "it-tenant";

    private TestJwt(JWK key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        this.algorithm = key.getAlgorithm() != null ? JWSAlgorithm.parse(key.getAlgorithm().getName())
                : key instanceof ECKey ? JWSAlgorithm.ES384 : JWSAlgorithm.RS384;
        this.kid = key.getKeyID();
    }

    /** A token of {@code issuer} signed with {@code key} (a private EC or RSA JWK). */
    public static TestJwt by(JWK key, String issuer) {
        return new TestJwt(key, issuer);
    }

    public TestJwt audience(String... urls) {
        audience = List.of(urls);
        return this;
    }

    public TestJwt algorithm(JWSAlgorithm value) {
        algorithm = value;
        return this;
    }

    public TestJwt kid(String value) {
        kid = value;
        return this;
    }

    public TestJwt type(JOSEObjectType value) {
        type = value;
        return this;
    }

    public TestJwt jku(URI value) {
        jku = value;
        return this;
    }

    public TestJwt issuedAt(Instant value) {
        issuedAt = value;
        return this;
    }

    public TestJwt expiresAt(Instant value) {
        expiresAt = value;
        return this;
    }

    public TestJwt jti(String value) {
        jti = value;
        return this;
    }

    /** The tenant claim: a String, null for none, or any other JSON value to spoil it. */
    public TestJwt tenant(Object value) {
        tenant = value;
        return this;
    }

    public JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).jwtID(jti)
                .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                .claim("tenant", tenant);
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        return claims.build();
    }

    /** Signed with the key, by the algorithm set (ES/RS/PS with the key itself). */
    public String sign() {
        return sign(signer());
    }

    /** Signed with HMAC, the secret being the given bytes (e.g. the public key, as in key-confusion attacks). */
    public String signWithSecret(byte[] secret) {
        try {
            return sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, with the given third part (empty for a truly unsigned token). */
    public String unsecured(String signature) {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(claims().toString().getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private String sign(JWSSigner signer) {
        JWSHeader header = new JWSHeader.Builder(algorithm).type(type).keyID(kid).jwkURL(jku).build();
        SignedJWT jwt = new SignedJWT(header, claims());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the test token", e);
        }
        return jwt.serialize();
    }

    private JWSSigner signer() {
        try {
            if (key instanceof ECKey ec) {
                return new ECDSASigner(ec);
            }
            return new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
