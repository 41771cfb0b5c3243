package org.alliancecds.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the releases stand at one moment, read once for a whole list: the release active then, the one in shadow, and
 * every step taken (newest first).
 */
public record ReleaseStates(Instant at, Optional<SemanticVersion> active, Optional<SemanticVersion> shadow,
                            List<ReleaseEvent> history) {

    public ReleaseStates {
        history = List.copyOf(history);
    }

    /** Active, in shadow, scheduled, retired (active once) or draft (never active). */
    public ReleaseState of(SemanticVersion version) {
        if (active.filter(version::equals).isPresent()) {
            return ReleaseState.ACTIVE;
        }
        if (shadow.filter(version::equals).isPresent()) {
            return ReleaseState.SHADOW;
        }
        List<ReleaseEvent> activations = history.stream().filter(event -> event.version().equals(version)
                && event.action().activates()).toList();
        if (activations.stream().anyMatch(event -> event.effectiveAt().isAfter(at))) {
            return ReleaseState.SCHEDULED;
        }
        return activations.isEmpty() ? ReleaseState.DRAFT : ReleaseState.RETIRED;
    }
}
