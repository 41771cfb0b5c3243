package org.alliancecds.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests sent on a fixed schedule whatever the answers do, as EHR traffic arrives. Latency is counted from when
 * a request was due, not when it left, so a stalled service cannot hide its stall by delaying the load
 * (coordinated omission).
 */
final class FixedRate {

    private FixedRate() {
    }

    static Measurement run(HttpClient http, String endpoint, int perSecond, List<HttpRequest> requests) {
        Histogram latency = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[requests.size()];
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long started = System.nanoTime();
        for (int index = 0; index < requests.size(); index++) {
            long due = started + index * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            answers[index] = http.sendAsync(requests.get(index), BodyHandlers.ofByteArray())
                    .handle((response, failure) -> {
                        latency.recordValue((System.nanoTime() - due) / 1000);
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        return null;
                    });
        }
        CompletableFuture.allOf(answers).join();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Measurement(endpoint, perSecond + "/s", latency.getTotalCount(), errors.get(), seconds, latency);
    }
}
