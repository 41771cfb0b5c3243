package org.alliancecds.bench.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code concurrency} callers, each sending its next request as soon as the previous answer is read, until the
 * requests run out: the most the service gives at that concurrency.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    static Measurement run(HttpClient http, String endpoint, int concurrency, List<HttpRequest> requests)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<Histogram> latencies = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        long started = System.nanoTime();
        while (callers.size() < concurrency) {
            Histogram latency = new Histogram(3);
            latencies.add(latency);
            Thread caller = new Thread(() -> {
                for (int index = next.getAndIncrement(); index < requests.size(); index = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    if (!answeredOk(http, requests.get(index))) {
                        errors.incrementAndGet();
                    }
                    latency.recordValue((System.nanoTime() - sent) / 1000);
                }
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread running : callers) {
            running.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram all = new Histogram(3);
        latencies.forEach(all::add);
        return new Measurement(endpoint, "c=" + concurrency, all.getTotalCount(), errors.get(), seconds, all);
    }

    private static boolean answeredOk(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofByteArray()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
