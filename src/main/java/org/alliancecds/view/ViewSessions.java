package org.alliancecds.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancecds.common.ClusterCaches;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The view's sessions, in JCache (Hazelcast on Payara), so that every instance of a cluster serves a view launched on
 * any of them. Two caches: launches between the redirect and the callback (they expire after
 * {@value #LAUNCH_MINUTES} min, the time a sign-in may take) and launched views (after {@value #VIEW_HOURS} h, a
 * clinic day; the token's own expiry ends a view sooner). Each is sealed with its browser's cookie id ({@link Sealed}).
 */
@ApplicationScoped
public class ViewSessions {

    static final String LAUNCHES = "alliance-cds-view-launches";
    static final String VIEWS = "alliance-cds-view-sessions";
    static final int LAUNCH_MINUTES = 10;
    static final int VIEW_HOURS = 12;

    @Inject
    Instance<CacheManager> caches;

    @Inject
    @ConfigProperty(name = ViewCookie.SETTING, defaultValue = "cross-site")
    String cookieSetting;

    private ViewCookie.Mode mode;
    private Cache<String, String> launches;
    private Cache<String, String> views;

    @PostConstruct
    void open() {
        mode = ViewCookie.Mode.of(cookieSetting);
        if (!caches.isResolvable()) {
            throw new IllegalStateException("no JCache CacheManager to keep the view's sessions in");
        }
        launches = cache(caches.get(), LAUNCHES, new Duration(TimeUnit.MINUTES, LAUNCH_MINUTES));
        views = cache(caches.get(), VIEWS, new Duration(TimeUnit.HOURS, VIEW_HOURS));
    }

    /** A launch starts: whatever view this browser had ends (one launch, one patient), under a new cookie id. */
    void begin(HttpServletRequest request, HttpServletResponse response, PendingLaunch launch) {
        end(request);
        String id = Sealed.newId();
        launches.put(Sealed.key(id), Sealed.seal(id, write(launch)));
        ViewCookie.write(request, response, id, mode);
    }

    /** The browser's launch in progress, used up: a callback is answered once, whatever it brings. */
    Optional<PendingLaunch> takeLaunch(HttpServletRequest request) {
        return ViewCookie.read(request).flatMap(id -> Optional.ofNullable(launches.getAndRemove(Sealed.key(id)))
                .flatMap(sealed -> Sealed.open(id, sealed))).map(ViewSessions::launch);
    }

    /** The launch succeeded: the view under a new cookie id (an id seen before the sign-in is worth nothing after). */
    void launched(HttpServletRequest request, HttpServletResponse response, ViewSession view) {
        String id = Sealed.newId();
        views.put(Sealed.key(id), Sealed.seal(id, write(view)));
        ViewCookie.write(request, response, id, mode);
    }

    Optional<ViewSession> view(HttpServletRequest request) {
        return ViewCookie.read(request).flatMap(id -> Optional.ofNullable(views.get(Sealed.key(id)))
                .flatMap(sealed -> Sealed.open(id, sealed))).map(ViewSessions::view);
    }

    private void end(HttpServletRequest request) {
        ViewCookie.read(request).ifPresent(id -> {
            views.remove(Sealed.key(id));
            launches.remove(Sealed.key(id));
        });
    }

    private static String write(PendingLaunch launch) {
        return ViewReplies.JSON.createObjectNode().put("iss", launch.iss()).put("state", launch.state())
                .put("codeVerifier", launch.codeVerifier()).put("tokenEndpoint", launch.tokenEndpoint())
                .put("redirectUri", launch.redirectUri()).toString();
    }

    private static PendingLaunch launch(String text) {
        JsonNode json = parse(text);
        return new PendingLaunch(json.path("iss").asText(), json.path("state").asText(),
                json.path("codeVerifier").asText(), json.path("tokenEndpoint").asText(),
                json.path("redirectUri").asText());
    }

    private static String write(ViewSession view) {
        ObjectNode json = ViewReplies.JSON.createObjectNode().put("iss", view.iss())
                .put("accessToken", view.accessToken()).put("scope", view.scope())
                .put("expiresAt", view.expiresAt() == null ? null : view.expiresAt().toString())
                .put("patientId", view.patientId()).put("focus", view.focus());
        return json.toString();
    }

    private static ViewSession view(String text) {
        JsonNode json = parse(text);
        return new ViewSession(json.path("iss").asText(), json.path("accessToken").asText(), text(json, "scope"),
                Optional.ofNullable(text(json, "expiresAt")).map(Instant::parse).orElse(null),
                json.path("patientId").asText(), text(json, "focus"));
    }

    private static String text(JsonNode json, String field) {
        return json.path(field).isTextual() ? json.path(field).asText() : null;
    }

    private static JsonNode parse(String text) {
        try {
            return ViewReplies.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view session this service wrote is not JSON", e);
        }
    }

    /** The shared cache of that name, its entries living {@code lifetime} from when they were made. */
    private static Cache<String, String> cache(CacheManager caches, String name, Duration lifetime) {
        return ClusterCaches.getOrCreate(caches, name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(lifetime)));
    }
}
