package org.alliancecds.hooks.security;

import org.alliancecds.common.Caller;
import org.alliancecds.fhir.AllowedServers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.CacheManager;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authentication settings, read once at start-up: on unless {@code cds.auth=off}; the trusted issuers from the
 * file {@code cds.trusted-issuers}, with the FHIR servers each may name; the base URLs a token's {@code aud} may
 * name ({@code cds.public-base-url} and {@code cds.auth.audiences}); the token time rules. With authentication off,
 * the FHIR servers anyone may name come from {@code cds.fhir.allowed-servers} (none by default). A setting that
 * cannot be used leaves authentication on and refusing every call (and the service unready), or, off, no FHIR
 * server allowed: a typo must never open the door. Without a configured base URL the audience is not known, and it
 * is never taken from the request's Host header, which the caller chooses.
 */
@ApplicationScoped
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

    @Inject
    @ConfigProperty(name = "cds.auth", defaultValue = "on")
    String mode;

    @Inject
    @ConfigProperty(name = "cds.trusted-issuers")
    Optional<String> issuersFile;

    @Inject
    @ConfigProperty(name = "cds.public-base-url")
    Optional<String> publicBaseUrl;

    @Inject
    @ConfigProperty(name = "cds.auth.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "cds.auth.clock-skew-seconds", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "cds.auth.max-token-lifetime-seconds", defaultValue = "300")
    long maxLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "cds.fhir.allowed-servers")
    Optional<String> allowedServersSetting;

    @Inject
    @ConfigProperty(name = "cds.auth.replay-store-size", defaultValue = "100000")
    int replayStoreSize;

    @Inject
    Instance<CacheManager> caches;

    @Inject
    Clock clock;

    private boolean required;
    private TokenVerifier verifier;
    private TrustedIssuers issuers;
    private AllowedServers openServers = AllowedServers.NONE;
    private List<URI> audienceBases = List.of();
    private String problem;

    @PostConstruct
    void load() {
        required = !"off".equalsIgnoreCase(mode.trim());
        if (!required) {
            openServers = openServers();
            LOG.warning("""

                    ********************************************************************************
                    *  AUTHENTICATION IS OFF (cds.auth=off): ANYONE WHO CAN REACH THIS SERVICE     *
                    *  CAN CALL IT. FOR LOCAL DEMOS ONLY. NEVER RUN IT LIKE THIS NEXT TO AN EHR.    *
                    ********************************************************************************""");
            return;
        }
        if (!"on".equalsIgnoreCase(mode.trim())) {
            LOG.warning(() -> "cds.auth is '" + mode + "', neither on nor off: authentication stays on");
        }
        try {
            audienceBases = Audience.bases(publicBaseUrl, audiences);
            TokenPolicy policy = TokenPolicy.defaults().withClockSkew(Duration.ofSeconds(clockSkewSeconds))
                    .withMaxLifetime(Duration.ofSeconds(maxLifetimeSeconds));
            issuers = TrustedIssuers.read(Path.of(issuersFile.orElseThrow(() ->
                    new IllegalArgumentException("cds.trusted-issuers (CDS_TRUSTED_ISSUERS) names no file"))));
            verifier = new TokenVerifier(issuers, replayStore(policy), policy, clock);
            warmUp(policy);
            LOG.info(() -> "authentication on: " + issuers.size() + " trusted issuer(s); tokens for " + audienceBases);
        } catch (RuntimeException e) {
            problem = e.getMessage();
            LOG.severe(() -> "authentication is on but cannot work, every call will get 401: " + problem);
        }
    }

    private void warmUp(TokenPolicy policy) {
        long start = System.nanoTime();
        try {
            int verified = VerifierWarmUp.run(policy, clock);
            LOG.fine(() -> "token verification warmed up with " + verified + " throwaway tokens in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "warming up token verification failed; the first call will pay for it", e);
        }
    }

    /** Instantiates the bean at start-up, so that the warning or the problem is logged before the first call. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.fine(() -> "authentication " + (required ? "required" : "off"));
    }

    public boolean required() {
        return required;
    }

    /** Whether authentication is off, or on and able to verify tokens. */
    public boolean usable() {
        return !required || verifier != null;
    }

    /**
     * The FHIR servers a caller may have the service fetch from: its trusted issuer's {@code fhir_servers}, or with
     * authentication off the {@code cds.fhir.allowed-servers} setting.
     *
     * @param issuer the verified issuer of the call ({@link Caller#ISSUER_PROPERTY}), null when there is none
     */
    public AllowedServers fhirServersFor(String issuer) {
        if (!required) {
            return openServers;
        }
        if (issuers == null) {
            return AllowedServers.NONE;
        }
        return issuers.get(issuer).map(TrustedIssuer::fhirServers).orElse(AllowedServers.NONE);
    }

    /**
     * The FHIR servers the clinician view may be launched from ({@code iss}): those of every trusted issuer, since a
     * launch names its FHIR server but no CDS client; with authentication off, {@code cds.fhir.allowed-servers}. The
     * view fetches only from these, as the hooks do.
     */
    public AllowedServers fhirServersOfAnyIssuer() {
        if (!required) {
            return openServers;
        }
        return issuers == null ? AllowedServers.NONE : issuers.allFhirServers();
    }

    private AllowedServers openServers() {
        try {
            AllowedServers servers = AllowedServers.parse(allowedServersSetting.orElse(""));
            LOG.info(() -> "FHIR servers anyone may name (cds.fhir.allowed-servers): " + servers.entries());
            return servers;
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "cds.fhir.allowed-servers cannot be used, no FHIR server is allowed: " + e.getMessage());
            return AllowedServers.NONE;
        }
    }

    /** Why authentication is on but cannot verify tokens; empty when it can (or is off). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** @param relativePath the path called, relative to the application root, as sent */
    Caller verify(String authorization, String relativePath) throws AuthenticationException {
        if (verifier == null) {
            throw new AuthenticationException(Refusal.MISCONFIGURED, problem);
        }
        return verifier.verify(authorization, Audience.of(audienceBases, relativePath));
    }

    private ReplayStore replayStore(TokenPolicy policy) {
        if (!caches.isResolvable()) {
            throw new IllegalStateException("no JCache CacheManager to keep used token ids in");
        }
        if (replayStoreSize < 1 || replayStoreSize > JCacheUsedIds.MAX_IDS) {
            throw new IllegalArgumentException("cds.auth.replay-store-size must be between 1 and "
                    + JCacheUsedIds.MAX_IDS + ", not " + replayStoreSize);
        }
        return new BoundedReplayStore(new JCacheUsedIds(caches.get(), policy.replayWindow()), replayStoreSize,
                policy.replayWindow(), clock);
    }
}
