package org.alliancecds.hooks.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An EHR's JWK set endpoint on loopback, for fetch, cache, rotation and timeout tests. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>(new JWKSet());
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger fetches = new AtomicInteger();

    JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            pause();
            byte[] body = keys.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    JwksServer serve(JWKSet set) {
        keys.set(set);
        return this;
    }

    JwksServer delay(Duration value) {
        delay.set(value);
        return this;
    }

    int fetches() {
        return fetches.get();
    }

    private void pause() {
        try {
            Thread.sleep(delay.get().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
