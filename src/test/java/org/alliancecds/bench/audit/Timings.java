package org.alliancecds.bench.audit;

import java.util.Arrays;

/** Durations of repeated runs of one read, in milliseconds, and their percentiles (nearest rank). */
final class Timings {

    private double[] millis = new double[16];
    private int count;

    void add(long nanos) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = nanos / 1e6;
    }

    int count() {
        return count;
    }

    double percentile(double percent) {
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    double max() {
        return percentile(100);
    }
}
