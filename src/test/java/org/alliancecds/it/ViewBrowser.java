package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A browser as the SMART launch sees it: keeps cookies (the view's session), follows no redirect by itself (so a test
 * sees each step), and maps the service's public base URL, which the EHR redirects to, onto the running deployment.
 * Like browsers, it counts loopback as a secure origin: the view's {@code Secure} session cookie is sent to the
 * deployment over plain HTTP on 127.0.0.1, which Java's cookie manager alone would not do.
 */
final class ViewBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new LoopbackIsSecure(new CookieManager())).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI root;

    ViewBrowser(URI root) {
        this.root = root;
    }

    /** A GET of the URL (one under the public base URL goes to the deployment). */
    HttpResponse<String> get(String url) {
        String local = url.startsWith(CdsClient.PUBLIC_BASE)
                ? root.toString().replaceAll("/$", "") + url.substring(CdsClient.PUBLIC_BASE.length()) : url;
        try {
            return http.send(HttpRequest.newBuilder(URI.create(local)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + local + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Where a redirect answer points, after checking its status. */
    static String location(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (HTTP " + answer.statusCode() + "): " + answer.body(), e);
        }
    }

    URI root() {
        return root;
    }

    /** The session cookie as the last answer set it (the raw {@code Set-Cookie} header), for attribute checks. */
    static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("alliance-view-session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
    }

    /** Hands cookies for an {@code http} loopback address out as for {@code https}, as browsers do. */
    private static final class LoopbackIsSecure extends CookieHandler {

        private final CookieHandler cookies;

        LoopbackIsSecure(CookieHandler cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(loopback(uri) ? asHttps(uri) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }

        private static boolean loopback(URI uri) {
            return "http".equals(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        }

        private static URI asHttps(URI uri) {
            try {
                return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(),
                        uri.getQuery(), null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(uri.toString(), e);
            }
        }
    }
}
