package org.alliancecds.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one phase of the load produced.
 *
 * @param endpoint what was called
 * @param load     {@code c=16} for a closed loop of 16 callers, {@code 200/s} for a fixed rate
 * @param requests answers received
 * @param errors   answers other than 200, and calls that failed
 * @param seconds  how long the phase took
 * @param latency  per-call latency in microseconds (for a fixed rate: from when the call was due)
 */
record Measurement(String endpoint, String load, long requests, long errors, double seconds, Histogram latency) {

    double throughput() {
        return requests / seconds;
    }

    double percentileMillis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    String tableRow() {
        return String.format("| %s | %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.1f |", endpoint, load, requests,
                errors, throughput(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                latency.getMaxValue() / 1000.0);
    }

    static String tableHeader() {
        return "| endpoint | load | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|---|";
    }
}
