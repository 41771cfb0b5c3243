package org.alliancecds.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A FHIR server that misbehaves on purpose, for the fetch's defences: a plain JDK HTTP server on 127.0.0.1 answering
 * every request under {@code /fhir} in one of four ways: an empty searchset whose {@code next} link points where the
 * test says (another origin, say), or wherever a supplier of links says for each request, a searchset padded to a size with the next page always one more (so a search
 * never ends), or a searchset dripped one byte at a time. It records every request it gets, with its
 * {@code Authorization} header.
 */
public final class HostileFhirServer implements AutoCloseable {

    private enum Mode { NEXT_LINK, NEXT_LINKS, ENDLESS_PAGES, DRIP }

    private final HttpServer http;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NEXT_LINK;
    private volatile String nextLink;
    private volatile Supplier<String> nextLinks;
    private volatile int pageBytes;
    private volatile long dripMillis;

    private HostileFhirServer(int port) {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the hostile FHIR server to port " + port, e);
        }
        http.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "hostile-fhir");
            thread.setDaemon(true);
            return thread;
        }));
        http.createContext("/", this::answer);
        http.start();
    }

    /** On an ephemeral port. */
    public static HostileFhirServer start() {
        return new HostileFhirServer(0);
    }

    /** On the given port (one the service under test was told to allow). */
    public static HostileFhirServer startAt(int port) {
        return new HostileFhirServer(port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/fhir";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Every search answers an empty page whose next link is {@code url}. */
    public HostileFhirServer nextLinkTo(String url) {
        nextLink = url;
        mode = Mode.NEXT_LINK;
        return this;
    }

    /** Every search answers an empty page whose next link is whatever {@code links} gives for it. */
    public HostileFhirServer nextLinksFrom(Supplier<String> links) {
        nextLinks = links;
        mode = Mode.NEXT_LINKS;
        return this;
    }

    /** Every search answers a page of about {@code bytes} bytes with a next link to one more such page. */
    public HostileFhirServer endlessPages(int bytes) {
        pageBytes = bytes;
        mode = Mode.ENDLESS_PAGES;
        return this;
    }

    /** Every search answers a valid page, one byte every {@code millis} ms. */
    public HostileFhirServer drip(long millis) {
        dripMillis = millis;
        mode = Mode.DRIP;
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public HostileFhirServer resetRequests() {
        requests.clear();
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query),
                exchange.getRequestHeaders().getFirst("Authorization")));
        try (exchange) {
            byte[] body = switch (mode) {
                case NEXT_LINK -> page(nextLink, 0);
                case NEXT_LINKS -> page(nextLinks.get(), 0);
                case ENDLESS_PAGES -> page(baseUrl() + "?page=" + requests.size(), pageBytes);
                case DRIP -> page(null, 0);
            };
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            if (mode != Mode.DRIP) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            drip(exchange.getResponseBody(), body);
        }
    }

    private void drip(OutputStream out, byte[] body) throws IOException {
        for (byte one : body) {
            out.write(one);
            out.flush();
            try {
                Thread.sleep(dripMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static byte[] page(String next, int padding) {
        String link = next == null ? "" : "\"link\":[{\"relation\":\"next\",\"url\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(next)) + "\"}],";
        return ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + link + "\"entry\":[]"
                + " ".repeat(padding) + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
