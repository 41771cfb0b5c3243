package org.alliancecds.hooks.security;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One key source per JWK set: inline sets as they are; remote ones ({@code jwks_uri}, allow-listed {@code jku})
 * fetched with timeouts and a size limit, cached, fetched again when a token names a {@code kid} the cached set
 * lacks (key rotation), and rate-limited so that tokens with made-up {@code kid}s cannot make us hammer the EHR.
 * Only allow-listed URLs ever get here, so the map stays as small as the trusted-issuers file.
 */
final class JwksSources {

    private final TokenPolicy policy;
    private final Map<URI, JWKSource<SecurityContext>> remote = new ConcurrentHashMap<>();

    JwksSources(TokenPolicy policy) {
        this.policy = policy;
    }

    JWKSource<SecurityContext> keysOf(TrustedIssuer issuer) {
        if (issuer.jwksIfAny().isPresent()) {
            return new ImmutableJWKSet<>(issuer.jwks());
        }
        return issuer.jwksUriIfAny().map(this::remote).orElse(null);
    }

    JWKSource<SecurityContext> remote(URI url) {
        return remote.computeIfAbsent(url, this::build);
    }

    private JWKSource<SecurityContext> build(URI url) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) policy.jwksConnect().toMillis(),
                (int) policy.jwksRead().toMillis(), TokenPolicy.JWKS_SIZE_LIMIT);
        try {
            return JWKSourceBuilder.<SecurityContext>create(url.toURL(), retriever)
                    .cache(policy.jwksCacheTtl().toMillis(), policy.jwksConnect().plus(policy.jwksRead()).toMillis())
                    .rateLimited(policy.jwksMinInterval().toMillis())
                    .refreshAheadCache(false)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }
}
