package org.alliancecds.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile int failStatus;
    private volatile boolean garbage;
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
        } else {
            chain.doFilter(request, response);
        }
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

    private static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
