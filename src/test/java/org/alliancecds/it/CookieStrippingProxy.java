package org.alliancecds.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The deployment's launch behind a proxy that takes cookie attributes out of its answer: the negative controls of
 * the framed launch. It answers the launch's GET with the deployment's status, {@code Location} and {@code Set-Cookie}
 * less the attributes named; the rest of the launch (authorization, callback, page) goes to the deployment itself,
 * which shares the proxy's host, and so its cookies.
 */
final class CookieStrippingProxy implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpServer server;
    private final URI target;
    private final List<String> stripped;

    /**
     * @param target   the deployment's root, {@code http://127.0.0.1:port/}
     * @param stripped the attributes to take out, as written ({@code SameSite=None}, {@code Partitioned})
     */
    CookieStrippingProxy(URI target, List<String> stripped) throws IOException {
        this.target = target;
        this.stripped = List.copyOf(stripped);
        this.server = HttpServer.create(new InetSocketAddress(target.getHost(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The proxy's root, on the deployment's host. */
    String root() {
        return "http://" + target.getHost() + ":" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(target.resolve(
                    exchange.getRequestURI().toString().substring(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Location")
                    .ifPresent(location -> exchange.getResponseHeaders().add("Location", location));
            answer.headers().allValues("Set-Cookie")
                    .forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", strip(cookie)));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String strip(String cookie) {
        String kept = cookie;
        for (String attribute : stripped) {
            kept = kept.replace("; " + attribute, "");
        }
        return kept;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
