package org.alliancecds.hooks.security;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.security.Key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureVerifiersTest {

    private final SignatureVerifiers verifiers = new SignatureVerifiers();

    @Test
    void es384IsVerifiedByBouncyCastle() throws Exception {
        JWSVerifier verifier = verifierFor(TestKeys.itEs384(), signed(TestKeys.itEs384()));
        assertEquals("BC", verifier.getJCAContext().getProvider().getName());
    }

    @Test
    void rs384StaysWithTheJdk() throws Exception {
        JWSVerifier verifier = verifierFor(TestKeys.itRs384(), signed(TestKeys.itRs384()));
        assertNull(verifier.getJCAContext().getProvider(), "the JDK's default provider");
    }

    @Test
    void genuineSignaturesVerifyAndOthersDoNot() throws Exception {
        for (JWK key : new JWK[] {TestKeys.itEs384(), TestKeys.itRs384()}) {
            SignedJWT genuine = signed(key);
            assertTrue(genuine.verify(verifierFor(key, genuine)), key.getKeyID());
            SignedJWT byAnotherKey = SignedJWT.parse(TestJwt.by(otherKeyLike(key), TestKeys.IT_ISSUER)
                    .kid(key.getKeyID()).sign());
            assertFalse(byAnotherKey.verify(verifierFor(key, byAnotherKey)), key.getKeyID());
        }
    }

    private JWSVerifier verifierFor(JWK key, SignedJWT jwt) throws Exception {
        Key publicKey = key.getKeyType().getValue().equals("EC") ? key.toECKey().toECPublicKey()
                : key.toRSAKey().toRSAPublicKey();
        return verifiers.createJWSVerifier(jwt.getHeader(), publicKey);
    }

    private static SignedJWT signed(JWK key) throws Exception {
        return SignedJWT.parse(TestJwt.by(key, TestKeys.IT_ISSUER).audience("https://cds.example/cds-services")
                .sign());
    }

    private static JWK otherKeyLike(JWK key) {
        return key.getKeyType().getValue().equals("EC") ? TestKeys.newEs384("other") : TestKeys.newRs384("other");
    }
}
