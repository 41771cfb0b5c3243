package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the deployed service as an EHR would: every request carries a fresh, valid ES384 JWT of the test EHR
 * ({@link TestKeys#IT_ISSUER}) whose {@code aud} is the URL called under the service's public base URL
 * ({@link #PUBLIC_BASE}, as an EHR behind a proxy would call it; the port the tests reach is random). Paths are resolved against the host root,
 * not against the deployment URL, because the contract puts discovery at {@code {host}/cds-services}. Payara
 * Micro listens on every interface but advertises its network address; the tests call it on loopback so that no
 * request leaves the machine's loopback interface.
 */
final class CdsClient {

    static final String JSON = "application/json";
    /** The service's {@code cds.public-base-url} in arquillian.xml. */
    static final String PUBLIC_BASE = "https://cds.it.alliance-cds.test";

    private static final String LOOPBACK = "127.0.0.1";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Far above anything the service may take; a hung call fails the test instead of the build.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final URI root;
    private final String authorization;

    CdsClient(URL deployment) {
        try {
            this.root = new URI(deployment.getProtocol(), null, LOOPBACK, deployment.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + deployment, e);
        }
        this.authorization = null;
    }

    private CdsClient(URI root, String authorization) {
        this.root = root;
        this.authorization = authorization;
    }

    /** The same client sending {@code Authorization: <value>} on every call, as the console does. */
    CdsClient authorized(String value) {
        return new CdsClient(root, value);
    }

    URI root() {
        return root;
    }

    Reply get(String path) {
        return send(signed(path).GET().build());
    }

    /** A GET asking for another representation, such as the Prometheus text of {@code /metrics}. */
    Reply get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET().build());
    }

    Reply post(String path, JsonNode body) {
        return post(path, body.toString(), JSON);
    }

    Reply post(String path, String body, String contentType) {
        return post(path, body, contentType, Map.of());
    }

    /** A POST with further headers, for the few tests that need them; noted in the ledger the audit is checked by. */
    Reply post(String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder builder = signed(path).header("Content-Type", contentType);
        headers.forEach(builder::header);
        // The ledger notes what went on the wire: a fuzzed string may hold half a surrogate pair, which UTF-8
        // encoding turns into '?', and the service can only audit what it received.
        byte[] sent = body.getBytes(StandardCharsets.UTF_8);
        Reply reply = send(builder.POST(BodyPublishers.ofByteArray(sent)).build());
        AuditLedger.record(path, new String(sent, StandardCharsets.UTF_8), reply.status());
        return reply;
    }

    /** A request with exactly these headers (and no token unless they hold one); a null body sends none. */
    Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The URL a path is called at, as the request arrives (its Host header). */
    String url(String path) {
        URI called = root.resolve(path);
        return called.getScheme() + "://" + called.getRawAuthority() + called.getRawPath();
    }

    /** The {@code aud} a token for calling {@code path} must carry: the path under the public base URL. */
    String audience(String path) {
        return PUBLIC_BASE + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** A valid token of the test EHR for calling {@code path}, to be changed by the test. */
    TestJwt token(String path) {
        return TestJwt.by(TestKeys.itEs384(), TestKeys.IT_ISSUER).audience(audience(path));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A request with this client's own Authorization (the console's admin token), else a fresh EHR token. */
    private HttpRequest.Builder signed(String path) {
        HttpRequest.Builder request = request(path);
        return authorization == null ? request.header("Authorization", bearer(token(path).sign())) : request;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", JSON);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Reply send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), elapsed, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
