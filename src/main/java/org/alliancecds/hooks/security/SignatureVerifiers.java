package org.alliancecds.hooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Key;
import java.security.Provider;
import java.util.Set;

/**
 * nimbus's signature verifiers, with Bouncy Castle doing ECDSA: the JDK 17 provider's pure-Java P-384 takes about
 * 1.5 ms to verify one ES384 token, Bouncy Castle's about 0.2 ms (BENCHMARKS.md), and every call carries a new
 * token. RSA stays with the JDK, which is the faster there. The provider is used directly, not registered, so
 * nothing else in the server changes provider.
 */
final class SignatureVerifiers implements JWSVerifierFactory {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final DefaultJWSVerifierFactory jdk = new DefaultJWSVerifierFactory();
    private final DefaultJWSVerifierFactory ecdsa = new DefaultJWSVerifierFactory();

    SignatureVerifiers() {
        ecdsa.getJCAContext().setProvider(BOUNCY_CASTLE);
    }

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        return (JWSAlgorithm.Family.EC.contains(header.getAlgorithm()) ? ecdsa : jdk).createJWSVerifier(header, key);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return jdk.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return jdk.getJCAContext();
    }
}
