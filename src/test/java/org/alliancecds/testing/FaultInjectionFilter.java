package org.alliancecds.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of HAPI's servlet: records every request and, when switched on, delays it or answers
 * it without HAPI (HTTP error or unparseable body). Sitting outside HAPI means the client sees exactly
 * what a misbehaving real server or proxy would send.
 */
final class FaultInjectionFilter implements Filter {

    static final String FAILURE_BODY = "Simulated upstream failure";
    static final String GARBAGE_BODY = "<html>this is not FHIR JSON";
    /** Where HAPI serves; redirects apply to it, not to the second mapping they point to. */
    static final String FHIR_PATH = "/fhir/";
    /** The second mapping, within the first's path (so a redirect there stays within an allowed base). */
    static final String MOVED_PATH = FHIR_PATH + "moved/";
    private static final int PAD_BLOCK = 64 * 1024;
    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile int failStatus;
    private volatile boolean garbage;
    private volatile String redirectBase;
    private volatile long padding;
    // Counted down by healthy() so requests still sleeping in a delay are released at once.
    private volatile CountDownLatch release = new CountDownLatch(1);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        requests.add(RecordedRequest.of((HttpServletRequest) request));
        pause();
        HttpServletResponse http = (HttpServletResponse) response;
        int status = failStatus;
        if (status != 0) {
            write(http, status, "text/plain;charset=utf-8", FAILURE_BODY);
        } else if (garbage) {
            write(http, 200, "application/fhir+json;charset=utf-8", GARBAGE_BODY);
        } else if (redirectBase != null && ((HttpServletRequest) request).getRequestURI().startsWith(FHIR_PATH)
                && !((HttpServletRequest) request).getRequestURI().startsWith(MOVED_PATH)) {
            redirect((HttpServletRequest) request, http);
        } else if (padding > 0) {
            pad(http);
            chain.doFilter(withoutCompression((HttpServletRequest) request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    void redirectTo(String base) {
        redirectBase = base;
    }

    void pad(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("padding must be zero or positive: " + bytes);
        }
        padding = bytes;
    }

    void delay(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + value);
        }
        delay = value;
    }

    void failWith(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        garbage = false;
        failStatus = status;
    }

    void answerGarbage() {
        failStatus = 0;
        garbage = true;
    }

    void healthy() {
        delay = Duration.ZERO;
        failStatus = 0;
        garbage = false;
        redirectBase = null;
        padding = 0;
        CountDownLatch previous = release;
        release = new CountDownLatch(1);
        previous.countDown();
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void resetRequests() {
        requests.clear();
    }

    private void pause() throws InterruptedIOException {
        Duration current = delay;
        if (current.isZero()) {
            return;
        }
        try {
            release.await(current.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while delaying response");
        }
    }

    /** 302 to the same path and query under another base URL. */
    private void redirect(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", redirectBase + request.getRequestURI().substring(FHIR_PATH.length() - 1)
                + (query == null ? "" : "?" + query));
    }

    /**
     * Commits a 200 FHIR JSON answer and sends whitespace before HAPI writes the real body: still valid JSON, only
     * larger, and chunked (no Content-Length), as a server streaming a huge answer would send it.
     */
    private void pad(HttpServletResponse response) throws IOException {
        long bytes = padding;
        response.setStatus(200);
        response.setContentType("application/fhir+json;charset=utf-8");
        // HAPI writes its answer through the writer, so the padding must go through it too.
        String block = " ".repeat(PAD_BLOCK);
        for (long left = bytes; left > 0; left -= block.length()) {
            response.getWriter().write(block, 0, (int) Math.min(block.length(), left));
        }
    }

    /** HAPI gzips for clients that accept it, and gzip after plain padding is no longer one stream: ask for none. */
    private static HttpServletRequest withoutCompression(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return ACCEPT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return ACCEPT_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                        : super.getHeaders(name);
            }
        };
    }

    private static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
