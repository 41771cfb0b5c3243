package org.alliancecds.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * Keys for tests only: the integration tests' EHR keys (committed under {@code src/test/resources/security}, their
 * public halves in {@code trusted-issuers.json}), and fresh keys for tests that need keys nobody trusts.
 */
public final class TestKeys {

    /** The EHR the integration tests sign as; {@code trusted-issuers.json} trusts it. */
    public static final String IT_ISSUER = "https://ehr.it.alliance-cds.test";

    private static final JWKSet IT_KEYS = load("/security/it-client-private-keys.jwks.json");

    private TestKeys() {
    }

    /** The ITs' ES384 private key, kid {@code it-ehr-es384}. */
    public static ECKey itEs384() {
        return (ECKey) IT_KEYS.getKeyByKeyId("it-ehr-es384");
    }

    /** The ITs' RS384 private key, kid {@code it-ehr-rs384}. */
    public static RSAKey itRs384() {
        return (RSAKey) IT_KEYS.getKeyByKeyId("it-ehr-rs384");
    }

    public static ECKey newEs384(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID(kid).algorithm(JWSAlgorithm.ES384).keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey newRs384(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS384).keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public halves of keys, as a JWK set. */
    public static JWKSet publicSet(JWK... keys) {
        return new JWKSet(java.util.List.of(keys)).toPublicJWKSet();
    }

    private static JWKSet load(String resource) {
        try (InputStream in = TestKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test key file " + resource);
            }
            return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("test key file " + resource + " is not a JWK set", e);
        }
    }
}
