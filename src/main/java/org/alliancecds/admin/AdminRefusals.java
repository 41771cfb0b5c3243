package org.alliancecds.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refused admin attempts, counted per remote address in windows of a minute: past the limit, the address is turned
 * away (429) until its window ends, whatever it sends, so that tokens cannot be guessed at speed. Addresses are
 * forgotten a minute after their last refusal, and at most {@value #ADDRESSES} are kept.
 */
final class AdminRefusals {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int ADDRESSES = 10_000;

    private record Window(Instant start, int refusals) {
    }

    private final int perWindow;
    private final Clock clock;
    private final Cache<String, Window> byAddress;

    AdminRefusals(int perWindow, Clock clock) {
        if (perWindow < 1) {
            throw new IllegalArgumentException("cds.admin.refusals-per-minute must be at least 1, not " + perWindow);
        }
        this.perWindow = perWindow;
        this.clock = clock;
        this.byAddress = Caffeine.newBuilder().maximumSize(ADDRESSES).expireAfterWrite(WINDOW)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** How long the address must wait, when it has used up its refusals for this window. */
    Optional<Duration> waitFor(String address) {
        Window window = byAddress.getIfPresent(address);
        Instant now = clock.instant();
        if (window == null || window.refusals() < perWindow || !now.isBefore(window.start().plus(WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(WINDOW)));
    }

    void refused(String address) {
        Instant now = clock.instant();
        byAddress.asMap().compute(address, (key, window) ->
                window == null || !now.isBefore(window.start().plus(WINDOW))
                        ? new Window(now, 1) : new Window(window.start(), window.refusals() + 1));
    }
}
